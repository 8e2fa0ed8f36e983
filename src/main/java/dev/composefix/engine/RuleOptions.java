package dev.composefix.engine;

import dev.composefix.model.ByteSize;
import dev.composefix.model.ComposeDuration;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A rule's option values: what config sets, else the defaults its metadata declares. */
public final class RuleOptions {

    private final RuleMetadata meta;
    private final Map<String, String> values;

    public RuleOptions(RuleMetadata meta, Map<String, String> configured) {
        this.meta = meta;
        this.values = new HashMap<>(configured);
    }

    private String raw(String name) {
        RuleOption o = meta.option(name);
        if (o == null) {
            throw new IllegalArgumentException("rule " + meta.name() + " declares no option " + name);
        }
        return values.getOrDefault(name, o.defaultValue());
    }

    public Duration duration(String name) {
        return ComposeDuration.parse(raw(name)).orElseThrow();
    }

    public long integer(String name) {
        return Long.parseLong(raw(name));
    }

    public double number(String name) {
        return Double.parseDouble(raw(name));
    }

    public boolean bool(String name) {
        return Boolean.parseBoolean(raw(name));
    }

    public String string(String name) {
        return raw(name);
    }

    public long size(String name) {
        return ByteSize.parse(raw(name)).orElseThrow();
    }

    /** Whether {@code text} is a valid value for an option of {@code type}; empty when it is, else why not. */
    public static Optional<String> check(RuleOption.Type type, String text) {
        boolean ok = switch (type) {
            case DURATION -> ComposeDuration.parse(text).filter(d -> !d.isNegative()).isPresent();
            case SIZE -> ByteSize.parse(text).isPresent();
            case INTEGER -> text.matches("-?\\d{1,18}");
            case NUMBER -> text.matches("-?\\d+(\\.\\d+)?");
            case BOOLEAN -> text.equals("true") || text.equals("false");
            case STRING -> true;
        };
        if (ok) {
            return Optional.empty();
        }
        String expected = switch (type) {
            case DURATION -> "a duration such as 10m or 90s";
            case SIZE -> "a byte size such as 512M";
            case INTEGER -> "an integer";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case STRING -> "a string";
        };
        return Optional.of("expected " + expected + ", got '" + text + "'");
    }
}
