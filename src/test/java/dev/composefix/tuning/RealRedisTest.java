package dev.composefix.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.composefix.shell.Word;
import dev.composefix.testing.CliRun;
import dev.composefix.testing.Programs;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;
import dev.composefix.yaml.YamlLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The options {@code composefix rewrite} writes for a Redis service start a real redis-server
 * (Debian's), which reports maxmemory and maxmemory-policy back as written, for memory limits from
 * 64M to 16G and every form the command takes: none, a string, a list, a folded block, a config
 * file first. Each server is stopped, also when the test fails.
 */
class RealRedisTest {

    private static Path server;
    private static Path cli;
    private static Path root;

    @BeforeAll
    static void find() throws IOException {
        server = Programs.require("redis-server", "redis-server", null, null);
        cli = Programs.require("redis-cli", "redis-tools", null, null);
        root = Files.createTempDirectory("composefix-redis");
    }

    @AfterAll
    static void clean() throws IOException {
        if (root != null) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        String[] commands = {
            null,
            "redis-server --appendonly yes",
            "[\"redis-server\", \"--save\", \"\"]",
            ">\n      redis-server\n        --loglevel warning",
            "redis-server /etc/redis.conf --port 6379",
        };
        String[] limits = {"64m", "256m", "1g", "1536m", "16g"};
        for (int i = 0; i < limits.length; i++) {
            for (String c : commands) {
                out.add(Arguments.of(limits[i], c));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} command {1}")
    @MethodSource("cases")
    void theServerRunsWithTheMaxmemoryWritten(String limit, String command) throws Exception {
        Path dir = Files.createTempDirectory(root, "stack");
        Path compose = dir.resolve("compose.yaml");
        Files.writeString(compose, "services:\n  cache:\n    image: redis:7\n    mem_limit: " + limit + "\n"
                + (command == null ? "" : "    command: " + command + "\n"));
        CliRun r = CliRun.run("rewrite", "--only", "redis-maxmemory-missing", compose.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> argv = argv(r.out());
        String maxmemory = after(argv, "--maxmemory");
        String policy = after(argv, "--maxmemory-policy");
        assertTrue(maxmemory.matches("\\d+(mb|gb)"), "an unambiguous unit: " + maxmemory);
        // Run what the file says, minus the server's name and a config file this machine does not have,
        // on a free port in a directory of its own.
        List<String> args = new ArrayList<>(argv.subList(1, argv.size()));
        args.remove("/etc/redis.conf");
        int port = Programs.freePort();
        int p = args.indexOf("--port");
        if (p >= 0) {
            args.set(p + 1, String.valueOf(port));
        } else {
            args.addAll(List.of("--port", String.valueOf(port)));
        }
        args.addAll(List.of("--dir", dir.toString(), "--bind", "127.0.0.1"));
        List<String> full = new ArrayList<>();
        full.add(server.toString());
        full.addAll(args);
        Process redis = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile()).start();
        try {
            waitForPong(port, redis, dir);
            assertEquals(String.valueOf(RedisSize.parse(maxmemory).getAsLong()), config(port, "maxmemory"),
                    "maxmemory " + maxmemory);
            assertEquals(policy, config(port, "maxmemory-policy"));
            long limitBytes = dev.composefix.model.ByteSize.parse(limit).getAsLong();
            assertTrue(RedisSize.parse(maxmemory).getAsLong() < limitBytes, maxmemory + " below " + limit);
        } finally {
            redis.destroy();
            if (!redis.waitFor(20, TimeUnit.SECONDS)) {
                redis.destroyForcibly();
            }
        }
    }

    private static List<String> argv(String yaml) throws Exception {
        YMapping cache = (YMapping) ((YMapping) ((YMapping) new YamlLoader()
                .load(yaml.getBytes(StandardCharsets.UTF_8)).root()).value("services")).value("cache");
        YNode command = cache.value("command");
        List<String> out = new ArrayList<>();
        if (command instanceof YSequence seq) {
            for (YNode item : seq.items()) {
                out.add(((YScalar) item).value());
            }
        } else {
            for (Word w : ServerArgs.words(((YScalar) command).value())) {
                out.add(w.text());
            }
        }
        return out;
    }

    private static String after(List<String> argv, String option) {
        int i = argv.indexOf(option);
        assertTrue(i >= 0 && i + 1 < argv.size(), option + " in " + argv);
        return argv.get(i + 1);
    }

    private static void waitForPong(int port, Process redis, Path dir) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (!redis.isAlive()) {
                fail("redis-server exited " + redis.exitValue() + ": " + Files.readString(dir.resolve("redis.log")));
            }
            Programs.Result ping = Programs.run(List.of(cli.toString(), "-p", String.valueOf(port), "ping"), null, 10);
            if (ping.out().strip().equals("PONG")) {
                return;
            }
            Thread.sleep(100);
        }
        fail("redis-server did not answer: " + Files.readString(dir.resolve("redis.log")));
    }

    private static String config(int port, String name) {
        Programs.Result r = Programs.run(List.of(cli.toString(), "-p", String.valueOf(port), "config", "get", name),
                null, 10);
        String[] lines = r.out().strip().split("\\R");
        assertEquals(2, lines.length, r.out());
        return lines[1];
    }
}
