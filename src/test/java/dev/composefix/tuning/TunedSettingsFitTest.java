package dev.composefix.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * composefix's own PostgreSQL settings never trip CF302 (postgres-memory-mismatch) or CF303
 * (postgres-shm-size): for memory limits from 64M to 64G, every profile, storage and CPU count, the
 * computed values fit the limit; and a stack of PostgreSQL services rewritten by CF301 lints clean for
 * CF301 to CF303 afterwards.
 */
class TunedSettingsFitTest {

    /** Memory limits in MiB, 64M to 64G, powers of two and the odd sizes people write. */
    static final long[] LIMITS_MB = {64, 96, 100, 128, 200, 256, 300, 384, 500, 512, 768, 1000, 1024, 1536, 2048,
        3072, 4096, 6144, 8192, 12288, 16384, 24576, 32768, 49152, 65536};
    static final double[] CPUS = {0, 0.25, 0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 32};

    static Stream<Arguments> combinations() {
        List<Arguments> out = new ArrayList<>();
        for (PgTune.Profile p : PgTune.Profile.values()) {
            for (PgTune.Storage st : PgTune.Storage.values()) {
                out.add(Arguments.of(p, st));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("combinations")
    void computedValuesFitEveryLimit(PgTune.Profile profile, PgTune.Storage storage) {
        for (long mb : LIMITS_MB) {
            for (double cpus : CPUS) {
                long limit = mb << 20;
                PgTune.Result r = PgTune.tune(new PgTune.Input(limit, cpus, 0, profile, storage, 15));
                String at = mb + "M, " + cpus + " CPUs: ";
                long buffers = r.sharedBuffersKb() * 1024;
                long workMem = r.workMemKb() * 1024;
                assertTrue(buffers < limit, at + "shared_buffers below the limit");
                assertTrue(buffers + workMem * r.maxConnections() <= limit,
                        at + "shared_buffers + work_mem x max_connections within the limit");
                // The settings as written read back to the same numbers (units are exact).
                assertEquals(buffers, PgSize.parse(r.settings().get("shared_buffers"), PgSize.Base.BLOCKS).getAsLong(), at);
                assertEquals(workMem, PgSize.parse(r.settings().get("work_mem"), PgSize.Base.KB).getAsLong(), at);
            }
        }
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(PgTune.Profile.class)
    void aRewrittenStackLintsClean(PgTune.Profile profile) throws Exception {
        StringBuilder compose = new StringBuilder("services:\n");
        for (int i = 0; i < LIMITS_MB.length; i++) {
            double cpus = CPUS[i % CPUS.length];
            compose.append("  db").append(i).append(":\n")
                    .append("    image: postgres:").append(12 + i % 6).append('\n')
                    .append("    mem_limit: ").append(LIMITS_MB[i]).append("m\n");
            if (cpus > 0) {
                compose.append("    cpus: ").append(cpus).append('\n');
            }
        }
        Files.createDirectories(dir.resolve(".git"));
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, compose);
        Files.writeString(dir.resolve(".composefix.yml"),
                "postgres:\n  profile: " + profile.id() + "\n");
        CliRun before = CliRun.run("lint", "--ignore-environment", "--only", "CF301", file.toString());
        assertEquals(1, before.exit(), before.out() + before.err());
        assertEquals(LIMITS_MB.length, before.out().lines().filter(l -> l.contains("postgres-untuned")).count(), before.out());

        CliRun rewrite = CliRun.run("rewrite", "-i", "--ignore-environment", "--only", "CF301,CF302,CF303", file.toString());
        assertEquals(0, rewrite.exit(), rewrite.out() + rewrite.err());
        String rewritten = Files.readString(file);
        assertTrue(rewritten.toLowerCase(Locale.ROOT).contains("shared_buffers="), rewritten);

        CliRun after = CliRun.run("lint", "--ignore-environment", "--only", "CF301,CF302,CF303", file.toString());
        assertEquals(0, after.exit(), "the rewritten stack lints clean:\n" + after.out() + "\n" + rewritten);
    }
}
