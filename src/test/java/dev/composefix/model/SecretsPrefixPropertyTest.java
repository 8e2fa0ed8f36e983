package dev.composefix.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What the collection of secret values leans on to read a sequence item {@code NAME=value} once: a name that
 * {@link Secrets#mayNameSecret} lets through leaves the whole item let through (so an item the one pass finds
 * no secret word in has no secret name before its '='), and {@link Secrets#secretName(String, int)} with a
 * text's {@link Secrets#pieces} answers as {@link Secrets#secretName(String)}. On seeded texts of secret words,
 * separators and letters that upper-case to ASCII; a failure names its seed.
 */
class SecretsPrefixPropertyTest {

    private static final List<String> PIECES = List.of("PASS", "word", "pwd", "Secret", "TOKEN", "api", "_KEY", "key",
            "auth", "creds", "CREDENTIAL", "ſecret", "paß", "ı", "x", "DB", "_", "-", ".", "=", "://", "u:pw@h", "?",
            "\u20ac", "\ud83d\ude00", "ﬆ", "ẗ", "K", "e", "y", "PA", "SS", "AU", "TH", " ", "$", "{", "}");

    @Test
    void aSecretNameBeforeAnEqualsSignLeavesItsPieceInTheWholeItem() {
        for (long seed = 1; seed <= 50_000; seed++) {
            Random r = new Random(seed);
            String name = text(r, 1 + r.nextInt(5));
            String item = name + "=" + text(r, r.nextInt(5));
            String at = "seed " + seed + ": " + item;
            if (Secrets.mayNameSecret(name)) {
                assertTrue(Secrets.mayNameSecret(Secrets.pieces(item)), at);
            }
            if (Secrets.secretName(name)) {
                assertTrue(Secrets.mayNameSecret(Secrets.pieces(item)), at);
            }
            assertEquals(Secrets.secretName(name), Secrets.secretName(name, Secrets.pieces(name)), at);
        }
    }

    private static String text(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(PIECES.get(r.nextInt(PIECES.size())));
        }
        return b.toString();
    }
}
