package dev.composefix.schedule;

/** Least common multiples of whole-second intervals, saturating at {@link Long#MAX_VALUE}. */
final class Lcm {

    private Lcm() {
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** lcm(a, b) for positive a and b, or {@link Long#MAX_VALUE} when it does not fit in a long. */
    static long of(long a, long b) {
        long reduced = a / gcd(a, b);
        return reduced > Long.MAX_VALUE / b ? Long.MAX_VALUE : reduced * b;
    }
}
