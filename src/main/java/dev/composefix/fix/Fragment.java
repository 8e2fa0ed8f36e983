package dev.composefix.fix;

import dev.composefix.yaml.YNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A piece of YAML to insert, as data: {@link YamlEditor} renders it in the style of the place it
 * goes (block or flow, the file's indentation, quoting and line endings).
 */
public sealed interface Fragment permits Fragment.Text, Fragment.Mapping, Fragment.Sequence, Fragment.Copy {

    /**
     * A scalar. {@code kind} says how to write it: {@code STRING} stays a YAML string (plain only
     * when that reads back as the same string), {@code QUOTED} is always quoted, {@code RAW} is
     * written as given (numbers, booleans, aliases such as {@code *anchor}), {@code FOLDED} is a
     * string of words written one line of {@code value} per line as a folded block ({@code >-}), so
     * it reads back with each line break as a space (on one line where a block cannot go).
     */
    record Text(String value, Kind kind) implements Fragment {

        /** How a scalar fragment is written. */
        public enum Kind { STRING, QUOTED, RAW, FOLDED }
    }

    /** A mapping; {@code mergeFrom} lists anchors written first as {@code <<: *anchor}. */
    record Mapping(List<String> mergeFrom, Map<String, Fragment> entries) implements Fragment {

        public Mapping {
            mergeFrom = List.copyOf(mergeFrom);
            entries = new LinkedHashMap<>(entries);
        }
    }

    /** A sequence, written in flow style ({@code [a, b]}) when {@code flow}, else as a block. */
    record Sequence(List<Fragment> items, boolean flow) implements Fragment {

        public Sequence {
            items = List.copyOf(items);
        }
    }

    /** A copy of an existing node's content (aliases resolved), to override an inherited value. */
    record Copy(YNode node) implements Fragment {
    }

    static Text string(String value) {
        return new Text(value, Text.Kind.STRING);
    }

    static Text quoted(String value) {
        return new Text(value, Text.Kind.QUOTED);
    }

    static Text raw(String yaml) {
        return new Text(yaml, Text.Kind.RAW);
    }

    /** A folded block scalar of these lines (none empty or starting with a space): {@code >-}. */
    static Text folded(List<String> lines) {
        for (String line : lines) {
            if (line.isEmpty() || line.charAt(0) == ' ' || line.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("not a folded line: '" + line + "'");
            }
        }
        return new Text(String.join("\n", lines), Text.Kind.FOLDED);
    }

    static Mapping mapping() {
        return new Mapping(List.of(), Map.of());
    }

    /** A mapping of the given keys and values, in order. */
    static Mapping mapping(Object... keysAndValues) {
        Mapping out = mapping(); // filled in place: the record would copy a map built first
        Map<String, Fragment> m = out.entries();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], (Fragment) keysAndValues[i + 1]);
        }
        return out;
    }

    /** A flow sequence of always-quoted strings, the usual form of a health-check test. */
    static Sequence quotedList(List<String> values) {
        List<Fragment> items = new ArrayList<>();
        for (String v : values) {
            items.add(quoted(v));
        }
        return new Sequence(items, true);
    }

    /** {@code value} nested under {@code path}: path [a, b] gives {a: {b: value}}. */
    static Fragment nested(List<String> path, Fragment value) {
        Fragment f = value;
        for (int i = path.size() - 1; i >= 0; i--) {
            f = mapping(path.get(i), f);
        }
        return f;
    }
}
