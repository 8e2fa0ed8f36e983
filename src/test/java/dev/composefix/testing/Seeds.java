package dev.composefix.testing;

import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Seeds for property-based tests: {@code count} seeds derived from a base, or exactly one when
 * {@code -Dcomposefix.seed=N} replays a failure. Failing tests print their seed.
 */
public final class Seeds {

    private Seeds() {
    }

    public static Stream<Long> of(long base, int count) {
        String replay = System.getProperty("composefix.seed");
        if (replay != null && !replay.isBlank()) {
            return Stream.of(Long.parseLong(replay.strip()));
        }
        return LongStream.range(0, count).mapToObj(i -> base * 1_000_003L + i);
    }

    public static String replay(long seed) {
        return "seed " + seed + " (replay: mvn -B test -Dtest=<this test> -Dcomposefix.seed=" + seed + ")";
    }
}
