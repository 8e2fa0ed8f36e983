package dev.composefix.tuning;

import dev.composefix.kinds.ImageReference;
import dev.composefix.model.Field;
import dev.composefix.model.Interpolated;
import dev.composefix.model.Service;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a service's image says about the server in it: the repository and its major version. */
public record ServerImage(ImageReference reference, int majorVersion) {

    private static final Pattern PG_TAG = Pattern.compile("(?:^|[^a-z])pg(\\d+)");
    private static final Pattern LEADING = Pattern.compile("^(\\d+)(?:[.\\-_]|$)");

    /** The service's image, interpolated with defaults (an unresolved variable counts as empty). */
    public static ServerImage of(Service s) {
        Field<String> image = s.image();
        String text = image.hasValue() ? image.value() : null;
        if (image.state() == Field.State.UNKNOWN && image.node() != null) {
            Interpolated partial = s.file().text(image.node());
            text = partial == null ? null : partial.text();
        }
        ImageReference ref = ImageReference.parse(text);
        return new ServerImage(ref, major(ref.tag()));
    }

    /**
     * The major version a tag names, or 0 when it names none: {@code 16}, {@code 16.2-alpine},
     * {@code 15-3.4} (PostGIS), {@code 16.2.0-debian-12-r8} (Bitnami), {@code latest-pg16} and
     * {@code 2.14.2-pg16} (TimescaleDB), {@code pg16} (pgvector); not {@code latest} or {@code alpine}.
     */
    static int major(String tag) {
        if (tag == null || tag.isEmpty()) {
            return 0;
        }
        Matcher pg = PG_TAG.matcher(tag.toLowerCase(java.util.Locale.ROOT));
        Matcher m = pg.find() ? pg : LEADING.matcher(tag);
        if (m == pg || m.find()) {
            try {
                int v = Integer.parseInt(m.group(1));
                return v >= 1 && v <= 99 ? v : 0;
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    /** Whether the image is Bitnami's (or its legacy copy), whose entrypoint takes settings from variables. */
    public boolean bitnami() {
        String path = reference.path();
        return path.startsWith("bitnami/") || path.startsWith("bitnamilegacy/");
    }
}
