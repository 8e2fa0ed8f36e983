package dev.composefix.tuning;

import java.util.List;

/**
 * The choices behind tuned settings, from {@code .composefix.yml}: PGTune's profile and storage for
 * PostgreSQL, and for Redis the share of the memory limit given to {@code maxmemory} and the eviction
 * policy (0 and null: chosen per service, see {@link #redisPercent(boolean)} and
 * {@link #redisPolicy(boolean)}).
 */
public record TuningOptions(PgTune.Profile profile, PgTune.Storage storage, int redisMaxmemoryPercent,
        String redisPolicyChoice) {

    public static final TuningOptions DEFAULT = new TuningOptions(PgTune.Profile.WEB, PgTune.Storage.SSD, 0, null);

    /** Redis's eviction policies (redis.conf, "MEMORY MANAGEMENT"). */
    public static final List<String> REDIS_POLICIES = List.of("noeviction", "allkeys-lru", "allkeys-lfu",
            "allkeys-random", "volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl");

    /**
     * The percentage of the memory limit for maxmemory: as configured, else 50 when the server
     * persists (a snapshot or AOF rewrite forks, and copy-on-write can double the memory while it
     * runs) and 75 when persistence is off.
     */
    public int redisPercent(boolean persistent) {
        return redisMaxmemoryPercent > 0 ? redisMaxmemoryPercent : persistent ? 50 : 75;
    }

    /** The eviction policy: as configured, else noeviction for append-only data and allkeys-lru for a cache. */
    public String redisPolicy(boolean appendOnly) {
        return redisPolicyChoice != null ? redisPolicyChoice : appendOnly ? "noeviction" : "allkeys-lru";
    }
}
