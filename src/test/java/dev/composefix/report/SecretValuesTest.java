package dev.composefix.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.composefix.model.Secrets;
import dev.composefix.testing.SharedData;
import dev.composefix.yaml.YAlias;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;
import dev.composefix.yaml.YamlDocument;
import dev.composefix.yaml.YamlException;
import dev.composefix.yaml.YamlLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The secret values a run collects for its reports, against the straightforward walk of every node of every
 * tree they were first collected with (no look at the text first): on seeded random YAML made of secret
 * words, credential pieces split over lines, escapes and letters that upper-case to ASCII, and on the
 * shared corpus. A failure names its seed or file.
 */
class SecretValuesTest {

    private static final List<String> PIECES = List.of("PASS", "word", "pwd", "Secret", "TOKEN", "api", "_KEY",
            "key", "auth", "creds", "CREDENTIAL", "ſecret", "paß", "x", "db", "URL", "://", "u:hunter2@h",
            "postgres://app:s3cr3t@db/x", "-----BEGIN", "-----BEGIN RSA PRIVATE KEY-----", "AKIA", "AKIAABCDEFGHIJKLMNOP",
            "ghp_", "ghp_abcdefghijklmnopqrstuvwxyz0123456789", "github_pat_", "xox", "xoxb-1234567890ab", "sk_live_",
            "sk_live_abcdefghijklmnop", "@", "$", "${X:-pw}", "changeme", "-", "\\x41", "\\u0050", "\\", "=", " ",
            "'", "''", "\"", "PRIVATE KEY-----", "RSA ", "KIAABCDEFGHIJKLMNOP", "\\x41", "\\x50ASS", ":/", "\\x2f",
            "\\x2f/u:pw@h", "\\\n", "ASSWORD",
            // escapes of double-quoted scalars that break a value's lines where \R does
            "\\n", "\\r", "\\r\\n", "\\v", "\\f", "\\N", "\\L", "\\P");

    @Test
    void valuesOfSeededDocumentsAreThoseOfWalkingEveryNode() {
        YamlLoader loader = new YamlLoader();
        int parsed = 0;
        for (long seed = 1; seed <= 20_000; seed++) {
            String text = document(new Random(seed));
            YamlDocument doc;
            try {
                doc = loader.load(text);
            } catch (YamlException e) {
                continue; // not YAML: nothing to collect from
            }
            parsed++;
            assertEquals(reference(List.of(doc)), SecretRedaction.values(List.of(doc)), "seed " + seed + ":\n" + text);
        }
        assertEquals(true, parsed > 8_000, "too few seeded documents parse: " + parsed);
    }

    @Test
    void valuesOfTheCorpusAreThoseOfWalkingEveryNode() throws Exception {
        YamlLoader loader = new YamlLoader();
        List<Path> files;
        try (Stream<Path> s = Files.walk(SharedData.corpus())) {
            files = s.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.ya?ml")).sorted().toList();
        }
        for (Path file : files) {
            YamlDocument doc;
            try {
                doc = loader.load(Files.readAllBytes(file));
            } catch (YamlException e) {
                continue;
            }
            assertEquals(reference(List.of(doc)), SecretRedaction.values(List.of(doc)), file.toString());
        }
    }

    /** A few lines of keys, sequences and scalars of every style, from the pieces. */
    private static String document(Random r) {
        StringBuilder b = new StringBuilder();
        int lines = 1 + r.nextInt(8);
        for (int i = 0; i < lines; i++) {
            String key = words(r, 1 + r.nextInt(3)).replace(":", "").replace("\"", "").replace("'", "")
                    .replace("\\", "").replace("@", "").replace("-", "_").strip();
            if (r.nextInt(4) == 0) {
                // a double-quoted key, where escapes may spell a secret name
                b.append('"').append(words(r, 1 + r.nextInt(3)).replace("\"", "")).append(i).append("\":");
            } else {
                b.append(key.isEmpty() ? "k" + i : key + i).append(':');
            }
            switch (r.nextInt(7)) {
                case 0 -> b.append(" \"").append(words(r, 1 + r.nextInt(4)).replace("\"", "")).append('"');
                case 1 -> b.append(" '").append(words(r, 1 + r.nextInt(4)).replace("'", "''")).append('\'');
                case 2 -> b.append("\n  - ").append(words(r, 2).replace("\"", "").replace("'", ""))
                        .append("\n  - NAME_").append(words(r, 1).replace("\"", "").replace("'", "").strip())
                        .append('=').append(words(r, 1).replace("\"", "").replace("'", ""));
                case 3 -> b.append(" |\n    ").append(words(r, 2)).append("\n    ").append(words(r, 2));
                case 4 -> b.append(" >\n    ").append(words(r, 2)).append("\n    ").append(words(r, 2));
                case 5 -> b.append(" \"").append(words(r, 2).replace("\"", "")).append("\n   ")
                        .append(words(r, 2).replace("\"", "")).append('"');
                default -> b.append(" x").append(words(r, 2).replace("\"", "").replace("'", ""))
                        .append("\n   ").append(words(r, 2).replace("\"", "").replace("'", ""));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String words(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(PIECES.get(r.nextInt(PIECES.size())));
        }
        return b.toString().replace("#", "").replace("\n", "");
    }

    /** The values as first collected: every node of every tree walked, every scalar looked at. */
    private static Set<String> reference(List<YamlDocument> documents) {
        Set<String> found = new LinkedHashSet<>();
        for (YamlDocument doc : documents) {
            Deque<YNode> todo = new ArrayDeque<>();
            if (doc.root() != null) {
                todo.push(doc.root());
            }
            while (!todo.isEmpty()) {
                YNode n = todo.pop();
                if (n instanceof YAlias) {
                    continue;
                }
                if (n instanceof YMapping m) {
                    for (YEntry e : m.entries()) {
                        if (e.value() != null && e.value().resolve() instanceof YScalar s
                                && Secrets.secretName(e.keyText()) && Secrets.secretValue(s.value())) {
                            found.add(s.value());
                        }
                        if (e.key() instanceof YScalar k) {
                            credentials(k.value(), found);
                        } else {
                            todo.push(e.key());
                        }
                        if (e.value() != null) {
                            todo.push(e.value());
                        }
                    }
                } else if (n instanceof YSequence q) {
                    for (YNode item : q.items()) {
                        if (item instanceof YScalar s) {
                            int eq = s.value().indexOf('=');
                            if (eq > 0 && Secrets.secretName(s.value().substring(0, eq))
                                    && Secrets.secretValue(s.value().substring(eq + 1))) {
                                found.add(s.value().substring(eq + 1));
                            }
                        }
                        todo.push(item);
                    }
                } else if (n instanceof YScalar s) {
                    credentials(s.value(), found);
                }
            }
        }
        Set<String> values = new LinkedHashSet<>();
        for (String v : found) {
            for (String line : v.split("\\R")) {
                if (line.strip().length() >= 4) {
                    values.add(line.strip());
                }
            }
        }
        return values;
    }

    private static void credentials(String value, Set<String> out) {
        List<int[]> ranges = new ArrayList<>(Secrets.credentials(value));
        for (int[] range : ranges) {
            out.add(value.substring(range[0], range[1]));
        }
    }
}
