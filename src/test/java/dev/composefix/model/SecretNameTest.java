package dev.composefix.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link Secrets#secretName} answers as the first way of matching the secret words did (a view of the name's
 * words compared with each secret word at each place), on seeded names of secret words, their neighbours and
 * separators, more of them than the names it keeps. A failure names its seed.
 */
class SecretNameTest {

    private static final List<String> WORDS = List.of("password", "PASSWD", "Pass", "pwd", "PWD", "secret", "Token",
            "api", "KEY", "apiKey", "private", "access", "credentials", "CREDENTIAL", "creds", "auth", "passphrase",
            "signing", "encryption", "client", "db", "postgres", "aws", "region", "file", "url", "hash", "base", "b64",
            "value", "string", "user", "name", "host", "ſecret", "ı", "x", "1");
    private static final List<String> SEPARATORS = List.of("_", "-", ".", "", " ", "__");

    private static final List<List<String>> SECRET_WORDS = List.of(
            List.of("PASSWORD"), List.of("PASSWD"), List.of("PASS"), List.of("PWD"), List.of("SECRET"),
            List.of("TOKEN"), List.of("APIKEY"), List.of("API", "KEY"), List.of("PRIVATE", "KEY"),
            List.of("ACCESS", "KEY"), List.of("SECRET", "KEY"), List.of("CREDENTIALS"), List.of("CREDENTIAL"),
            List.of("CREDS"), List.of("AUTH"), List.of("PASSPHRASE"), List.of("SIGNING", "KEY"),
            List.of("ENCRYPTION", "KEY"), List.of("CLIENT", "SECRET"));
    private static final Set<String> STILL_SECRET = Set.of("KEY", "BASE", "HASH", "VALUE", "B64", "BASE64", "STRING");

    @Test
    void namesAreJudgedAsByComparingViews() {
        for (long seed = 1; seed <= 30_000; seed++) {
            Random r = new Random(seed);
            StringBuilder name = new StringBuilder();
            int n = 1 + r.nextInt(5);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    name.append(SEPARATORS.get(r.nextInt(SEPARATORS.size())));
                }
                name.append(WORDS.get(r.nextInt(WORDS.size())));
            }
            String text = name.toString();
            assertEquals(reference(text), Secrets.secretName(text), "seed " + seed + ": " + text);
        }
    }

    /** The judgement as first written: views of the words compared with each secret word. */
    private static boolean reference(String name) {
        if (!Secrets.mayNameSecret(name)) {
            return false;
        }
        List<String> words = Secrets.words(name);
        int end = -1;
        for (int i = 0; i < words.size(); i++) {
            for (List<String> w : SECRET_WORDS) {
                if (i + w.size() <= words.size() && words.subList(i, i + w.size()).equals(w)
                        && !(w.equals(List.of("PWD")) && words.size() == 1)) {
                    end = Math.max(end, i + w.size());
                }
            }
        }
        if (end < 0) {
            return false;
        }
        for (String after : words.subList(end, words.size())) {
            if (!STILL_SECRET.contains(after)) {
                return false;
            }
        }
        return true;
    }
}
