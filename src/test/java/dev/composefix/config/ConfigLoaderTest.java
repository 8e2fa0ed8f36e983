package dev.composefix.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.engine.Severity;
import dev.composefix.rules.Rules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Config load(String text) throws Exception {
        Path f = dir.resolve(".composefix.yml");
        Files.writeString(f, text);
        return new ConfigLoader(Rules.catalog()).load(f);
    }

    private ConfigException.Problem onlyProblem(String text) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(text));
        assertEquals(1, e.problems().size(), () -> e.problems().toString());
        return e.problems().get(0);
    }

    @Test
    void readsEveryKey() throws Exception {
        Config c = load("""
                rules:
                  missing-cpu-limit: off
                  CF101: error
                  healthcheck-interval-collision:
                    severity: info
                    options:
                      window: 5m
                exclude:
                  - path: legacy/**
                    service: web
                    rules: [CF103, missing-memory-limit]
                    reason: retired next quarter
                fail-on: error
                """);
        assertTrue(c.rules().get("CF102").off());
        assertEquals(Severity.ERROR, c.rules().get("CF101").severity());
        assertEquals(Severity.INFO, c.rules().get("CF103").severity());
        assertEquals("5m", c.rules().get("CF103").options().get("window"));
        assertEquals(List.of("CF103", "CF101"), c.excludes().get(0).rules());
        assertEquals("legacy/**", c.excludes().get(0).path());
        assertEquals(Severity.ERROR, c.failOn());
    }

    @Test
    void failOnNeverMeansNoThreshold() throws Exception {
        Config c = load("fail-on: never\n");
        assertTrue(c.failOnSet());
        assertNull(c.failOn());
    }

    @Test
    void emptyFileIsTheDefaults() throws Exception {
        Config c = load("# nothing configured\n");
        assertTrue(c.rules().isEmpty());
        assertEquals(Severity.WARNING, c.failOn());
    }

    @Test
    void unknownTopLevelKeyNamesLineColumnAndSuggests() {
        ConfigException.Problem p = onlyProblem("rules: {}\nfail_on: error\n");
        assertEquals(2, p.position().line());
        assertEquals(1, p.position().column());
        assertTrue(p.message().contains("unknown key 'fail_on'"), p.message());
        assertTrue(p.message().contains("did you mean 'fail-on'"), p.message());
        assertTrue(p.toString().startsWith(dir.resolve(".composefix.yml") + ":2:1: "), p.toString());
    }

    @Test
    void wrongTypeIsNamedAtTheValue() {
        ConfigException.Problem p = onlyProblem("exclude:\n  - path: 3\n    reason: x\n");
        assertEquals(2, p.position().line());
        assertEquals(11, p.position().column());
        assertTrue(p.message().contains("expected string"), p.message());
    }

    @Test
    void badSeverityAndMisspelledSettingKeySuggest() {
        ConfigException.Problem p = onlyProblem("rules:\n  CF101: warn\n");
        assertTrue(p.message().contains("'warn' is not one of off, error, warning, info"), p.message());
        p = onlyProblem("rules:\n  CF101:\n    sevrity: info\n");
        assertTrue(p.message().contains("did you mean 'severity'"), p.message());
        assertEquals(3, p.position().line());
    }

    @Test
    void unknownRuleSuggestsTheClosestName() {
        ConfigException.Problem p = onlyProblem("rules:\n  missing-memory-limits: off\n");
        assertTrue(p.message().contains("unknown rule 'missing-memory-limits'"), p.message());
        assertTrue(p.message().contains("did you mean 'missing-memory-limit'"), p.message());
        assertEquals(new dev.composefix.yaml.Position(2, 3, 9), p.position());
    }

    @Test
    void optionsAreCheckedAgainstTheRule() {
        ConfigException.Problem p = onlyProblem("rules:\n  CF103:\n    options:\n      windw: 5m\n");
        assertTrue(p.message().contains("has no option 'windw'") && p.message().contains("'window'"), p.message());
        p = onlyProblem("rules:\n  CF103:\n    options:\n      window: soon\n");
        assertTrue(p.message().contains("expected a duration"), p.message());
        assertEquals(4, p.position().line());
        p = onlyProblem("rules:\n  CF101:\n    options:\n      x: 1\n");
        assertTrue(p.message().contains("takes none"), p.message());
    }

    @Test
    void hostAndKindsAreRead() throws Exception {
        Config c = load("""
                host:
                  memory: 6G
                  cpus: 4
                kinds:
                  postgres:
                    memory: 1G
                    interval: {min: 20s, max: 2m}
                    detection: 7m
                  billing-api:
                    images: [acme/billing-api]
                    memory: 768M
                    healthcheck: [CMD, curl, -fsS, http://127.0.0.1:8080/health]
                """);
        assertEquals(6L << 30, c.host().memory());
        assertEquals(4.0, c.host().cpus());
        assertEquals(1L << 30, c.kindTable().byName("postgres").memory());
        assertEquals(120, c.kindTable().byName("postgres").interval().max().toSeconds());
        assertEquals("billing-api", c.kindTable().classify("acme/billing-api:2", false).name());
        assertEquals(768L << 20, c.kindTable().classify("acme/billing-api:2", false).memory());
    }

    @Test
    void badHostAndKindValuesAreNamedWhereTheyAre() {
        ConfigException.Problem p = onlyProblem("host:\n  memory: lots\n");
        assertTrue(p.message().contains("host.memory: 'lots' is not a byte size"), p.message());
        assertEquals(2, p.position().line());
        p = onlyProblem("host:\n  cpus: 0\n");
        assertEquals(2, p.position().line());
        p = onlyProblem("kinds:\n  postgres:\n    reservation: 2G\n");
        assertTrue(p.message().contains("kinds.postgres") && p.message().contains("reservation"), p.message());
        assertEquals("3:18", p.position().toString());
        p = onlyProblem("kinds:\n  postgres:\n    memroy: 1G\n");
        assertTrue(p.message().contains("unknown key 'memroy'") && p.message().contains("did you mean 'memory'"),
                p.message());
        p = onlyProblem("kinds:\n  newkind:\n    memory: 1G\n");
        assertTrue(p.message().contains("images"), p.message());
    }

    @Test
    void exclusionNeedsAReason() {
        ConfigException.Problem p = onlyProblem("exclude:\n  - path: a.yml\n");
        assertTrue(p.message().contains("missing required key 'reason'"), p.message());
    }

    @Test
    void configIsFoundUpwardButNotBeyondTheRepositoryRoot() throws Exception {
        Path repo = dir.resolve("repo");
        Path deep = repo.resolve("a/b");
        Files.createDirectories(deep);
        Files.createDirectories(repo.resolve(".git"));
        assertTrue(ConfigLoader.find(deep).isEmpty());
        Files.writeString(dir.resolve(".composefix.yml"), "fail-on: error\n"); // above the repository
        assertTrue(ConfigLoader.find(deep).isEmpty(), "the search stops at the directory holding .git");
        Files.writeString(repo.resolve(".composefix.yaml"), "fail-on: info\n");
        assertEquals(repo.resolve(".composefix.yaml"), ConfigLoader.find(deep).orElseThrow());
        Files.writeString(deep.resolve(".composefix.yml"), "fail-on: info\n");
        assertEquals(deep.resolve(".composefix.yml"), ConfigLoader.find(deep).orElseThrow());
        Files.writeString(deep.resolve(".composefix.yaml"), "fail-on: info\n");
        assertThrows(ConfigException.class, () -> ConfigLoader.find(deep), "two config files in one directory");
        assertFalse(Files.exists(repo.resolve("a/.composefix.yml")));
    }
}
