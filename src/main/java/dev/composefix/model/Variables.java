package dev.composefix.model;

import java.util.Map;
import java.util.Optional;

/**
 * Where interpolation looks variables up. Compose's order is the process environment first (unless
 * ignored, for reproducible reports), then the project's env file: {@code env.then(file)}.
 */
@FunctionalInterface
public interface Variables {

    Variables NONE = name -> Optional.empty();

    Optional<String> get(String name);

    static Variables of(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }

    /** This lookup, falling back to {@code next} for names this one does not define. */
    default Variables then(Variables next) {
        return name -> {
            Optional<String> v = get(name);
            return v.isPresent() ? v : next.get(name);
        };
    }
}
