package dev.composefix.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One heap-size option in the value of an options variable ({@code NODE_OPTIONS},
 * {@code JAVA_TOOL_OPTIONS}, ...): which option, and where its value is ({@code start} to {@code end}
 * in the text searched, the number and any unit letter). Options are whole words: separated by
 * whitespace or quotes, as Node.js and the JVM split these variables. {@code name} is the option as
 * written up to its value ({@code -Xmx}, {@code --max_old_space_size=}).
 */
record HeapOption(Flag flag, String name, int start, int end, String text) {

    /** The options composefix reads. */
    enum Flag {
        /** Node.js {@code --max-old-space-size=N} (MiB). */
        MAX_OLD_SPACE_SIZE,
        /** JVM {@code -Xmx} or {@code -XX:MaxHeapSize=}. */
        XMX,
        /** JVM {@code -Xms} or {@code -XX:InitialHeapSize=}. */
        XMS,
        /** JVM {@code -XX:MaxRAMPercentage=}. */
        MAX_RAM_PERCENTAGE,
        /** JVM {@code -XX:MaxRAM=}. */
        MAX_RAM
    }

    private static final long MIB = 1L << 20;

    /** {@code --max-old-space-size=N} or {@code --max-old-space-size N}, dashes or underscores. */
    private static final Pattern NODE = Pattern.compile(
            "(?<![^\\s\"'])--max[-_]old[-_]space[-_]size(?:=|[ \\t]+)(\\d+)(?![^\\s\"'])");
    private static final Pattern JVM_SHORT = Pattern.compile(
            "(?<![^\\s\"'])-Xm([xs])(\\d+[kKmMgGtT]?)(?![^\\s\"'])");
    private static final Pattern JVM_SIZE = Pattern.compile(
            "(?<![^\\s\"'])-XX:(MaxHeapSize|InitialHeapSize|MaxRAM)=(\\d+[kKmMgGtT]?)(?![^\\s\"'])");
    private static final Pattern JVM_PERCENT = Pattern.compile(
            "(?<![^\\s\"'])-XX:MaxRAMPercentage=(\\d+(?:\\.\\d*)?|\\.\\d+)(?![^\\s\"'])");

    /** The {@code --max-old-space-size} options of a {@code NODE_OPTIONS} value, in order. */
    static List<HeapOption> node(String value) {
        List<HeapOption> out = new ArrayList<>();
        Matcher m = NODE.matcher(value);
        while (m.find()) {
            HeapOption o = new HeapOption(Flag.MAX_OLD_SPACE_SIZE,
                    value.substring(m.start(), m.start(1)), m.start(1), m.end(1), m.group(1));
            if (o.bytes() > 0) {
                out.add(o);
            }
        }
        return out;
    }

    /** The heap options of a JVM options value, in order. */
    static List<HeapOption> jvm(String value) {
        List<HeapOption> out = new ArrayList<>();
        Matcher m = JVM_SHORT.matcher(value);
        while (m.find()) {
            out.add(new HeapOption(m.group(1).equals("x") ? Flag.XMX : Flag.XMS, value.substring(m.start(), m.start(2)),
                    m.start(2), m.end(2), m.group(2)));
        }
        m = JVM_SIZE.matcher(value);
        while (m.find()) {
            Flag f = switch (m.group(1)) {
                case "MaxHeapSize" -> Flag.XMX;
                case "InitialHeapSize" -> Flag.XMS;
                default -> Flag.MAX_RAM;
            };
            out.add(new HeapOption(f, value.substring(m.start(), m.start(2)), m.start(2), m.end(2), m.group(2)));
        }
        m = JVM_PERCENT.matcher(value);
        while (m.find()) {
            out.add(new HeapOption(Flag.MAX_RAM_PERCENTAGE, value.substring(m.start(), m.start(1)), m.start(1), m.end(1),
                    m.group(1)));
        }
        // Loops and a class rather than lambdas, which a start would have to link.
        List<HeapOption> kept = new ArrayList<>(out.size());
        for (HeapOption o : out) {
            if (o.flag() == Flag.MAX_RAM_PERCENTAGE || o.bytes() >= 0) {
                kept.add(o);
            }
        }
        kept.sort(BY_START);
        return kept;
    }

    /** 75% of {@code bytes}, rounded down (without overflowing). */
    static long threeQuarters(long bytes) {
        return bytes / 4 * 3 + bytes % 4 * 3 / 4;
    }

    /** 75% of {@code bytes}, in MiB rounded down. */
    static long threeQuartersMib(long bytes) {
        return threeQuarters(bytes) / MIB;
    }

    /** The last option of {@code flag} (the one the runtime uses), or null. */
    static HeapOption last(List<HeapOption> options, Flag flag) {
        HeapOption found = null;
        for (HeapOption o : options) {
            if (o.flag() == flag) {
                found = o;
            }
        }
        return found;
    }

    /** The options of {@code flag}, in order. */
    static List<HeapOption> all(List<HeapOption> options, Flag flag) {
        List<HeapOption> out = new ArrayList<>();
        for (HeapOption o : options) {
            if (o.flag() == flag) {
                out.add(o);
            }
        }
        return java.util.Collections.unmodifiableList(out);
    }

    /**
     * The size in bytes ({@code --max-old-space-size} counts MiB; JVM sizes are bytes with an optional
     * k, m, g or t), or -1 when it does not fit a long; not for {@link Flag#MAX_RAM_PERCENTAGE}.
     */
    long bytes() {
        String digits = text;
        long unit = 1;
        if (flag == Flag.MAX_OLD_SPACE_SIZE) {
            unit = MIB;
        } else {
            char last = text.charAt(text.length() - 1);
            if (!Character.isDigit(last)) {
                digits = text.substring(0, text.length() - 1);
                unit = switch (Character.toLowerCase(last)) {
                    case 'k' -> 1L << 10;
                    case 'm' -> 1L << 20;
                    case 'g' -> 1L << 30;
                    default -> 1L << 40;
                };
            }
        }
        try {
            return Math.multiplyExact(Long.parseLong(digits), unit);
        } catch (ArithmeticException | NumberFormatException e) {
            return -1;
        }
    }

    /** The option as written: {@code -Xmx2g}, {@code --max-old-space-size=4096}. */
    String written() {
        return name + text;
    }

    /** {@code -XX:MaxRAMPercentage}'s value. */
    double percent() {
        return Double.parseDouble(text);
    }

    /** The unit letter as written ({@code g}, {@code M}, ...), or the empty string for bytes. */
    String unit() {
        char last = text.charAt(text.length() - 1);
        return Character.isDigit(last) ? "" : String.valueOf(last);
    }

    /**
     * {@code mib} MiB as a JVM size in the style of {@code like} (a unit letter as written, or ""):
     * whole gibibytes stay in g when the user wrote g (or t), otherwise m; the letter's case follows
     * the user's.
     */
    static String jvmSize(long mib, String like) {
        boolean upper = !like.isEmpty() && Character.isUpperCase(like.charAt(0));
        String lower = like.toLowerCase(java.util.Locale.ROOT);
        if ((lower.equals("g") || lower.equals("t")) && mib % 1024 == 0) {
            return mib / 1024 + (upper ? "G" : "g");
        }
        return mib + (upper ? "M" : "m");
    }

    /** {@code bytes} exactly, in the largest of g, m and k that divides it (bytes when none does), in {@code like}'s case. */
    static String jvmExactSize(long bytes, String like) {
        boolean upper = !like.isEmpty() && Character.isUpperCase(like.charAt(0));
        String[] units = {"g", "m", "k"};
        int[] shifts = {30, 20, 10};
        for (int i = 0; i < units.length; i++) {
            long size = 1L << shifts[i];
            if (bytes % size == 0) {
                return bytes / size + (upper ? units[i].toUpperCase(java.util.Locale.ROOT) : units[i]);
            }
        }
        return Long.toString(bytes);
    }

    /**
     * Of the options of {@code flag} read in the interpolated value, the one written literally in the
     * raw value (as the file has it, before interpolation) that decides, when that one is safe to edit:
     * every option of {@code flag} in the raw value lies outside {@code ${...}} and {@code $NAME}, the
     * raw and interpolated values hold as many of them (no variable adds one), and the last ones agree.
     * Null when the deciding option comes from a variable.
     */
    static HeapOption literal(List<HeapOption> raw, List<HeapOption> interpolated, Flag flag, String rawText) {
        List<HeapOption> r = all(raw, flag);
        List<HeapOption> i = all(interpolated, flag);
        if (r.isEmpty() || r.size() != i.size() || !r.get(r.size() - 1).text().equals(i.get(i.size() - 1).text())) {
            return null;
        }
        List<int[]> refs = VariableReferences.spans(rawText);
        for (HeapOption o : r) {
            if (VariableReferences.overlaps(refs, o.start(), o.end())) {
                return null;
            }
        }
        return r.get(r.size() - 1);
    }

    /** Options by where they start. */
    private static final java.util.Comparator<HeapOption> BY_START = new ByStart();

    private static final class ByStart implements java.util.Comparator<HeapOption> {
        @Override
        public int compare(HeapOption a, HeapOption b) {
            return Integer.compare(a.start(), b.start());
        }
    }
}
