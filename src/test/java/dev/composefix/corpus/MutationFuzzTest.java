package dev.composefix.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.cli.Input;
import dev.composefix.cli.LintRun;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.ComposeLoader;
import dev.composefix.model.Variables;
import dev.composefix.rewrite.RewriteFailure;
import dev.composefix.rewrite.RewriteResult;
import dev.composefix.rewrite.Rewriter;
import dev.composefix.rules.Rules;
import dev.composefix.testing.Seeds;
import dev.composefix.testing.SharedData;
import dev.composefix.yaml.YamlException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A mutation fuzzer: takes every file of the corpus and of the fixtures, breaks it with byte flips,
 * line deletions and duplications, indentation shifts, quote insertions and truncations, and runs
 * lint and rewrite on the result. No case may end in an internal error or an exception, none may hang
 * (each has a generous time bound, a hang detector rather than a speed check), and a rewrite either
 * gives a text that parses again or is refused.
 *
 * <p>{@code -Dcomposefix.fuzz.cases=N} sets the number of cases (default {@value #DEFAULT_CASES}, sized
 * for CI); every failure prints its seed, and {@code -Dcomposefix.seed=S} replays exactly that case;
 * {@code -Dcomposefix.fuzz.dump=DIR} writes the bytes of each failed or refused case to DIR/SEED.yaml.
 */
public class MutationFuzzTest {

    static final int DEFAULT_CASES = 3000;
    private static final long BASE = 1010;
    private static final long CASE_SECONDS = 20;

    /** The inputs, in a fixed order so that a seed always picks the same one. */
    public static List<Path> inputs() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path root : List.of(SharedData.corpus(), Path.of("fixtures"))) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(Files::isRegularFile)
                        .filter(p -> p.getFileName().toString().matches("(?i).*\\.ya?ml"))
                        .filter(p -> !p.getFileName().toString().startsWith("expected"))
                        .sorted().forEach(out::add);
            }
        }
        return out;
    }

    /** The mutated bytes of a case: one to four mutations of one input. */
    public static byte[] mutate(byte[] original, Random r, StringBuilder log) {
        byte[] b = original;
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(6);
            switch (kind) {
                case 0 -> {
                    if (b.length > 0) {
                        b = b.clone();
                        int at = r.nextInt(b.length);
                        b[at] ^= (byte) (1 << r.nextInt(8));
                        log.append("flip@").append(at).append(' ');
                    }
                }
                case 1 -> {
                    List<byte[]> lines = lines(b);
                    if (!lines.isEmpty()) {
                        int at = r.nextInt(lines.size());
                        lines.remove(at);
                        b = join(lines);
                        log.append("delete-line ").append(at + 1).append(' ');
                    }
                }
                case 2 -> {
                    List<byte[]> lines = lines(b);
                    if (!lines.isEmpty()) {
                        int at = r.nextInt(lines.size());
                        lines.add(at, lines.get(at));
                        b = join(lines);
                        log.append("duplicate-line ").append(at + 1).append(' ');
                    }
                }
                case 3 -> {
                    List<byte[]> lines = lines(b);
                    if (!lines.isEmpty()) {
                        int at = r.nextInt(lines.size());
                        byte[] line = lines.get(at);
                        int shift = r.nextBoolean() ? 1 + r.nextInt(4) : -(1 + r.nextInt(2));
                        if (shift > 0) {
                            byte[] out = new byte[line.length + shift];
                            java.util.Arrays.fill(out, 0, shift, (byte) ' ');
                            System.arraycopy(line, 0, out, shift, line.length);
                            line = out;
                        } else {
                            int strip = 0;
                            while (strip < -shift && strip < line.length && line[strip] == ' ') {
                                strip++;
                            }
                            line = java.util.Arrays.copyOfRange(line, strip, line.length);
                        }
                        lines.set(at, line);
                        b = join(lines);
                        log.append("indent ").append(shift).append("@line ").append(at + 1).append(' ');
                    }
                }
                case 4 -> {
                    int at = b.length == 0 ? 0 : r.nextInt(b.length + 1);
                    byte[] q = switch (r.nextInt(4)) {
                        case 0 -> new byte[] {'"'};
                        case 1 -> new byte[] {'\''};
                        case 2 -> new byte[] {'&', 'a', ' '};
                        default -> new byte[] {'*', 'a'};
                    };
                    byte[] out = new byte[b.length + q.length];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(q, 0, out, at, q.length);
                    System.arraycopy(b, at, out, at + q.length, b.length - at);
                    b = out;
                    log.append("insert ").append(new String(q, java.nio.charset.StandardCharsets.UTF_8).strip())
                            .append('@').append(at).append(' ');
                }
                default -> {
                    int at = b.length == 0 ? 0 : r.nextInt(b.length + 1);
                    b = java.util.Arrays.copyOf(b, at);
                    log.append("truncate@").append(at).append(' ');
                }
            }
        }
        return b;
    }

    private static List<byte[]> lines(byte[] b) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                out.add(java.util.Arrays.copyOfRange(b, start, i + 1));
                start = i + 1;
            }
        }
        if (start < b.length) {
            out.add(java.util.Arrays.copyOfRange(b, start, b.length));
        }
        return out;
    }

    private static byte[] join(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] l : lines) {
            out.writeBytes(l);
        }
        return out.toByteArray();
    }

    /** What one case came to: null when all is well, else what went wrong. */
    static String runCase(String name, byte[] bytes, Counts counts) throws Exception {
        Path fake = Path.of(System.getProperty("java.io.tmpdir"), "composefix-fuzz", "compose.yaml");
        LintRun run = new LintRun(Rules.catalog(), new LintRun.Options(null, List.of(), List.of(), null, true, null),
                Map.of());
        LintRun.Outcome o = run.run(List.of(new Input(name, fake, bytes)));
        if (!o.failures().isEmpty()) {
            return "lint: " + o.failures().get(0).message();
        }
        ComposeFile file;
        try {
            file = new ComposeLoader().load(name, bytes, Variables.NONE);
        } catch (YamlException e) {
            counts.unparsable++;
            return null;
        }
        RewriteResult result;
        try {
            result = new Rewriter(dev.composefix.testing.TestLinters.allRules(), Variables.NONE, false).rewrite(name, file);
        } catch (RewriteFailure e) {
            counts.refused.add(name + ": " + e.rule() + ": " + e.getMessage());
            return null; // refused: nothing would be written
        }
        if (result.changed()) {
            try {
                new ComposeLoader().load(name, result.text(), Variables.NONE);
            } catch (YamlException e) {
                return "rewrite output does not parse: " + e.getMessage();
            }
            counts.rewritten++;
        } else {
            counts.unchanged++;
        }
        return null;
    }

    static final class Counts {
        int unparsable;
        final List<String> refused = new ArrayList<>();
        int rewritten;
        int unchanged;
    }

    @Test
    void mutatedFilesNeverCrashHangOrGiveAnUnreadableRewrite() throws Exception {
        List<Path> inputs = inputs();
        assertTrue(inputs.size() >= 400, "corpus and fixtures: " + inputs.size());
        List<byte[]> contents = new ArrayList<>();
        for (Path p : inputs) {
            contents.add(Files.readAllBytes(p));
        }
        int cases = Integer.getInteger("composefix.fuzz.cases", DEFAULT_CASES);
        Counts counts = new Counts();
        List<String> failures = new ArrayList<>();
        ExecutorService pool = Executors.newSingleThreadExecutor(daemon());
        List<Long> seeds = Seeds.of(BASE, cases).toList();
        try {
            for (long seed : seeds) {
                Random r = new Random(seed);
                int which = r.nextInt(inputs.size());
                StringBuilder log = new StringBuilder();
                byte[] mutated = mutate(contents.get(which), r, log);
                String name = inputs.get(which).toString();
                int refusedBefore = counts.refused.size();
                Future<String> f = pool.submit(() -> runCase(name, mutated, counts));
                String problem;
                try {
                    problem = f.get(CASE_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    f.cancel(true);
                    pool.shutdownNow();
                    pool = Executors.newSingleThreadExecutor(daemon());
                    problem = "no answer within " + CASE_SECONDS + " s (a hang?)";
                } catch (java.util.concurrent.ExecutionException e) {
                    StringWriter w = new StringWriter();
                    e.getCause().printStackTrace(new PrintWriter(w));
                    problem = "exception: " + w.toString().lines().limit(8).reduce((a, b) -> a + "\n" + b).orElse("");
                }
                String dump = System.getProperty("composefix.fuzz.dump"); // a directory: the cases' bytes
                if (dump != null && (problem != null || counts.refused.size() > refusedBefore)) {
                    Files.createDirectories(Path.of(dump));
                    Files.write(Path.of(dump, seed + ".yaml"), mutated);
                }
                if (counts.refused.size() > refusedBefore) { // name the case, so that it can be replayed
                    int last = counts.refused.size() - 1;
                    counts.refused.set(last, counts.refused.get(last) + " [" + log.toString().strip() + "] "
                            + Seeds.replay(seed));
                }
                if (problem != null) {
                    failures.add(name + " [" + log.toString().strip() + "]: " + problem + "\n  " + Seeds.replay(seed));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("fuzz: " + seeds.size() + " cases over " + inputs.size() + " files: " + counts.unparsable
                + " not parsable (a clear parse-error), " + counts.rewritten + " rewritten and re-parsed, "
                + counts.unchanged + " unchanged, " + counts.refused.size() + " rewrites refused, " + failures.size()
                + " failures");
        counts.refused.forEach(x -> System.out.println("fuzz: refused (nothing written): " + x));
        assertTrue(failures.isEmpty(), () -> failures.size() + " failing cases:\n"
                + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true);
            return t;
        };
    }
}
