package dev.composefix.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.composefix.rewrite.TreeDiff;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YamlLoader;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The merge rules, case by case: a base file, an override file, and the model the Compose
 * Specification's merge section says they make (its own examples where it has one: mapping, sequence,
 * shell commands, unique resources, !reset, !override; the others follow compose-go's documented
 * behaviour). Compared as models, not as text.
 */
class MergerTest {

    record Case(String name, String base, String override, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("mapping: missing entries added, conflicting ones merged (spec example)",
                        "services:\n  foo:\n    key1: value1\n    key2: value2\n",
                        "services:\n  foo:\n    key2: VALUE\n    key3: value3\n",
                        "services:\n  foo:\n    key1: value1\n    key2: VALUE\n    key3: value3\n"),
                new Case("sequence: appended (spec example)",
                        "services:\n  foo:\n    DNS:\n      - 1.1.1.1\n",
                        "services:\n  foo:\n    DNS:\n      - 8.8.8.8\n",
                        "services:\n  foo:\n    DNS:\n      - 1.1.1.1\n      - 8.8.8.8\n"),
                new Case("shell commands: command replaced (spec example)",
                        "services:\n  foo:\n    command: [\"echo\", \"foo\"]\n",
                        "services:\n  foo:\n    command: [\"echo\", \"bar\"]\n",
                        "services:\n  foo:\n    command: [\"echo\", \"bar\"]\n"),
                new Case("shell commands: entrypoint and healthcheck.test replaced, the rest of healthcheck merged",
                        "services:\n  foo:\n    entrypoint: [a, b]\n    healthcheck:\n      test: [CMD, x]\n"
                                + "      interval: 10s\n",
                        "services:\n  foo:\n    entrypoint: [c]\n    healthcheck:\n      test: [CMD, y]\n",
                        "services:\n  foo:\n    entrypoint: [c]\n    healthcheck:\n      test: [CMD, y]\n"
                                + "      interval: 10s\n"),
                new Case("unique resources: volumes by target (spec example)",
                        "services:\n  foo:\n    volumes:\n      - foo:/work\n",
                        "services:\n  foo:\n    volumes:\n      - bar:/work\n",
                        "services:\n  foo:\n    volumes:\n      - bar:/work\n"),
                new Case("unique resources: ports by ip, published, target and protocol",
                        "services:\n  foo:\n    ports:\n      - \"8080:80\"\n      - \"127.0.0.1:5432:5432\"\n",
                        "services:\n  foo:\n    ports:\n      - \"8080:80\"\n      - \"5432:5432\"\n"
                                + "      - \"53:53/udp\"\n",
                        "services:\n  foo:\n    ports:\n      - \"8080:80\"\n      - \"127.0.0.1:5432:5432\"\n"
                                + "      - \"5432:5432\"\n      - \"53:53/udp\"\n"),
                new Case("unique resources: secrets by target, short and long syntax",
                        "services:\n  foo:\n    secrets:\n      - token\n",
                        "services:\n  foo:\n    secrets:\n      - source: token2\n        target: token\n",
                        "services:\n  foo:\n    secrets:\n      - source: token2\n        target: token\n"),
                new Case("reset value removes what the base set (spec example)",
                        "services:\n  app:\n    image: myapp\n    ports:\n      - \"8080:80\"\n"
                                + "    environment:\n      FOO: BAR\n",
                        "services:\n  app:\n    image: myapp\n    ports: !reset []\n    environment:\n"
                                + "      FOO: !reset null\n",
                        "services:\n  app:\n    image: myapp\n    environment: {}\n"),
                new Case("replace value bypasses the merge (spec example)",
                        "services:\n  app:\n    image: myapp\n    ports:\n      - \"8080:80\"\n",
                        "services:\n  app:\n    ports: !override\n      - \"8443:443\"\n",
                        "services:\n  app:\n    image: myapp\n    ports: !override\n      - \"8443:443\"\n"),
                new Case("environment merges by name across list and map forms",
                        "services:\n  app:\n    environment:\n      - A=1\n      - B=2\n",
                        "services:\n  app:\n    environment:\n      B: 3\n      C: 4\n",
                        "services:\n  app:\n    environment:\n      A: \"1\"\n      B: 3\n      C: 4\n"),
                new Case("labels merge by key",
                        "services:\n  app:\n    labels: {a: x, b: y}\n",
                        "services:\n  app:\n    labels:\n      - b=z\n",
                        "services:\n  app:\n    labels: {a: x, b: z}\n"),
                new Case("depends_on merges by service across short and long forms",
                        "services:\n  app:\n    depends_on: [db, cache]\n",
                        "services:\n  app:\n    depends_on:\n      db:\n        condition: service_healthy\n",
                        "services:\n  app:\n    depends_on:\n      db:\n        condition: service_healthy\n"
                                + "      cache:\n        condition: service_started\n"),
                new Case("logging with another driver is replaced, with the same driver merged",
                        "services:\n  a:\n    logging:\n      driver: json-file\n      options: {max-size: 10m}\n"
                                + "  b:\n    logging:\n      driver: json-file\n      options: {max-size: 10m}\n",
                        "services:\n  a:\n    logging:\n      driver: syslog\n  b:\n    logging:\n"
                                + "      options: {max-file: \"3\"}\n",
                        "services:\n  a:\n    logging:\n      driver: syslog\n  b:\n    logging:\n"
                                + "      driver: json-file\n      options: {max-size: 10m, max-file: \"3\"}\n"),
                new Case("build given as a string merges with the long form",
                        "services:\n  a:\n    build: ./dir\n",
                        "services:\n  a:\n    build:\n      dockerfile: Dockerfile.dev\n",
                        "services:\n  a:\n    build:\n      context: ./dir\n      dockerfile: Dockerfile.dev\n"),
                new Case("an empty value in the override changes nothing",
                        "services:\n  a:\n    image: x\n",
                        "services:\n",
                        "services:\n  a:\n    image: x\n"),
                new Case("deploy merges deeply, top-level resources too",
                        "services:\n  a:\n    deploy:\n      resources:\n        limits: {cpus: '1'}\n"
                                + "volumes:\n  data: {}\n",
                        "services:\n  a:\n    deploy:\n      resources:\n        limits: {memory: 1g}\n"
                                + "volumes:\n  logs: {}\n",
                        "services:\n  a:\n    deploy:\n      resources:\n        limits: {cpus: '1', memory: 1g}\n"
                                + "volumes:\n  data: {}\n  logs: {}\n"));
    }

    private static YMapping root(String text) throws Exception {
        return (YMapping) new YamlLoader().load(text).root();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mergesAsTheSpecificationSays(Case c) throws Exception {
        YMapping merged = Merger.mergeFiles(root(c.base()), root(c.override()));
        assertEquals(List.of(), TreeDiff.differences(root(c.expected()), merged));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mergingWithAnEmptyOverrideKeepsTheModel(Case c) throws Exception {
        YMapping base = root(c.base());
        assertEquals(List.of(), TreeDiff.differences(base, Merger.mergeFiles(base, root("services: {}\n"))));
    }
}
