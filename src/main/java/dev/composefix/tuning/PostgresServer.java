package dev.composefix.tuning;

import dev.composefix.model.EnvironmentVariable;
import dev.composefix.model.Service;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YSequence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A PostgreSQL service's settings as its start arguments give them: {@code -c name=value},
 * {@code -cname=value}, {@code --name=value} (names case-insensitive, {@code -} read as {@code _},
 * as the server reads them), and the short options {@code -B} (shared_buffers in 8kB blocks),
 * {@code -N} (max_connections) and {@code -S} (work_mem in kB). The arguments are the
 * {@code command} when it starts the server directly ({@code postgres ...}, or flags alone, to
 * which the image's entrypoint adds {@code postgres}), or for Bitnami's image the variable
 * {@code POSTGRESQL_EXTRA_FLAGS}, with max_connections also from {@code POSTGRESQL_MAX_CONNECTIONS}.
 */
public final class PostgresServer {

    /** The variable Bitnami's entrypoint appends to the server's arguments. */
    public static final String BITNAMI_FLAGS = "POSTGRESQL_EXTRA_FLAGS";
    static final String BITNAMI_CONNECTIONS = "POSTGRESQL_MAX_CONNECTIONS";

    /**
     * One setting: its value as written (interpolated; null when a variable has no value), and
     * where: argument {@code arg}, chars {@code from..to} of it hold the value. {@code arg} is -1
     * for a value from a variable of its own (Bitnami's max connections).
     */
    public record Setting(String name, String value, int arg, int from, int to) {
    }

    private final ServerArgs args;
    private final boolean bitnami;
    private final ServerImage image;
    private final Map<String, Setting> settings;

    private PostgresServer(ServerArgs args, boolean bitnami, ServerImage image, Map<String, Setting> settings) {
        this.args = args;
        this.bitnami = bitnami;
        this.image = image;
        this.settings = settings;
    }

    /**
     * The server of a service of the postgres kind, or null when its start arguments cannot be read
     * (a command that runs something else first, such as a shell or a script; an entrypoint of its
     * own; a command composefix cannot split into words).
     */
    public static PostgresServer of(Service s) {
        // Kept on the service: four rules ask for it, and reading it splits the arguments as a shell would.
        return s.remembered(PostgresServer.class, Find.INSTANCE);
    }

    /** {@link #find} (a class rather than a method reference, which a start would have to link). */
    private static final class Find implements java.util.function.BiFunction<Object, Service, PostgresServer> {
        static final Find INSTANCE = new Find();

        @Override
        public PostgresServer apply(Object key, Service s) {
            return find(key, s);
        }
    }

    private static PostgresServer find(Object key, Service s) {
        ServerImage image = ServerImage.of(s);
        if (image.bitnami()) {
            EnvironmentVariable flags = s.environment().get(BITNAMI_FLAGS);
            ServerArgs args = flags == null ? null : variableArgs(s, flags);
            if (flags != null && args == null) {
                return null;
            }
            Map<String, Setting> settings = args == null ? new LinkedHashMap<>() : read(args);
            EnvironmentVariable connections = s.environment().get(BITNAMI_CONNECTIONS);
            if (connections != null && connections.value() != null && !settings.containsKey("max_connections")) {
                settings.put("max_connections", new Setting("max_connections",
                        connections.value().known() ? connections.value().text() : null, -1, 0, 0));
            }
            return new PostgresServer(args, true, image, settings);
        }
        if (s.has("entrypoint")) {
            return null;
        }
        YNode command = s.value("command");
        if (command == null) {
            return new PostgresServer(null, false, image, new LinkedHashMap<>());
        }
        ServerArgs args = ServerArgs.of(s.file(), command, 0);
        if (args == null || args.args().isEmpty()) {
            return null;
        }
        String first = args.args().get(0).value();
        if (first == null || !(first.equals("postgres") || first.endsWith("/postgres") || first.startsWith("-"))) {
            return null;
        }
        return new PostgresServer(args, false, image, read(args));
    }

    /** The arguments in an environment variable's value, map or list form. */
    static ServerArgs variableArgs(Service s, EnvironmentVariable v) {
        boolean listForm = s.value("environment") instanceof YSequence;
        return ServerArgs.of(s.file(), v.node(), listForm ? v.name().length() + 1 : 0);
    }

    private static Map<String, Setting> read(ServerArgs args) {
        Map<String, Setting> out = new LinkedHashMap<>();
        List<ServerArgs.Arg> list = args.args();
        for (int i = 0; i < list.size(); i++) {
            String a = list.get(i).raw();
            if ((a.equals("-c") || a.equals("-B") || a.equals("-N") || a.equals("-S")) && i + 1 < list.size()) {
                ServerArgs.Arg next = list.get(i + 1);
                if (a.equals("-c")) {
                    put(out, next, i + 1, 0);
                } else {
                    String name = a.equals("-B") ? "shared_buffers" : a.equals("-N") ? "max_connections" : "work_mem";
                    out.put(name, new Setting(name, next.value(), i + 1, 0, next.raw().length()));
                }
                i++;
            } else if (a.startsWith("-c") && a.length() > 2) {
                put(out, list.get(i), i, 2);
            } else if (a.startsWith("--") && a.indexOf('=') > 2) {
                put(out, list.get(i), i, 2);
            }
        }
        return out;
    }

    private static void put(Map<String, Setting> out, ServerArgs.Arg arg, int index, int nameStart) {
        String raw = arg.raw();
        int eq = raw.indexOf('=', nameStart);
        if (eq <= nameStart) {
            return;
        }
        String name = raw.substring(nameStart, eq).strip().toLowerCase(Locale.ROOT).replace('-', '_');
        String value = arg.value() == null ? null : valueAfterName(arg.value());
        out.put(name, new Setting(name, value, index, eq + 1, raw.length()));
    }

    private static String valueAfterName(String interpolated) {
        int eq = interpolated.indexOf('=');
        return eq < 0 ? null : interpolated.substring(eq + 1);
    }

    /** The settings by (lower-case) name, in argument order. */
    public Map<String, Setting> settings() {
        return settings;
    }

    public Setting setting(String name) {
        return settings.get(name);
    }

    /** The arguments, or null when there are none yet (no command, or no Bitnami flags variable). */
    public ServerArgs args() {
        return args;
    }

    public boolean bitnami() {
        return bitnami;
    }

    public ServerImage image() {
        return image;
    }

    /** A setting's value in bytes, when given and readable. */
    public long bytes(String name, PgSize.Base base) {
        Setting s = settings.get(name);
        return s == null || s.value() == null ? -1 : PgSize.parse(s.value(), base).orElse(-1);
    }

    /** max_connections when given and a number, else 0. */
    public int connections() {
        Setting s = settings.get("max_connections");
        if (s == null || s.value() == null) {
            return 0;
        }
        try {
            int n = Integer.parseInt(s.value().strip());
            return n > 0 ? n : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
