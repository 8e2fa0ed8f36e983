package dev.composefix.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A document is equal only to itself, and remembers one value per key, computed once whoever asks. */
class YamlDocumentTest {

    private static YamlDocument doc() throws YamlException {
        return new YamlLoader().load("services:\n  web:\n    image: nginx\n");
    }

    @Test
    void equalOnlyToItself() throws YamlException {
        YamlDocument a = doc();
        YamlDocument b = doc();
        assertEquals(a, a);
        assertNotEquals(a, b);
        assertEquals(System.identityHashCode(a), a.hashCode());
    }

    @Test
    void oneValuePerKeyComputedOnceAcrossThreads() throws Exception {
        YamlDocument doc = doc();
        Object key = new Object();
        AtomicInteger computed = new AtomicInteger();
        Function<YamlDocument, Object> compute = d -> {
            computed.incrementAndGet();
            try {
                Thread.sleep(20); // long enough for the other threads to ask meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Object();
        };
        CountDownLatch start = new CountDownLatch(1);
        List<Object> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                seen.add(doc.remembered(key, compute));
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, computed.get());
        assertEquals(8, seen.size());
        for (Object o : seen) {
            assertSame(seen.get(0), o);
        }
    }

    @Test
    void keysAreComparedByIdentityAndAComputationMayAskForAnother() throws YamlException {
        YamlDocument doc = doc();
        String first = new String("k".toCharArray());
        String second = new String("k".toCharArray()); // equal, not the same key
        Object inner = doc.remembered(first, d -> d.remembered(second, e -> "inner") + "+outer");
        assertEquals("inner+outer", inner);
        assertEquals("inner", doc.remembered(second, d -> "again"));
        assertEquals("inner+outer", doc.remembered(first, d -> "again"));
        Object nothing = new Object();
        assertNull(doc.remembered(nothing, d -> null)); // a null value is remembered too
        assertNull(doc.remembered(nothing, d -> "not asked"));
    }
}
