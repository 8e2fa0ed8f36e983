package dev.composefix.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.composefix.testing.Seeds;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link DecimalText} writes what {@code String.format(Locale.ROOT, ...)} writes, on generated numbers. */
class DecimalTextTest {

    static Stream<Long> seeds() {
        return Seeds.of(91, 200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void oneDecimalIsWhatTheFormatWrites(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 500; i++) {
            double v = switch (r.nextInt(6)) {
                case 0 -> r.nextInt(100_000) / 100.0 + 0.05; // halves of the last place
                case 1 -> (double) r.nextLong() / (1L << r.nextInt(63)); // any size, either sign
                case 2 -> r.nextInt(1 << 20) / 1024.0; // sizes in a unit, as ByteSize divides them
                case 3 -> Double.longBitsToDouble(r.nextLong()); // any double at all
                case 4 -> r.nextInt(2000) / 20.0 - 50; // exact halves, negative too
                default -> r.nextDouble() * Math.pow(10, r.nextInt(30) - 12);
            };
            assertEquals(String.format(Locale.ROOT, "%.1f", v), DecimalText.oneDecimal(v),
                    () -> Seeds.replay(seed) + ": " + v);
        }
    }

    @Test
    void oneDecimalOfTheEdges() {
        for (double v : new double[] {0.0, -0.0, 0.05, 0.15, 0.25, 0.35, -0.04, 1e300, -1e-300, Double.MAX_VALUE,
            Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1023.95, 1.5}) {
            assertEquals(String.format(Locale.ROOT, "%.1f", v), DecimalText.oneDecimal(v), String.valueOf(v));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void groupedIsWhatTheFormatWrites(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 500; i++) {
            long n = switch (r.nextInt(3)) {
                case 0 -> r.nextLong();
                case 1 -> r.nextLong() >> r.nextInt(64);
                default -> r.nextInt(2_000_000) - 1_000_000;
            };
            assertEquals(String.format(Locale.ROOT, "%,d", n), DecimalText.grouped(n), () -> Seeds.replay(seed) + ": " + n);
        }
        for (long n : new long[] {0, 999, 1000, -1000, -999_999, Long.MIN_VALUE, Long.MAX_VALUE}) {
            assertEquals(String.format(Locale.ROOT, "%,d", n), DecimalText.grouped(n), String.valueOf(n));
        }
    }
}
