package dev.composefix.model;

import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One item of a service's {@code volumes}, read the way Compose reads it: the short syntax
 * {@code [SOURCE:]TARGET[:OPTIONS]} (a source starting with {@code .}, {@code /}, {@code ~} or a Windows
 * drive is a host path, any other source a named volume, no source an anonymous volume) or the long
 * syntax ({@code type}, {@code source}, {@code target}, {@code read_only}).
 *
 * @param node the item as written (aliases resolved)
 * @param longSyntax whether the item is a mapping
 * @param type what is mounted; {@link Type#UNKNOWN} when the short syntax's source is a variable
 *     without a value here ({@code ${DATA}}), which may be a path or a name
 * @param source the host path or volume name after interpolation, empty for an anonymous volume or a
 *     tmpfs, null when a variable in it has no value here
 * @param rawSource the source as written, before interpolation (empty when none)
 * @param target the path in the container, null when unknown
 * @param readOnly whether the mount is read-only ({@code :ro}, {@code read_only: true})
 */
public record VolumeMount(YNode node, boolean longSyntax, Type type, String source, String rawSource, String target,
        boolean readOnly) {

    /** What a mount mounts. */
    public enum Type { BIND, VOLUME, TMPFS, NPIPE, CLUSTER, IMAGE, UNKNOWN }

    /** Every item of the service's volumes (items that are neither a string nor a mapping are left out). */
    public static List<VolumeMount> of(Service service) {
        List<VolumeMount> out = new ArrayList<>();
        for (YNode item : service.volumes()) {
            VolumeMount v = parse(service.file(), item);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    /** Reads one item, or null when it is neither a string nor a mapping. */
    public static VolumeMount parse(ComposeFile file, YNode item) {
        YNode node = item.resolve();
        if (node instanceof YMapping m) {
            return longSyntax(file, m);
        }
        if (!(node instanceof YScalar s) || s.isNull()) {
            return null;
        }
        String[] raw = split(s.value().strip());
        String rawSource = raw.length > 1 ? raw[0] : "";
        Interpolated source = file.interpolate(rawSource);
        Interpolated target = file.interpolate(raw.length > 1 ? raw[1] : raw[0]);
        boolean readOnly = false;
        if (raw.length > 2) {
            for (String option : file.interpolate(raw[2]).text().split(",")) {
                readOnly |= option.strip().equals("ro");
            }
        }
        String src = source.text().strip();
        Type type;
        if (!source.known()) {
            // ./${DIR} and ${DIR}/data are paths (a volume name has no slash); ${DIR} alone may be a name
            type = isHostPath(rawSource) || rawSource.indexOf('/') >= 0 ? Type.BIND : Type.UNKNOWN;
            src = null;
        } else {
            type = src.isEmpty() ? Type.VOLUME : isHostPath(src) ? Type.BIND : Type.VOLUME;
        }
        return new VolumeMount(node, false, type, src, rawSource, target.known() ? target.text().strip() : null,
                readOnly);
    }

    /** Where the source is written: the long syntax's {@code source} value, else the item. */
    public YNode sourceNode() {
        return node instanceof YMapping m && m.get("source") != null ? m.get("source").value() : node;
    }

    /** Whether the mount's source is a named volume (not anonymous, not a path). */
    public boolean named() {
        return type == Type.VOLUME && source != null && !source.isEmpty();
    }

    /**
     * Whether Compose reads {@code source} as a host path: it starts with {@code .}, {@code /} or
     * {@code ~}, or a Windows drive ({@code C:\}, {@code C:/}) or UNC prefix.
     */
    public static boolean isHostPath(String source) {
        if (source.isEmpty()) {
            return false;
        }
        char c = source.charAt(0);
        if (c == '.' || c == '/' || c == '~' || c == '\\') {
            return true;
        }
        return source.length() >= 2 && Character.isLetter(c) && source.charAt(1) == ':';
    }

    /**
     * Splits at colons, except those inside a variable ({@code ${DIR:-./data}}) and the one of a
     * Windows drive letter at the start of a part.
     */
    static String[] split(String spec) {
        if (spec.indexOf(':') < 0) {
            return new String[] {spec}; // no colon: one part (most named volumes, anonymous ones)
        }
        // Each part is the text between two splitting colons, taken whole (not copied char by char).
        List<String> parts = new ArrayList<>(3);
        int start = 0;
        int depth = 0;
        int n = spec.length();
        if (spec.indexOf('$') < 0) {
            // No variable: every colon splits but a drive's, found without reading the other characters.
            for (int i = spec.indexOf(':'); i >= 0; i = spec.indexOf(':', i + 1)) {
                if (!driveColon(spec, start, i)) {
                    parts.add(spec.substring(start, i));
                    start = i + 1;
                }
            }
            parts.add(spec.substring(start));
            return parts.toArray(new String[0]);
        }
        for (int i = 0; i < n; i++) {
            char c = spec.charAt(i);
            if (c == '$' && i + 1 < n && (spec.charAt(i + 1) == '$' || spec.charAt(i + 1) == '{')) {
                if (spec.charAt(i + 1) == '{') {
                    depth++;
                }
                i++;
                continue;
            }
            if (depth > 0 && c == '}') {
                depth--;
            } else if (c == ':' && depth == 0 && !driveColon(spec, start, i)) {
                parts.add(spec.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(spec.substring(start));
        return parts.toArray(new String[0]);
    }

    /** Whether the colon at {@code i} is a Windows drive's ({@code C:\} or {@code C:/}) at the start of the part from {@code start}. */
    private static boolean driveColon(String spec, int start, int i) {
        return i - start == 1 && Character.isLetter(spec.charAt(start))
                && i + 1 < spec.length() && (spec.charAt(i + 1) == '\\' || spec.charAt(i + 1) == '/');
    }

    private static VolumeMount longSyntax(ComposeFile file, YMapping m) {
        String typeText = text(file, m, "type");
        Type type = switch (typeText == null ? "" : typeText.toLowerCase(Locale.ROOT)) {
            case "bind" -> Type.BIND;
            case "volume" -> Type.VOLUME;
            case "tmpfs" -> Type.TMPFS;
            case "npipe" -> Type.NPIPE;
            case "cluster" -> Type.CLUSTER;
            case "image" -> Type.IMAGE;
            default -> Type.UNKNOWN;
        };
        String source = text(file, m, "source");
        YNode rawNode = m.value("source");
        String rawSource = rawNode instanceof YScalar s && !s.isNull() ? s.value() : "";
        String target = text(file, m, "target");
        String readOnly = text(file, m, "read_only");
        return new VolumeMount(m, true, type, source, rawSource, target, "true".equalsIgnoreCase(readOnly));
    }

    /** A scalar member after interpolation: empty when absent, null when unknown. */
    private static String text(ComposeFile file, YMapping m, String key) {
        YNode v = m.value(key);
        if (v == null || (v instanceof YScalar s && s.isNull())) {
            return "";
        }
        Interpolated t = file.text(v);
        return t == null || !t.known() ? null : t.text().strip();
    }
}
