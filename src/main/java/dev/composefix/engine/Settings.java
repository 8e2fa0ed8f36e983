package dev.composefix.engine;

import dev.composefix.kinds.KindTable;
import dev.composefix.kinds.ServiceKind;
import dev.composefix.model.Field;
import dev.composefix.model.Interpolated;
import dev.composefix.model.Service;
import dev.composefix.tuning.TuningOptions;

/**
 * What rules know about the world beyond the file: the host budget, the service kinds, for
 * {@code rewrite --into} the file (by name) that every addition goes into, leaving the others alone,
 * and the choices behind tuned PostgreSQL and Redis settings.
 */
public record Settings(Host host, KindTable kinds, String into, TuningOptions tuning) {

    public Settings(Host host, KindTable kinds) {
        this(host, kinds, null, TuningOptions.DEFAULT);
    }

    public static Settings defaults() {
        return new Settings(Host.UNKNOWN, KindTable.builtIn());
    }

    /**
     * The kind of a service, by its image (interpolated; an unresolved variable counts as empty, so
     * {@code ${REGISTRY}/postgres:16} is still postgres) and whether it is built from source.
     */
    public ServiceKind kindOf(Service s) {
        // Kept on the service for this kind table: a dozen rules ask for each service's kind.
        return s.remembered(kinds, Classify.INSTANCE); // one object: nothing made per call
    }

    /** {@link #classify} as the service's memo takes it (a class rather than a lambda, which a start would link). */
    private static final class Classify
            implements java.util.function.BiFunction<KindTable, Service, ServiceKind> {
        static final Classify INSTANCE = new Classify();

        @Override
        public ServiceKind apply(KindTable kinds, Service s) {
            return classify(kinds, s);
        }
    }

    private static ServiceKind classify(KindTable kinds, Service s) {
        Field<String> image = s.image();
        String text = image.hasValue() ? image.value() : null;
        if (image.state() == Field.State.UNKNOWN && image.node() != null) {
            Interpolated partial = s.file().text(image.node());
            text = partial == null ? null : partial.text();
        }
        return kinds.classify(text, s.has("build"));
    }
}
