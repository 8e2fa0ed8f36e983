package dev.composefix.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.composefix.testing.CliRun;
import dev.composefix.testing.Programs;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YamlLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The settings {@code composefix rewrite} writes for a PostgreSQL service start a real PostgreSQL
 * (Debian's, 15), and the server reports each value back as written: for memory limits from 128M to
 * 16G, 1 to 8 CPUs, every profile and storage type. One cluster is initialised once (as the
 * {@code postgres} user when the tests run as root, since the server refuses root) and started once
 * per case with exactly the arguments from the rewritten file; it is always stopped.
 */
class RealPostgresTest {

    private static Path bin;
    private static Path root;
    private static Path data;

    @BeforeAll
    static void initCluster() throws IOException {
        Path postgres = Programs.require("postgres", "postgresql", Path.of("/usr/lib/postgresql"), "bin");
        bin = postgres.getParent();
        root = Files.createTempDirectory("composefix-pg");
        data = root.resolve("data");
        if (Programs.root()) {
            Files.setPosixFilePermissions(root, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            Programs.Result chown = Programs.run(List.of("chown", "postgres:postgres", root.toString()), null, 30);
            assertEquals(0, chown.exit(), "the Debian package creates the postgres user: " + chown.out());
        }
        Programs.Result init = asServerUser(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U",
                "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"), 120);
        assertEquals(0, init.exit(), "initdb: " + init.out());
    }

    @AfterAll
    static void removeCluster() throws IOException {
        if (root == null) {
            return;
        }
        stop();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Programs.Result asServerUser(List<String> command, int seconds) {
        List<String> full = new ArrayList<>();
        if (Programs.root()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        return Programs.run(full, root, seconds);
    }

    private static void stop() {
        if (data != null && Files.exists(data.resolve("postmaster.pid"))) {
            asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w",
                    "stop"), 60);
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String memory : List.of("128m", "256m", "512m", "1g", "2g", "4g", "8g", "16g")) {
            for (int cpus : new int[] {1, 4, 8}) {
                out.add(Arguments.of(memory, cpus, "web", "ssd"));
            }
        }
        out.add(Arguments.of("512m", 2, "oltp", "hdd"));
        out.add(Arguments.of("4g", 8, "oltp", "san"));
        out.add(Arguments.of("1g", 4, "dw", "hdd"));
        out.add(Arguments.of("16g", 8, "dw", "ssd"));
        out.add(Arguments.of("256m", 1, "desktop", "ssd"));
        out.add(Arguments.of("2g", 4, "desktop", "hdd"));
        out.add(Arguments.of("768m", 2, "mixed", "san"));
        out.add(Arguments.of("8g", 8, "mixed", "ssd"));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} cpus {2} {3}")
    @MethodSource("cases")
    void theServerStartsWithTheTunedSettings(String memory, int cpus, String profile, String storage)
            throws Exception {
        Map<String, String> settings = tunedSettings(memory, cpus, profile, storage);
        assertTrue(settings.containsKey("shared_buffers"), settings.toString());
        List<String> flags = new ArrayList<>();
        settings.forEach((k, v) -> flags.add("-c " + k + "=" + v));
        int port = Programs.freePort();
        Path log = root.resolve("server.log");
        Programs.Result start = asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w",
                "-t", "60", "-l", log.toString(), "-o", "-p " + port + " -k " + root + " -c listen_addresses=127.0.0.1 "
                        + String.join(" ", flags), "start"), 90);
        try {
            if (start.exit() != 0) {
                fail("PostgreSQL did not start with " + flags + ": " + start.out() + "\n" + read(log));
            }
            for (Map.Entry<String, String> e : settings.entrySet()) {
                Programs.Result q = Programs.run(List.of(bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p",
                        String.valueOf(port), "-U", "postgres", "-d", "postgres", "-AtF", "|", "-c",
                        "SELECT setting, coalesce(unit, ''), vartype FROM pg_settings WHERE name = '" + e.getKey() + "'"),
                        root, 30);
                assertEquals(0, q.exit(), q.out());
                String[] row = q.out().strip().split("\\|", -1);
                assertEquals(3, row.length, e.getKey() + " is a setting this server knows: " + q.out());
                assertSetting(e.getKey(), e.getValue(), row[0], row[1], row[2]);
            }
        } finally {
            stop();
        }
    }

    /** Runs composefix rewrite on a one-service stack and returns the {@code -c} settings it wrote. */
    private static Map<String, String> tunedSettings(String memory, int cpus, String profile, String storage)
            throws Exception {
        Path dir = Files.createTempDirectory(root, "stack");
        Path compose = dir.resolve("compose.yaml");
        Files.writeString(compose, "services:\n  db:\n    image: postgres:15\n    mem_limit: " + memory + "\n    cpus: "
                + cpus + "\n");
        Path config = dir.resolve(".composefix.yml");
        Files.writeString(config, "postgres:\n  profile: " + profile + "\n  storage: " + storage + "\n");
        CliRun r = CliRun.run("rewrite", "--config", config.toString(), "--only", "postgres-untuned",
                compose.toString());
        assertEquals(0, r.exit(), r.err());
        YMapping db = (YMapping) ((YMapping) ((YMapping) new YamlLoader()
                .load(r.out().getBytes(StandardCharsets.UTF_8)).root()).value("services")).value("db");
        String command = ((YScalar) db.value("command")).value();
        List<String> words = List.of(command.split("\\s+"));
        assertEquals("postgres", words.get(0), command);
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 1; i < words.size(); i += 2) {
            assertEquals("-c", words.get(i), command);
            String[] kv = words.get(i + 1).split("=", 2);
            out.put(kv[0], kv[1]);
        }
        return out;
    }

    private static void assertSetting(String name, String written, String setting, String unit, String type) {
        String what = name + "=" + written + " (server: " + setting + " " + unit + ")";
        if (!unit.isEmpty() && unit.matches("\\d*[kMG]?B")) {
            PgSize.Base base = switch (unit) {
                case "8kB" -> PgSize.Base.BLOCKS;
                case "kB" -> PgSize.Base.KB;
                case "MB" -> PgSize.Base.MB;
                default -> PgSize.Base.BYTES;
            };
            long expected = PgSize.parse(written, base).orElseThrow(() -> new AssertionError("unparsable " + what));
            long actual = Long.parseLong(setting) * switch (unit) {
                case "8kB" -> 8192L;
                case "kB" -> 1024L;
                case "MB" -> 1024L * 1024;
                default -> 1L;
            };
            assertEquals(expected, actual, what);
        } else if (type.equals("real") || type.equals("integer")) {
            assertEquals(Double.parseDouble(written), Double.parseDouble(setting), 1e-9, what);
        } else {
            assertEquals(written, setting, what);
        }
        assertFalse(setting.isEmpty(), what);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
