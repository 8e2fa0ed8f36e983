package dev.composefix.kinds;

import dev.composefix.kinds.ServiceKind.Band;
import dev.composefix.kinds.ServiceKind.Category;
import dev.composefix.model.ByteSize;
import dev.composefix.model.ComposeDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Assembles a {@link ServiceKind} from field text, as kinds.yaml and the config key {@code kinds} write
 * it, and checks it. Every problem is an {@link IllegalArgumentException} whose message names the kind
 * and the field: {@code kind 'postgres', field 'memory': '12X' is not a positive byte size ...}.
 *
 * <p>Scalar fields ({@link #set}) are {@value #FIELD_LIST}. {@code interval.min} and
 * {@code interval.max} are the two ends of the interval band. A scalar {@code healthcheck} is a
 * {@code CMD-SHELL} script; {@code none} clears {@code start_period}, {@code healthcheck} and
 * {@code healthcheck_source}. Lists go through {@link #images} and {@link #healthcheck}.
 */
public final class KindBuilder {

    static final String FIELD_LIST = "category, description, memory, reservation, floor, cpus, interval.min, "
            + "interval.max, timeout, retries, start_period, detection, healthcheck, healthcheck_source";

    /** Every field a kind has, in kinds.yaml's order ({@code interval} as its two ends). */
    public static final List<String> FIELDS = List.of("category", "description", "images", "memory",
            "reservation", "floor", "cpus", "interval.min", "interval.max", "timeout", "retries", "start_period",
            "detection", "healthcheck", "healthcheck_source");

    /**
     * Whether {@code name} is kebab-case, as {@code [a-z][a-z0-9]*(-[a-z0-9]+)*} matches it: read by hand rather
     * than compiled at every start ({@code KebabNameTest} holds the two to the same answers).
     */
    static boolean kebab(String name) {
        if (name.isEmpty() || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '-') {
                if (i + 1 == name.length() || name.charAt(i + 1) == '-') {
                    return false;
                }
            } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private final String name;
    private Category category;
    private String description;
    private List<String> images;
    private Long memory;
    private Long reservation;
    private Long floor;
    private Double cpus;
    private Duration intervalMin;
    private Duration intervalMax;
    private Duration timeout;
    private Integer retries;
    private Duration startPeriod;
    private Duration detection;
    private List<String> healthcheck;
    private String healthcheckSource;

    /** An empty kind named {@code name}; the name must be kebab-case. */
    public KindBuilder(String name) {
        if (name == null || !kebab(name)) {
            throw problem(name, "name", "'" + name + "' is not a kebab-case name (such as 'postgres' or "
                    + "'jvm-app')");
        }
        this.name = name;
    }

    /** A builder holding every field of {@code kind}, to change some of them. */
    public static KindBuilder from(ServiceKind kind) {
        return copy(kind.name(), kind);
    }

    /** A builder for a new kind named {@code name} whose fields start as {@code base}'s, images none. */
    public static KindBuilder basedOn(String name, ServiceKind base) {
        KindBuilder b = copy(name, base);
        b.images = List.of();
        return b;
    }

    private static KindBuilder copy(String name, ServiceKind k) {
        KindBuilder b = new KindBuilder(name);
        b.category = k.category();
        b.description = k.description();
        b.images = k.images();
        b.memory = k.memory();
        b.reservation = k.reservation();
        b.floor = k.floor();
        b.cpus = k.cpus();
        b.intervalMin = k.interval().min();
        b.intervalMax = k.interval().max();
        b.timeout = k.timeout();
        b.retries = k.retries();
        b.startPeriod = k.startPeriod();
        b.detection = k.detection();
        b.healthcheck = k.healthcheck();
        b.healthcheckSource = k.healthcheckSource();
        return b;
    }

    public String name() {
        return name;
    }

    /** Sets one scalar field from its text. */
    public KindBuilder set(String field, String value) {
        if (value == null) {
            throw problem(field, "no value");
        }
        String v = value.strip();
        switch (field) {
            case "category" -> {
                category = Category.byId(v);
                if (category == null) {
                    throw problem(field, "'" + v + "' is not a category; categories are " + categoryList());
                }
            }
            case "description" -> {
                if (v.isEmpty() || v.indexOf('\n') >= 0) {
                    throw problem(field, "one non-empty line is expected");
                }
                description = v;
            }
            case "memory" -> memory = bytes(field, v);
            case "reservation" -> reservation = bytes(field, v);
            case "floor" -> floor = bytes(field, v);
            case "cpus" -> cpus = cpus(field, v);
            case "interval.min" -> intervalMin = duration(field, v);
            case "interval.max" -> intervalMax = duration(field, v);
            case "timeout" -> timeout = duration(field, v);
            case "retries" -> retries = retries(field, v);
            case "start_period" -> startPeriod = isNone(v) ? null : duration(field, v);
            case "detection" -> detection = duration(field, v);
            case "healthcheck" -> healthcheck(isNone(v) ? List.of("NONE") : List.of("CMD-SHELL", v));
            case "healthcheck_source" -> {
                if (!isNone(v) && v.isEmpty()) {
                    throw problem(field, "empty; write 'none' to drop it");
                }
                healthcheckSource = isNone(v) ? null : v;
            }
            case "images", "interval" -> throw problem(field, "a " + (field.equals("images") ? "list"
                    : "pair of min and max") + " is expected, not a single value");
            default -> throw problem(field, "no such field; fields are images, " + FIELD_LIST);
        }
        return this;
    }

    /** Replaces the image patterns; each must be a valid {@link ImagePattern}. */
    public KindBuilder images(List<String> patterns) {
        List<String> list = new ArrayList<>();
        for (String p : patterns) {
            try {
                ImagePattern.parse(p);
            } catch (IllegalArgumentException e) {
                throw problem("images", e.getMessage());
            }
            list.add(p.strip());
        }
        images = List.copyOf(list);
        return this;
    }

    /**
     * Sets the health-check test in exec form: {@code CMD} and the command's words, or
     * {@code CMD-SHELL} and one script. {@code [NONE]} drops the health check.
     */
    public KindBuilder healthcheck(List<String> test) {
        if (test.size() == 1 && "NONE".equals(test.get(0))) {
            healthcheck = null;
            return this;
        }
        String form = test.isEmpty() ? null : test.get(0);
        if (!"CMD".equals(form) && !"CMD-SHELL".equals(form)) {
            throw problem("healthcheck", "must start with CMD or CMD-SHELL (or be [NONE]), not " + test);
        }
        if (form.equals("CMD-SHELL") && test.size() != 2) {
            throw problem("healthcheck", "CMD-SHELL takes exactly one script, not " + (test.size() - 1) + " words");
        }
        if (test.size() < 2 || blankWord(test.subList(1, test.size()))) {
            throw problem("healthcheck", "has an empty command word in " + test);
        }
        healthcheck = List.copyOf(test);
        return this;
    }

    /** Whether one of {@code words} is missing or blank. */
    private static boolean blankWord(List<String> words) {
        for (String w : words) {
            if (w == null || w.isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** Checks that every required field is set and that the fields agree, and returns the kind. */
    public ServiceKind build() {
        require("category", category);
        require("description", description);
        require("images", images);
        require("memory", memory);
        require("reservation", reservation);
        require("floor", floor);
        require("cpus", cpus);
        require("interval.min", intervalMin);
        require("interval.max", intervalMax);
        require("timeout", timeout);
        require("retries", retries);
        require("detection", detection);
        if (reservation > memory) {
            throw problem("reservation", ByteSize.format(reservation) + " is more than memory "
                    + ByteSize.format(memory));
        }
        if (floor > reservation) {
            throw problem("floor", ByteSize.format(floor) + " is more than reservation "
                    + ByteSize.format(reservation));
        }
        if (intervalMin.compareTo(intervalMax) > 0) {
            throw problem("interval.min", text(intervalMin) + " is more than interval.max " + text(intervalMax));
        }
        if (timeout.compareTo(intervalMin) >= 0) {
            throw problem("timeout", text(timeout) + " is not shorter than interval.min " + text(intervalMin));
        }
        Duration worst = intervalMax.multipliedBy(retries).plus(timeout);
        if (worst.compareTo(detection) > 0) {
            throw problem("detection", text(detection) + " is shorter than interval.max x retries + timeout = "
                    + text(worst));
        }
        if (healthcheckSource != null && healthcheck == null) {
            throw problem("healthcheck_source", "cites a source, but the kind has no health check");
        }
        return new ServiceKind(name, category, description, images, memory, reservation, floor, cpus,
                new Band(intervalMin, intervalMax), timeout, retries, startPeriod, detection, healthcheck,
                healthcheckSource);
    }

    /** The exception for a problem with {@code field} of kind {@code kind}. */
    static IllegalArgumentException problem(String kind, String field, String message) {
        return new IllegalArgumentException("kind '" + kind + "', field '" + field + "': " + message);
    }

    private IllegalArgumentException problem(String field, String message) {
        return problem(name, field, message);
    }

    private void require(String field, Object value) {
        if (value == null) {
            throw problem(field, "missing");
        }
    }

    private long bytes(String field, String v) {
        OptionalLong b = ByteSize.parse(v);
        if (b.isEmpty() || b.getAsLong() <= 0) {
            throw problem(field, "'" + v + "' is not a positive byte size (such as 512M or 1G)");
        }
        return b.getAsLong();
    }

    private double cpus(String field, String v) {
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (!(d > 0) || Double.isInfinite(d)) {
            throw problem(field, "'" + v + "' is not a positive number of CPUs (such as 0.5 or 2)");
        }
        return d;
    }

    private Duration duration(String field, String v) {
        Duration d = ComposeDuration.parse(v).orElse(null);
        if (d == null || d.isNegative() || d.isZero()) {
            throw problem(field, "'" + v + "' is not a positive duration (such as 30s or 1m30s)");
        }
        return d;
    }

    private int retries(String field, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= 100) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw problem(field, "'" + v + "' is not a whole number from 1 to 100");
    }

    private static boolean isNone(String v) {
        return v.equals("none");
    }

    private static String text(Duration d) {
        return ComposeDuration.format(d);
    }

    private static String categoryList() {
        List<String> ids = new ArrayList<>();
        for (Category c : Category.values()) {
            ids.add(c.id());
        }
        return String.join(", ", ids);
    }
}
