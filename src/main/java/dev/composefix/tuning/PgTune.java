package dev.composefix.tuning;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * PostgreSQL settings for a container, by PGTune's formulas (le0pard/pgtune,
 * src/features/configuration/configurationSlice.js, the rule set of 2025: work_mem at least 64kB,
 * maintenance_work_mem at most 2GB), for Linux, with the container's memory limit as the total RAM
 * and its CPU limit as the CPU count. Every value is in kilobytes until written.
 *
 * <p>Left out on purpose: {@code huge_pages} (PGTune's {@code off} below 32GB would only undo the
 * server's default {@code try}) and anything about io_method (Docker's default seccomp profile
 * blocks io_uring). Settings a server version does not know are never written: the parallel worker
 * settings by the version that introduced them (max_parallel_workers 10,
 * max_parallel_maintenance_workers 11; PostgreSQL documentation, "Resource Consumption").
 */
public final class PgTune {

    /** The oldest major version these formulas are for (PGTune offers 10 and later). */
    public static final int OLDEST = 10;

    /** What the database is for: PGTune's "DB type". */
    public enum Profile {
        WEB(200, 4, 16, 1024, 4096, 1, 100),
        OLTP(300, 4, 16, 2048, 8192, 1, 100),
        DW(40, 4, 8, 4096, 16384, 2, 500),
        DESKTOP(20, 16, 16, 100, 2048, 6, 100),
        MIXED(100, 4, 16, 1024, 4096, 2, 100);

        final int connections;
        final int sharedBuffersDivisor;
        final int maintenanceDivisor;
        final int minWalMb;
        final int maxWalMb;
        final int workMemDivisor;
        final int statisticsTarget;

        Profile(int connections, int sharedBuffersDivisor, int maintenanceDivisor, int minWalMb,
                int maxWalMb, int workMemDivisor, int statisticsTarget) {
            this.connections = connections;
            this.sharedBuffersDivisor = sharedBuffersDivisor;
            this.maintenanceDivisor = maintenanceDivisor;
            this.minWalMb = minWalMb;
            this.maxWalMb = maxWalMb;
            this.workMemDivisor = workMemDivisor;
            this.statisticsTarget = statisticsTarget;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The max_connections PGTune assumes when none is given. */
        public int connections() {
            return connections;
        }
    }

    /** Where the data lives: PGTune's "data storage". */
    public enum Storage {
        SSD("1.1", 200), HDD("4", 2), SAN("1.1", 300);

        final String randomPageCost;
        final int ioConcurrency;

        Storage(String randomPageCost, int ioConcurrency) {
            this.randomPageCost = randomPageCost;
            this.ioConcurrency = ioConcurrency;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param memoryBytes the container's memory limit
     * @param cpus the container's CPU limit, or 0 when unknown (no parallel settings then)
     * @param connections max_connections as given, or 0 for the profile's
     * @param version the server's major version (at least {@link #OLDEST})
     */
    public record Input(long memoryBytes, double cpus, int connections, Profile profile, Storage storage,
            int version) {
    }

    /** The computed values: numbers in kB where they are sizes, and the settings in PGTune's order. */
    public record Result(long sharedBuffersKb, long workMemKb, int maxConnections, int parallelWorkersPerGather,
            Map<String, String> settings) {
    }

    private static final long KB_PER_MB = 1024;
    private static final long KB_PER_GB = 1024 * 1024;
    /** PostgreSQL's max_worker_processes default, which PGTune's work_mem counts when it sets none. */
    private static final int DEFAULT_WORKER_PROCESSES = 8;

    private PgTune() {
    }

    public static Result tune(Input in) {
        long totalKb = in.memoryBytes() / 1024;
        Profile p = in.profile();
        int connections = in.connections() > 0 ? in.connections() : p.connections;
        long sharedBuffers = totalKb / p.sharedBuffersDivisor;
        long cache = p == Profile.DESKTOP ? totalKb / 4 : totalKb * 3 / 4; // effective_cache_size
        long maintenance = Math.min(totalKb / p.maintenanceDivisor, 2 * KB_PER_GB);
        long walBuffers = walBuffers(sharedBuffers);
        int cpuCount = (int) Math.floor(in.cpus());

        Map<String, String> parallel = new LinkedHashMap<>();
        int perGather = 0;
        if (cpuCount >= 4) {
            perGather = (int) Math.ceil(cpuCount / 2.0);
            if (p != Profile.DW) {
                perGather = Math.min(perGather, 4);
            }
            parallel.put("max_worker_processes", String.valueOf(cpuCount));
            parallel.put("max_parallel_workers_per_gather", String.valueOf(perGather));
            if (in.version() >= 10) {
                parallel.put("max_parallel_workers", String.valueOf(cpuCount));
            }
            if (in.version() >= 11) {
                parallel.put("max_parallel_maintenance_workers",
                        String.valueOf(Math.min((int) Math.ceil(cpuCount / 2.0), 4)));
            }
        }
        int workers = cpuCount >= 4 ? cpuCount : DEFAULT_WORKER_PROCESSES;
        // (RAM - shared_buffers) / ((max_connections + max_worker_processes) * 3), by profile.
        double perConnection = (double) (totalKb - sharedBuffers) / ((connections + workers) * 3);
        long workMem = Math.max((long) Math.floor(perConnection / p.workMemDivisor), 64);

        Map<String, String> s = new LinkedHashMap<>();
        s.put("max_connections", String.valueOf(connections));
        s.put("shared_buffers", PgSize.format(sharedBuffers));
        s.put("effective_cache_size", PgSize.format(cache));
        s.put("maintenance_work_mem", PgSize.format(maintenance));
        s.put("checkpoint_completion_target", "0.9");
        s.put("wal_buffers", PgSize.format(walBuffers));
        if (p.statisticsTarget != 100) {
            s.put("default_statistics_target", String.valueOf(p.statisticsTarget)); // 100 is the server's default
        }
        s.put("random_page_cost", in.storage().randomPageCost);
        s.put("effective_io_concurrency", String.valueOf(in.storage().ioConcurrency));
        s.put("work_mem", PgSize.format(workMem));
        s.put("min_wal_size", PgSize.format(p.minWalMb * KB_PER_MB));
        s.put("max_wal_size", PgSize.format(p.maxWalMb * KB_PER_MB));
        s.putAll(parallel);
        if (p == Profile.DESKTOP) {
            s.put("wal_level", "minimal");
            s.put("max_wal_senders", "0"); // the server refuses wal_level=minimal with WAL senders
        }
        return new Result(sharedBuffers, workMem, connections, perGather, s);
    }

    /** 3% of shared_buffers, at most 16MB (and 16MB from 14MB up), at least 32kB. */
    static long walBuffers(long sharedBuffersKb) {
        long kb = sharedBuffersKb * 3 / 100;
        long max = 16 * KB_PER_MB;
        kb = Math.min(kb, max);
        if (kb > 14 * KB_PER_MB && kb < max) {
            kb = max;
        }
        return Math.max(kb, 32);
    }
}
