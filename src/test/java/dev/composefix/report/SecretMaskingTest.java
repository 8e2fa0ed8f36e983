package dev.composefix.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.model.Secrets;
import dev.composefix.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every report format, run end to end on files holding secrets, never prints a secret value: not in
 * quoted lines, messages, fixes or fingerprints, also for a file that does not parse.
 */
class SecretMaskingTest {

    private static final List<String> SECRETS = List.of("Zq7-passw0rd-db", "hunter2-default", "abc123def456",
            "pw-9f8e7d", "MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu", "npm_0123456789abcdef",
            "plain-pass", "AKIAIOSFODNN7EXAMPLE", "broken-pw-77");

    private static final String STACK = "services:\n"
            + "  db:\n"
            + "    image: postgres\n" // unpinned: a finding that quotes a line near the secrets
            + "    environment:\n"
            + "      POSTGRES_PASSWORD: Zq7-passw0rd-db\n"
            + "      REDIS_PASS: ${REDIS_PASS:-hunter2-default}\n"
            + "      AWS_KEY_ID: AKIAIOSFODNN7EXAMPLE\n"
            + "    command: [\"postgres\", \"-c\", \"password=Zq7-passw0rd-db\"]\n"
            + "  app:\n"
            + "    image: example/app:1.4\n"
            + "    environment:\n"
            + "      - DB_TOKEN=abc123def456\n"
            + "      - DATABASE_URL=postgres://app:pw-9f8e7d@db:5432/app\n"
            + "      - |-\n"
            + "        TLS_KEY=-----BEGIN RSA PRIVATE KEY-----\n"
            + "        MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n"
            + "        -----END RSA PRIVATE KEY-----\n"
            + "    build:\n"
            + "      context: .\n"
            + "      args:\n"
            + "        NPM_TOKEN: npm_0123456789abcdef\n"
            + "    labels:\n"
            + "      basicauth.password: plain-pass\n";

    /** Does not parse (a tab), and its error line holds a password. */
    private static final String BROKEN = "services:\n  x:\n    environment:\n\tDB_PASSWORD: broken-pw-77\n";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Format.class)
    void noFormatPrintsASecret(Format format) throws Exception {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Path stack = Files.writeString(dir.resolve("a/compose.yaml"), STACK);
        Path broken = Files.writeString(dir.resolve("b/compose.yaml"), BROKEN);
        CliRun r = CliRun.run("lint", "--ignore-environment", "--format", format.id(), stack.toString(),
                broken.toString());
        String all = r.out() + r.err();
        assertEquals(2, r.exit(), all);
        assertTrue(all.contains("CF701") || all.contains("secret-in-environment"), all);
        for (String secret : SECRETS) {
            assertFalse(all.contains(secret), format + " prints " + secret + ":\n" + all);
        }
        Path baseline = dir.resolve("baseline.json");
        CliRun written = CliRun.run("lint", "--ignore-environment", "--write-baseline", baseline.toString(),
                stack.toString());
        assertEquals(0, written.exit(), written.err());
        String recorded = Files.readString(baseline);
        for (String secret : SECRETS) {
            assertFalse(recorded.contains(secret), "the baseline records " + secret);
        }
    }

    @Test
    void rewriteDiffsAndMessagesDoNotPrintSecrets() throws Exception {
        Path stack = Files.writeString(dir.resolve("compose.yaml"), STACK);
        for (String mode : List.of("--diff", "--check")) {
            CliRun r = CliRun.run("rewrite", "--ignore-environment", mode, stack.toString());
            String all = r.out() + r.err();
            assertTrue(r.out().contains("+++ "), all);
            for (String secret : SECRETS) {
                assertFalse(all.contains(secret), mode + " prints " + secret + ":\n" + all);
            }
        }
        CliRun out = CliRun.run("rewrite", "--ignore-environment", stack.toString());
        assertTrue(out.out().contains("Zq7-passw0rd-db"), "the rewritten file itself keeps its values");
    }

    @Test
    void theTextReportShowsTheMaskWhereTheValueWas() throws Exception {
        Path stack = Files.writeString(dir.resolve("compose.yaml"), STACK);
        CliRun r = CliRun.run("lint", "--ignore-environment", stack.toString());
        assertTrue(r.out().contains(" 5 |       POSTGRES_PASSWORD: ***\n"), r.out());
        assertTrue(r.out().contains("      - DATABASE_URL=postgres://app:***@db:5432/app"), r.out());
        assertTrue(r.out().contains(" 6 |       REDIS_PASS: ***\n"), r.out());
        assertTrue(r.out().contains("environment variable 'POSTGRES_PASSWORD' of 'db' holds a secret in plain text"),
                r.out());
    }

    @Test
    void namesThatLookLikeSecretsAndNamesThatDoNot() {
        for (String yes : List.of("DB_PASSWORD", "POSTGRES_PASSWORD", "password", "dbPassword", "MYSQL_ROOT_PASSWD",
                "REDIS_PASS", "GITHUB_TOKEN", "api_key", "apiKey", "X_API_KEY", "PRIVATE_KEY", "AWS_SECRET_ACCESS_KEY",
                "SECRET_KEY_BASE", "GOOGLE_APPLICATION_CREDENTIALS", "client-secret", "traefik.basicauth.password",
                "JWT_SECRET", "DB_PWD", "PASSWORD_HASH")) {
            assertTrue(Secrets.secretName(yes), yes);
        }
        for (String no : List.of("AWS_CREDENTIALS_REGION", "POSTGRES_PASSWORD_FILE", "TOKEN_URL", "PASSWORD_MIN_LENGTH",
                "PWD", "PASSENGER_COUNT", "AWS_ACCESS_KEY_ID", "BYPASS_CACHE", "AUTH_ENABLED", "TOKENIZER_MODEL",
                "SECRETS_DIR", "HOME", "COMPASS", "KEY")) {
            assertFalse(Secrets.secretName(no), no);
        }
    }

    @Test
    void referencesAndPlaceholdersAreNotSecretValues() {
        for (String no : List.of("", " ", "${DB_PASSWORD}", "$DB_PASSWORD", "${DB_PASSWORD:-changeme}",
                "${X:?set X}", "${X-}", "changeme", "CHANGE_ME", "<password>", "xxxx", "***", "your-token-here",
                "{{ vault_password }}")) {
            assertFalse(Secrets.secretValue(no), no);
        }
        for (String yes : List.of("hunter2", "${DB_PASSWORD:-hunter2}", "p${X}w", "mysecretpassword")) {
            assertTrue(Secrets.secretValue(yes), yes);
        }
    }

    @Test
    void theGenericMaskNeedsNoFile() {
        SecretRedaction r = SecretRedaction.generic();
        assertEquals("DB_PASSWORD: ***", r.mask("DB_PASSWORD: hunter2"));
        assertEquals("- \"DB_PASSWORD=***\"", r.mask("- \"DB_PASSWORD=hunter2\""));
        assertEquals("DB_PASSWORD: ${DB_PASSWORD}", r.mask("DB_PASSWORD: ${DB_PASSWORD}"));
        assertEquals("AWS_CREDENTIALS_REGION: eu-west-1", r.mask("AWS_CREDENTIALS_REGION: eu-west-1"));
        assertEquals("url: redis://:***@cache:6379/0", r.mask("url: redis://:s3cret@cache:6379/0"));
        assertEquals("mem_limit: 512M", r.mask("mem_limit: 512M"));
        assertEquals("{DB_PASSWORD: ***}", r.mask("{DB_PASSWORD: hunter2}"));
        assertEquals("{X: 1, DB_PASSWORD: ${DB_PASSWORD}}", r.mask("{X: 1, DB_PASSWORD: ${DB_PASSWORD}}"));
    }

    @Test
    void longLinesDoNotOverflowTheStack() {
        SecretRedaction r = SecretRedaction.generic();
        String brackets = "a: " + "[".repeat(200_000);
        assertTrue(brackets.equals(r.mask(brackets)));
        String value = "DB_PASSWORD: " + "s3c".repeat(70_000) + " postgres://u:" + "p".repeat(500) + "@h " + "y".repeat(200_000);
        assertTrue(r.mask(value).equals("DB_PASSWORD: *** postgres://u:***@h " + "y".repeat(200_000)),
                () -> r.mask(value).substring(0, 80));
        String key = "-----BEGIN PRIVATE KEY-----" + "\nAAAA".repeat(50_000);
        assertTrue(r.mask(key).equals("***"), () -> r.mask(key).substring(0, 80));
    }
}
