package dev.composefix.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.tuning.PgTune.Profile;
import dev.composefix.tuning.PgTune.Storage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Parity with PGTune: each expected value below was worked out by hand from PGTune's formulas
 * (le0pard/pgtune, configurationSlice.js of May 2025), not by running this code; the working is in
 * the comments.
 */
class PgTuneTest {

    private static final long MB = 1024L * 1024;
    private static final long GB = 1024 * MB;

    private static Map<String, String> tune(long memory, double cpus, int connections, Profile p, Storage s, int v) {
        return PgTune.tune(new PgTune.Input(memory, cpus, connections, p, s, v)).settings();
    }

    private static Map<String, String> expected(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void webOneGigabyteFewCpus() {
        // total 1048576kB; shared_buffers /4 = 262144kB; cache *3/4 = 786432kB; maintenance /16 = 65536kB;
        // wal_buffers 3% of 262144 = 7864.32 -> 7864kB; work_mem (1048576-262144)/((200+8)*3) = 1260.3 -> 1260kB
        assertEquals(expected("max_connections", "200", "shared_buffers", "256MB", "effective_cache_size", "768MB",
                "maintenance_work_mem", "64MB", "checkpoint_completion_target", "0.9", "wal_buffers", "7864kB",
                "random_page_cost", "1.1", "effective_io_concurrency", "200", "work_mem", "1260kB",
                "min_wal_size", "1GB", "max_wal_size", "4GB"), tune(GB, 2, 0, Profile.WEB, Storage.SSD, 16));
    }

    @Test
    void oltpFourGigabytesEightCpusOnHdd() {
        // total 4194304kB; shared_buffers 1048576kB = 1GB; cache 3145728kB = 3GB; maintenance 262144kB;
        // wal_buffers 3% = 31457 -> capped at 16MB; per gather ceil(8/2) = 4; maintenance workers min(4, 4);
        // work_mem (4194304-1048576)/((300+8)*3) = 3145728/924 = 3404.5 -> 3404kB
        assertEquals(expected("max_connections", "300", "shared_buffers", "1GB", "effective_cache_size", "3GB",
                "maintenance_work_mem", "256MB", "checkpoint_completion_target", "0.9", "wal_buffers", "16MB",
                "random_page_cost", "4", "effective_io_concurrency", "2", "work_mem", "3404kB",
                "min_wal_size", "2GB", "max_wal_size", "8GB", "max_worker_processes", "8",
                "max_parallel_workers_per_gather", "4", "max_parallel_workers", "8",
                "max_parallel_maintenance_workers", "4"), tune(4 * GB, 8, 0, Profile.OLTP, Storage.HDD, 15));
    }

    @Test
    void warehouseSixteenGigabytesSixteenCpusOnSan() {
        // total 16777216kB; shared_buffers 4GB; cache 12GB; maintenance /8 = 2097152kB, at the 2GB cap;
        // statistics 500; per gather ceil(16/2) = 8 (no cap for dw); maintenance workers min(8, 4) = 4;
        // work_mem (16777216-4194304)/((40+16)*3) = 74898.3, /2 = 37449.1 -> 37449kB
        assertEquals(expected("max_connections", "40", "shared_buffers", "4GB", "effective_cache_size", "12GB",
                "maintenance_work_mem", "2GB", "checkpoint_completion_target", "0.9", "wal_buffers", "16MB",
                "default_statistics_target", "500", "random_page_cost", "1.1", "effective_io_concurrency", "300",
                "work_mem", "37449kB", "min_wal_size", "4GB", "max_wal_size", "16GB", "max_worker_processes", "16",
                "max_parallel_workers_per_gather", "8", "max_parallel_workers", "16",
                "max_parallel_maintenance_workers", "4"), tune(16 * GB, 16, 0, Profile.DW, Storage.SAN, 16));
    }

    @Test
    void desktopSmallContainer() {
        // total 262144kB; shared_buffers /16 = 16384kB; cache /4 = 65536kB; maintenance /16 = 16384kB;
        // wal_buffers 3% of 16384 = 491.5 -> 491kB; work_mem (262144-16384)/((20+8)*3) = 2925.7, /6 = 487.6 -> 487kB
        assertEquals(expected("max_connections", "20", "shared_buffers", "16MB", "effective_cache_size", "64MB",
                "maintenance_work_mem", "16MB", "checkpoint_completion_target", "0.9", "wal_buffers", "491kB",
                "random_page_cost", "1.1", "effective_io_concurrency", "200", "work_mem", "487kB",
                "min_wal_size", "100MB", "max_wal_size", "2GB", "wal_level", "minimal", "max_wal_senders", "0"),
                tune(256 * MB, 2, 0, Profile.DESKTOP, Storage.SSD, 14));
    }

    @Test
    void mixedWithGivenConnectionsOnVersionTen() {
        // total 524288kB; shared_buffers 131072kB; cache 393216kB; maintenance 32768kB; wal_buffers 3932kB;
        // 4 CPUs: per gather 2; version 10 knows max_parallel_workers but not the maintenance workers (11);
        // work_mem (524288-131072)/((50+4)*3) = 2427.3, /2 = 1213.6 -> 1213kB
        assertEquals(expected("max_connections", "50", "shared_buffers", "128MB", "effective_cache_size", "384MB",
                "maintenance_work_mem", "32MB", "checkpoint_completion_target", "0.9", "wal_buffers", "3932kB",
                "random_page_cost", "1.1", "effective_io_concurrency", "200", "work_mem", "1213kB",
                "min_wal_size", "1GB", "max_wal_size", "4GB", "max_worker_processes", "4",
                "max_parallel_workers_per_gather", "2", "max_parallel_workers", "4"),
                tune(512 * MB, 4, 50, Profile.MIXED, Storage.SSD, 10));
    }

    @Test
    void floorsAndRounding() {
        // 32MB oltp: work_mem (32768-8192)/((300+8)*3) = 26.6 -> raised to the 64kB floor; wal_buffers 245kB
        Map<String, String> tiny = tune(32 * MB, 1, 0, Profile.OLTP, Storage.SSD, 16);
        assertEquals("64kB", tiny.get("work_mem"));
        assertEquals("245kB", tiny.get("wal_buffers"));
        assertEquals("8MB", tiny.get("shared_buffers"));
        // 2000MB: shared_buffers 512000kB = 500MB; 3% = 15360kB, between 14MB and 16MB: rounded up to 16MB
        Map<String, String> near = tune(2000 * MB, 1, 0, Profile.WEB, Storage.SSD, 16);
        assertEquals("500MB", near.get("shared_buffers"));
        assertEquals("16MB", near.get("wal_buffers"));
        // 64MB: 16384kB shared_buffers; 3% = 491kB; work_mem (65536-16384)/624 = 78.8 -> 78kB
        Map<String, String> small = tune(64 * MB, 0, 0, Profile.WEB, Storage.SSD, 16);
        assertEquals("78kB", small.get("work_mem"));
        // a fractional CPU limit counts whole CPUs: 4.5 is 4
        assertEquals("4", tune(GB, 4.5, 0, Profile.WEB, Storage.SSD, 16).get("max_worker_processes"));
        assertFalse(tune(GB, 3.9, 0, Profile.WEB, Storage.SSD, 16).containsKey("max_worker_processes"));
    }

    @Test
    void everyVersionGetsOnlySettingsItKnows() {
        // PostgreSQL documentation, "Resource Consumption": max_parallel_workers since 10,
        // max_parallel_maintenance_workers since 11; everything else written here exists in 10.
        for (int v = 10; v <= 18; v++) {
            Map<String, String> s = tune(8 * GB, 8, 0, Profile.WEB, Storage.SSD, v);
            assertTrue(s.containsKey("max_parallel_workers"), "version " + v);
            assertEquals(v >= 11, s.containsKey("max_parallel_maintenance_workers"), "version " + v);
            assertFalse(s.containsKey("io_method"), "never io_method (io_uring is blocked by Docker's seccomp)");
            assertFalse(s.containsKey("huge_pages"));
        }
    }

    @Test
    void everyMemoryValueUsesAUnitPostgresAccepts() {
        for (long mb = 16; mb <= 64 * 1024; mb = mb * 3 / 2) {
            for (Profile p : Profile.values()) {
                for (Map.Entry<String, String> e : tune(mb * MB, 8, 0, p, Storage.SSD, 16).entrySet()) {
                    String v = e.getValue();
                    if (v.matches("\\d+[a-zA-Z]+")) {
                        assertTrue(v.matches("\\d+(kB|MB|GB)"), e.getKey() + "=" + v);
                    }
                }
            }
        }
    }
}
