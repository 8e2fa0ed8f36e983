package dev.composefix.report;

import dev.composefix.engine.Finding;
import dev.composefix.yaml.LineMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The identity of a finding across runs, shared by SARIF {@code partialFingerprints}, Code Climate
 * fingerprints and baselines: the rule's code, the file's report path, the service and the offending
 * text with its whitespace collapsed, but not the line or column, so a finding keeps its fingerprint
 * when lines are added above it. Findings that agree on all four are told apart by their order in the
 * file (the first, the second, ...), so fingerprints are unique within a report. 32 hex digits of a
 * SHA-256 digest.
 */
public final class Fingerprint {

    private static final String SCHEME = "composefix-fingerprint-v1";

    private Fingerprint() {
    }

    /** The fingerprints of {@code findings} (in report order), one per finding, in the same order. */
    public static List<String> of(List<Finding> findings, Map<String, LineMap> sources,
            java.util.function.Function<String, Redaction> redaction) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            String key = String.join("\n", SCHEME, f.code(), ReportPath.of(f.file()),
                    f.service() == null ? "" : f.service(),
                    offendingText(f, sources.get(f.file()), redaction.apply(f.file())));
            int occurrence = seen.merge(key, 1, Integer::sum) - 1;
            out.add(digest(key + "\n" + occurrence));
        }
        return out;
    }

    /**
     * The text the finding points at, masked, with runs of whitespace collapsed to one space; the whole
     * line when the finding's range is empty; nothing when the file's text is not known.
     */
    static String offendingText(Finding f, LineMap source, Redaction redaction) {
        if (source == null) {
            return "";
        }
        String text = source.text();
        int start = Math.max(0, Math.min(f.start().offset(), text.length()));
        int end = Math.max(start, Math.min(f.end().offset(), text.length()));
        String s = text.substring(start, end);
        if (s.isBlank() && f.start().line() <= source.lineCount()) {
            s = source.line(f.start().line());
        }
        return redaction.mask(s).strip().replaceAll("\\s+", " ");
    }

    private static String digest(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder(32);
            for (int i = 0; i < 16; i++) {
                b.append(Character.forDigit((hash[i] >> 4) & 0xF, 16)).append(Character.forDigit(hash[i] & 0xF, 16));
            }
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
