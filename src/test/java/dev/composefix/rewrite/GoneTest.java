package dev.composefix.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.composefix.engine.Finding;
import dev.composefix.engine.Severity;
import dev.composefix.yaml.LineMap;
import dev.composefix.yaml.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Rewriter#gone}, the findings a rewrite reports fixed, against the rule written out plainly: match
 * by rule, service and message first, then by rule and service, each remaining finding at most once, in
 * the first pass's order. Seeded lists with few codes, services and messages (nulls among them), so that
 * groups repeat, and groups larger than the list a group keeps before it counts by message.
 */
class GoneTest {

    static Stream<Long> seeds() {
        return LongStream.range(0, 600).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void matchesThePlainRule(long seed) {
        Random random = new Random(seed);
        int codes = 1 + random.nextInt(3);
        int services = 1 + random.nextInt(seed % 3 == 0 ? 2 : 6);
        int messages = 1 + random.nextInt(seed % 5 == 0 ? 60 : 4);
        List<Finding> initial = findings(random, random.nextInt(seed % 7 == 0 ? 200 : 30), codes, services, messages);
        List<Finding> remaining = findings(random, random.nextInt(seed % 7 == 0 ? 200 : 30), codes, services,
                messages);
        List<Finding> expected = reference(initial, remaining);
        List<Finding> actual = Rewriter.gone(initial, remaining);
        assertEquals(expected.size(), actual.size(), () -> "seed " + seed);
        for (int i = 0; i < expected.size(); i++) {
            assertSame(expected.get(i), actual.get(i), "seed " + seed + ", finding " + i);
        }
    }

    private static final LineMap LINES = new LineMap("x\n");

    private static List<Finding> findings(Random random, int n, int codes, int services, int messages) {
        List<Finding> out = new ArrayList<>();
        Position at = LINES.at(0);
        for (int i = 0; i < n; i++) {
            String code = "CF10" + random.nextInt(codes);
            String service = random.nextInt(8) == 0 ? null : "svc" + random.nextInt(services);
            // A new string each time: equal messages are equal, not the same object.
            String message = random.nextInt(10) == 0 ? null : new String("message " + random.nextInt(messages));
            out.add(new Finding(code, "rule", Severity.WARNING, "f.yml", at, at, service, message, null));
        }
        return out;
    }

    /** The rule written out: exact matches in order, then matches by rule and service among the rest. */
    private static List<Finding> reference(List<Finding> initial, List<Finding> remaining) {
        List<Finding> unmatched = new ArrayList<>(remaining);
        boolean[] exact = new boolean[initial.size()];
        for (int i = 0; i < initial.size(); i++) {
            Finding f = initial.get(i);
            for (int j = 0; j < unmatched.size(); j++) {
                Finding r = unmatched.get(j);
                if (f.code().equals(r.code()) && Objects.equals(f.service(), r.service())
                        && Objects.equals(f.message(), r.message())) {
                    unmatched.remove(j);
                    exact[i] = true;
                    break;
                }
            }
        }
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < initial.size(); i++) {
            if (exact[i]) {
                continue;
            }
            Finding f = initial.get(i);
            boolean found = false;
            for (int j = 0; j < unmatched.size(); j++) {
                Finding r = unmatched.get(j);
                if (f.code().equals(r.code()) && Objects.equals(f.service(), r.service())) {
                    unmatched.remove(j);
                    found = true;
                    break;
                }
            }
            if (!found) {
                out.add(f);
            }
        }
        return out;
    }
}
