package dev.composefix.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The quick tests in front of the secret patterns never hide a secret: whenever {@link Secrets#secretName}
 * accepts a name, {@link Secrets#mayNameSecret} says it may (also inside a longer text), and whenever a
 * token pattern matches, {@link Secrets#mayHoldToken} says it may. Seeded: a failure names its seed,
 * {@code -Dcomposefix.seed=N} replays it.
 */
class SecretsFilterPropertyTest {

    private static final List<String> WORDS = List.of("password", "PASSWD", "Pass", "pwd", "secret", "Token", "api",
            "KEY", "apiKey", "private", "access", "credentials", "CREDENTIAL", "creds", "auth", "passphrase",
            "signing", "encryption", "client", "db", "postgres", "aws", "region", "file", "url", "hash", "base",
            "user", "name", "host", "ſecret", "paſs", "credentıal", "aUTh", "tOKEN");
    private static final List<String> SEPARATORS = List.of("_", "-", ".", "", " ", "__");

    static LongStream seeds() {
        String fixed = System.getProperty("composefix.seed");
        return fixed != null ? LongStream.of(Long.parseLong(fixed)) : LongStream.range(0, 2000);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theNameFilterLetsEverySecretNameThrough(long seed) {
        Random r = new Random(seed);
        StringBuilder name = new StringBuilder();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                name.append(SEPARATORS.get(r.nextInt(SEPARATORS.size())));
            }
            name.append(WORDS.get(r.nextInt(WORDS.size())));
        }
        String text = (r.nextBoolean() ? "  - " : "") + name + (r.nextBoolean() ? "=hunter2" : ": 's3cr3t'");
        if (Secrets.secretName(name.toString())) {
            assertTrue(Secrets.mayNameSecret(name.toString()), "seed " + seed + ": " + name);
            assertTrue(Secrets.mayNameSecret(text), "seed " + seed + ": " + text);
        }
    }

    private static final Pattern TOKEN = Pattern.compile("\\b(AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}"
            + "|github_pat_[A-Za-z0-9_]{30,}|xox[abprs]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{16,})\\b");

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theTokenFilterLetsEveryTokenThrough(long seed) {
        Random r = new Random(seed);
        String alphabet = "ghpousrAKIxb_-:/ 0123456789abcdefGHIJKLMNOPQRSTUVWXYZ";
        StringBuilder text = new StringBuilder();
        int n = r.nextInt(80);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(10) == 0) {
                text.append(List.of("ghp_", "gho_", "ghs_", "AKIA", "github_pat_", "xoxb-", "sk_live_").get(r.nextInt(7)));
                String body = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyz";
                for (int k = 16 + r.nextInt(24); k > 0; k--) {
                    text.append(body.charAt(r.nextInt(r.nextBoolean() ? 36 : body.length())));
                }
            }
            text.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        String t = text.toString();
        if (TOKEN.matcher(t).find()) {
            assertTrue(Secrets.mayHoldToken(t), "seed " + seed + ": " + t);
            assertTrue(!Secrets.credentials(t).isEmpty(), "seed " + seed + ": the token is masked: " + t);
        }
    }
    /** The one-pass token filter answers as looking for each fixed start with a substring search does. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theTokenFilterAnswersAsSubstringSearchesDo(long seed) {
        Random r = new Random(seed);
        String alphabet = "ghpousrAKIxb_-:/ 0123456789éΩ\u00ff\ud83d\ude00\ud800ｇ";
        StringBuilder text = new StringBuilder();
        int n = r.nextInt(40);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(6) == 0) {
                String piece = List.of("ghp_", "gho_", "AKIA", "github_pat_", "xox", "sk_live_", "://", "-----BEGIN ")
                        .get(r.nextInt(8));
                text.append(piece, 0, 1 + r.nextInt(piece.length()));
            } else {
                text.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
        }
        String t = text.toString();
        boolean expected = t.contains("AKIA") || t.contains("github_pat_") || t.contains("xox") || t.contains("sk_live_");
        for (int i = t.indexOf("gh"); !expected && i >= 0 && i + 3 < t.length(); i = t.indexOf("gh", i + 1)) {
            expected = "pousr".indexOf(t.charAt(i + 2)) >= 0 && t.charAt(i + 3) == '_';
        }
        org.junit.jupiter.api.Assertions.assertEquals(expected, Secrets.mayHoldToken(t), "seed " + seed + ": '" + t + "'");
    }

    /** The one-pass name filter answers as upper-casing the text and looking for each piece does. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theNameFilterAnswersAsUpperCasingDoes(long seed) {
        Random r = new Random(seed);
        String alphabet = "pPaAsSwWdDeEcCrRtToOkKnNyYiIlLuUhH_-=: \"'ſıßﬆéK?–\u212Aẗẖŉﬀﬁ\u00b5\ud83d\ude00";
        StringBuilder text = new StringBuilder();
        int n = r.nextInt(24);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(4) == 0) {
                String word = WORDS.get(r.nextInt(WORDS.size()));
                text.append(word, 0, 1 + r.nextInt(word.length()));
            } else {
                text.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
        }
        String upper = text.toString().toUpperCase(java.util.Locale.ROOT);
        boolean expected = java.util.stream.Stream.of("PASS", "PWD", "SECRET", "TOKEN", "KEY", "CREDENTIAL", "CREDS",
                "AUTH").anyMatch(upper::contains);
        org.junit.jupiter.api.Assertions.assertEquals(expected, Secrets.mayNameSecret(text.toString()),
                "seed " + seed + ": '" + text + "'");
    }

    /**
     * Every character from U+0080 up, beside and inside the secret words' pieces, gets the verdict
     * upper-casing the text gives: a letter that upper-cases to ASCII letters (ß, ı, ſ, ﬆ, ẗ, ẖ...) joins
     * a piece, a character that is not a letter (an en dash, the Kelvin sign's neighbours, an emoji's
     * halves) only separates, and the Kelvin sign, which upper-cases to itself, joins nothing.
     */
    @org.junit.jupiter.api.Test
    void everyCharacterBesideAPieceGetsTheUpperCasingVerdict() {
        List<String> shapes = List.of("PA%sS", "PAS%s", "%sASS", "SECRE%s", "AUT%s", "%sOKEN", "CRED%sNTIAL",
                "KE%s", "%s", "a%sb", "%s?-key", "pwd%s");
        for (int c = 0x80; c <= 0xFFFF; c++) {
            String ch = String.valueOf((char) c);
            for (String shape : shapes) {
                String text = shape.replace("%s", ch);
                String upper = text.toUpperCase(java.util.Locale.ROOT);
                boolean expected = java.util.stream.Stream.of("PASS", "PWD", "SECRET", "TOKEN", "KEY", "CREDENTIAL",
                        "CREDS", "AUTH").anyMatch(upper::contains);
                if (expected != Secrets.mayNameSecret(text)) {
                    org.junit.jupiter.api.Assertions.fail("U+" + Integer.toHexString(c) + " in '" + text + "': expected "
                            + expected);
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void trickyCharactersKeepTheirVerdicts() {
        org.junit.jupiter.api.Assertions.assertTrue(Secrets.mayNameSecret("PAß"), "ß upper-cases to SS");
        org.junit.jupiter.api.Assertions.assertTrue(Secrets.mayNameSecret("credentıal"), "ı upper-cases to I");
        org.junit.jupiter.api.Assertions.assertTrue(Secrets.mayNameSecret("ſecret"), "ſ upper-cases to S");
        org.junit.jupiter.api.Assertions.assertTrue(Secrets.mayNameSecret("pasﬆ"), "ﬆ upper-cases to ST");
        org.junit.jupiter.api.Assertions.assertTrue(Secrets.mayNameSecret("secreẗ"), "ẗ upper-cases to T and a mark");
        org.junit.jupiter.api.Assertions.assertFalse(Secrets.mayNameSecret("auẗh – x"), "the mark after T keeps it from H");
        org.junit.jupiter.api.Assertions.assertTrue(Secrets.mayNameSecret("autẖ"), "ẖ upper-cases to H and a mark");
        org.junit.jupiter.api.Assertions.assertFalse(Secrets.mayNameSecret("\u212Aey"), "the Kelvin sign stays itself");
        org.junit.jupiter.api.Assertions.assertFalse(Secrets.mayNameSecret("pa–ss"), "an en dash separates");
        org.junit.jupiter.api.Assertions.assertFalse(Secrets.mayNameSecret("pa?ss"), "a question mark separates");
        org.junit.jupiter.api.Assertions.assertFalse(Secrets.mayNameSecret("toﬁ ken"), "ﬁ upper-cases to FI");
        org.junit.jupiter.api.Assertions.assertTrue(Secrets.mayNameSecret("a – b KEY"), "a word after an en dash");
        org.junit.jupiter.api.Assertions.assertTrue(Secrets.mayNameSecret("\ud83d\ude00token"), "a word after an emoji");
        org.junit.jupiter.api.Assertions.assertTrue(Secrets.secretName("DB_PAß"));
        org.junit.jupiter.api.Assertions.assertFalse(Secrets.secretName("DB_PA–SS"));
    }
}
