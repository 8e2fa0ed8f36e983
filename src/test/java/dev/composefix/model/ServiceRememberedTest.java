package dev.composefix.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.composefix.kinds.KindTable;
import dev.composefix.kinds.ServiceKind;
import dev.composefix.tuning.PostgresServer;
import dev.composefix.tuning.RedisServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link Service#remembered} keeps: one value per key, several keys at once, and null values. */
class ServiceRememberedTest {

    private static Service service(String yaml, String name) throws Exception {
        return new ComposeLoader().load("compose.yml", yaml, Variables.NONE).service(name);
    }

    @Test
    void computesOncePerKeyWhileSeveralKeysAreKept() throws Exception {
        Service s = service("services:\n  web:\n    image: nginx\n", "web");
        Object a = new Object();
        Object b = new Object();
        List<Object> computed = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            assertEquals("a", s.remembered(a, (k, svc) -> {
                computed.add(k);
                return "a";
            }));
            assertNull(s.remembered(b, (k, svc) -> {
                computed.add(k);
                return null; // a null value is remembered too
            }));
        }
        assertEquals(List.of(a, b), computed);
    }

    @Test
    void moreKeysThanItKeepsAreComputedAgainNeverConfused() throws Exception {
        Service s = service("services:\n  web:\n    image: nginx\n", "web");
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            keys.add(new Object());
        }
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < keys.size(); i++) {
                int expected = i;
                assertEquals(expected, (int) s.remembered(keys.get(i), (k, svc) -> keys.indexOf(k)));
            }
        }
    }

    @Test
    void databaseServersAreReadOncePerService() throws Exception {
        String yaml = "services:\n"
                + "  db:\n    image: postgres:16\n    command: postgres -c shared_buffers=128MB\n"
                + "  cache:\n    image: redis:7\n    command: redis-server --maxmemory 100mb\n";
        Service db = service(yaml, "db");
        PostgresServer pg = PostgresServer.of(db);
        assertEquals("128MB", pg.setting("shared_buffers").value());
        assertSame(pg, PostgresServer.of(db));

        Service cache = service(yaml, "cache");
        KindTable kinds = KindTable.builtIn();
        ServiceKind redis = kinds.byName("redis");
        ServiceKind valkey = kinds.byName("valkey");
        RedisServer r = RedisServer.of(cache, redis);
        assertSame(r, RedisServer.of(cache, redis));
        assertEquals("100mb", r.option("maxmemory").value());
        // Another kind is another server (Bitnami's variables differ by kind), not the one kept for redis.
        RedisServer v = RedisServer.of(cache, valkey);
        assertNotSame(r, v);
        assertSame(valkey, v.kind());
        assertSame(redis, RedisServer.of(cache, redis).kind());
    }
}
