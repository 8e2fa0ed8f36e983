package dev.composefix.model;

import java.util.Map;
import java.util.Optional;

/**
 * Where interpolation looks variables up. Compose's order is the process environment first (unless
 * ignored, for reproducible reports), then the project's env file: {@code env.then(file)}.
 *
 * <p>The lookups below are anonymous classes rather than lambdas, which a start would have to link (an
 * interface can hold no private class).
 */
@FunctionalInterface
public interface Variables {

    Variables NONE = new Variables() {
        @Override
        public Optional<String> get(String name) {
            return Optional.empty();
        }
    };

    Optional<String> get(String name);

    static Variables of(Map<String, String> values) {
        return new Variables() {
            @Override
            public Optional<String> get(String name) {
                return Optional.ofNullable(values.get(name));
            }
        };
    }

    /** This lookup, falling back to {@code next} for names this one does not define. */
    default Variables then(Variables next) {
        Variables first = this;
        return new Variables() {
            @Override
            public Optional<String> get(String name) {
                Optional<String> v = first.get(name);
                return v.isPresent() ? v : next.get(name);
            }
        };
    }
}
