package dev.composefix.model;

import dev.composefix.yaml.YNode;
import java.util.function.Function;

/**
 * One setting of a compose file, read for analysis: absent, set to a value, set but not resolvable
 * here (a variable without a default), or set to something that does not parse. {@link #node()} is
 * where it is written (through merge keys, the anchor's node).
 */
public record Field<T>(State state, T value, YNode node, String text) {

    /** What is known about a setting. */
    public enum State { ABSENT, VALUE, UNKNOWN, INVALID }

    private static final Field<?> ABSENT = new Field<>(State.ABSENT, null, null, null);

    @SuppressWarnings("unchecked")
    public static <T> Field<T> absent() {
        return (Field<T>) ABSENT;
    }

    public static <T> Field<T> of(T value, YNode node, String text) {
        return new Field<>(State.VALUE, value, node, text);
    }

    public static <T> Field<T> unknown(YNode node, String text) {
        return new Field<>(State.UNKNOWN, null, node, text);
    }

    public static <T> Field<T> invalid(YNode node, String text) {
        return new Field<>(State.INVALID, null, node, text);
    }

    /** The key is written (whatever its value). */
    public boolean isSet() {
        return state != State.ABSENT;
    }

    public boolean hasValue() {
        return state == State.VALUE;
    }

    /** A field of another type with the same state, node and text. */
    public <U> Field<U> map(Function<T, U> f) {
        return state == State.VALUE ? of(f.apply(value), node, text) : new Field<>(state, null, node, text);
    }
}
