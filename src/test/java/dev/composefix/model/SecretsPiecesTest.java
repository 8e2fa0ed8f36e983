package dev.composefix.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * One pass for every question ({@link Secrets#pieces}) answers as the pass of each question does: on seeded
 * texts of secret words, credential pieces, URLs with and without an '@' after them, letters that upper-case
 * to ASCII and characters outside ISO-8859-1. A failure names its seed.
 */
class SecretsPiecesTest {

    private static final List<String> PIECES = List.of("PASS", "word", "pwd", "Secret", "TOKEN", "api", "_KEY", "key",
            "auth", "creds", "CREDENTIAL", "ſecret", "paß", "ı", "x", "://", "u:hunter2@h", "@", "postgres://app:s3cr3t@db",
            "-----BEGIN ", "RSA PRIVATE KEY-----", "-----END RSA PRIVATE KEY-----", "AKIA", "ABCDEFGHIJKLMNOP", "ghp_",
            "abcdefghijklmnopqrstuvwxyz0123456789", "github_pat_", "xoxb-", "1234567890ab", "sk_live_", " ", "=", "\n",
            "\u20ac", "?", "-", "_", ":");

    @Test
    void onePassAnswersAsEachPass() {
        for (long seed = 1; seed <= 50_000; seed++) {
            Random r = new Random(seed);
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(12);
            for (int i = 0; i < n; i++) {
                b.append(PIECES.get(r.nextInt(PIECES.size())));
            }
            String text = b.toString();
            int pieces = Secrets.pieces(text);
            String at = "seed " + seed + ": " + text;
            assertEquals(Secrets.maySecret(text), Secrets.maySecret(pieces), at);
            assertEquals(Secrets.mayNameSecret(text), Secrets.mayNameSecret(pieces), at);
            List<int[]> one = Secrets.credentials(text);
            List<int[]> known = Secrets.credentials(text, pieces);
            assertEquals(one.size(), known.size(), at);
            for (int i = 0; i < one.size(); i++) {
                assertEquals(one.get(i)[0], known.get(i)[0], at);
                assertEquals(one.get(i)[1], known.get(i)[1], at);
            }
        }
    }
}
