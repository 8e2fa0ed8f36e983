package dev.composefix.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property checks over seeded random inputs. A failure names its seed; replay one with
 * {@code mvn test -Dtest='dev.composefix.discovery.GlobPropertyTest' -Ddiscovery.seed=SEED}.
 */
class GlobPropertyTest {

    static LongStream seeds() {
        String replay = System.getProperty("discovery.seed", "").trim();
        return replay.isEmpty() ? LongStream.rangeClosed(1, 200) : LongStream.of(Long.parseLong(replay));
    }

    /** Runs a check, naming the seed in any failure, under a time limit. */
    private static void forSeed(long seed, Duration limit, SeededCheck check) {
        assertTimeoutPreemptively(limit, () -> {
            try {
                check.run(new Random(seed));
            } catch (Throwable t) {
                throw new AssertionError("seed " + seed + " failed (replay with -Ddiscovery.seed=" + seed + "): " + t, t);
            }
        }, () -> "seed " + seed + " took too long (replay with -Ddiscovery.seed=" + seed + ")");
    }

    @FunctionalInterface
    interface SeededCheck {
        void run(Random random) throws Exception;
    }

    private static final String[] HOSTILE = {
        "*", "**", "***", "?", "/", "//", "[", "]", "[!", "[^", "-", "\\", "\\\\", "!", "#", " ", "\t", "\r",
        "[:alpha:]", "[:", ":]", "[[:", "a", "b", "é", "\u0000", "\uD800", "x/**/", "/**", "**/", ".", ".."};

    private static String hostile(Random random, int maxParts) {
        StringBuilder b = new StringBuilder();
        int parts = random.nextInt(maxParts + 1);
        for (int i = 0; i < parts; i++) {
            b.append(HOSTILE[random.nextInt(HOSTILE.length)]);
        }
        return b.toString();
    }

    private static String randomPath(Random random, String alphabet, int maxDepth, int maxName) {
        StringBuilder b = new StringBuilder();
        int depth = 1 + random.nextInt(maxDepth);
        for (int d = 0; d < depth; d++) {
            if (d > 0) {
                b.append('/');
            }
            int length = 1 + random.nextInt(maxName);
            for (int i = 0; i < length; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return b.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomIgnoreFilesNeverThrowAndAnswerQuickly(long seed) {
        forSeed(seed, Duration.ofSeconds(10), random -> {
            StringBuilder content = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                content.append(hostile(random, random.nextInt(10) == 0 ? 120 : 12)).append('\n');
            }
            IgnoreRules rules = IgnoreRules.NONE.with(IgnoreFile.parse("", content.toString()))
                    .with(IgnoreFile.parse("a", hostile(random, 30)));
            for (int i = 0; i < 40; i++) {
                String path = randomPath(random, "ab*?[]!\\:-. é", random.nextInt(10) == 0 ? 40 : 4, 12);
                rules.isIgnored(path, random.nextBoolean());
            }
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void globAgreesWithAReferenceMatcher(long seed) {
        forSeed(seed, Duration.ofSeconds(10), random -> {
            for (int i = 0; i < 200; i++) {
                StringBuilder pattern = new StringBuilder();
                int length = random.nextInt(9);
                for (int k = 0; k < length; k++) {
                    pattern.append("ab/*?".charAt(random.nextInt(5)));
                }
                String text = randomPath(random, "ab", 4, 3);
                String p = pattern.toString();
                assertEquals(Reference.matches(p, text), Glob.compile(p).matches(text),
                        () -> "pattern '" + p + "' text '" + text + "'");
            }
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anEscapedNameMatchesExactlyThatName(long seed) {
        forSeed(seed, Duration.ofSeconds(10), random -> {
            for (int i = 0; i < 50; i++) {
                String name = randomPath(random, "ab*?[]!^-\\:#. é", 1, 10);
                StringBuilder escaped = new StringBuilder();
                for (char c : name.toCharArray()) {
                    if ("*?[\\".indexOf(c) >= 0) {
                        escaped.append('\\');
                    }
                    escaped.append(c);
                }
                Glob glob = Glob.compile(escaped.toString());
                assertTrue(glob.matches(name), () -> "'" + escaped + "' should match '" + name + "'");
                assertFalse(glob.matches(name + "a"), () -> "'" + escaped + "' should not match '" + name + "a'");
                assertFalse(glob.matches("a" + name), () -> "'" + escaped + "' should not match 'a" + name + "'");
            }
        });
    }

    @Test
    void hostilePatternsStayFast() {
        String as = "a".repeat(20_000);
        String deep = "a/".repeat(5_000) + "b";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertFalse(Glob.compile("*a".repeat(100) + "*b").matches(as));
            assertFalse(Glob.compile("**/a".repeat(50) + "/c").matches(deep));
            assertTrue(Glob.compile("**/a".repeat(50) + "/**/b").matches(deep));
            assertFalse(Glob.compile("a/**/".repeat(60) + "c").matches(deep));
            assertFalse(Glob.compile("[a]*".repeat(200) + "[!a]").matches(as));
            assertTrue(Glob.compile("?*".repeat(300)).matches(as));
        });
    }

    /** A direct recursive reading of the documented rules for '*', '?', '**' and literals. */
    static final class Reference {

        static boolean matches(String pattern, String text) {
            return new Reference(pattern, text).at(0, 0);
        }

        private final String p;
        private final String t;
        private final Boolean[][] memo;

        private Reference(String p, String t) {
            this.p = p;
            this.t = t;
            this.memo = new Boolean[p.length() + 1][t.length() + 1];
        }

        private boolean at(int i, int j) {
            if (memo[i][j] == null) {
                memo[i][j] = compute(i, j);
            }
            return memo[i][j];
        }

        private boolean compute(int i, int j) {
            if (i == p.length()) {
                return j == t.length();
            }
            char c = p.charAt(i);
            if (c == '*') {
                int end = i;
                while (end < p.length() && p.charAt(end) == '*') {
                    end++;
                }
                boolean globstar = end - i >= 2 && (i == 0 || p.charAt(i - 1) == '/')
                        && (end == p.length() || p.charAt(end) == '/');
                if (globstar && end == p.length()) {
                    return true;                      // trailing "**": everything
                }
                if (globstar) {                       // "**/": zero or more whole directories
                    if (at(end + 1, j)) {
                        return true;
                    }
                    for (int k = j; k < t.length(); k++) {
                        if (t.charAt(k) == '/' && at(end + 1, k + 1)) {
                            return true;
                        }
                    }
                    return false;
                }
                for (int k = j; ; k++) {              // '*': any run without '/'
                    if (at(end, k)) {
                        return true;
                    }
                    if (k == t.length() || t.charAt(k) == '/') {
                        return false;
                    }
                }
            }
            if (j == t.length()) {
                return false;
            }
            char d = t.charAt(j);
            return (c == '?' ? d != '/' : c == d) && at(i + 1, j + 1);
        }
    }
}
