package dev.composefix.tuning;

import dev.composefix.kinds.ServiceKind;
import dev.composefix.model.EnvironmentVariable;
import dev.composefix.model.Service;
import dev.composefix.yaml.YNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Redis-protocol server's options as its start arguments give them ({@code redis-server [config
 * file] --name value...}, an option's values running to the next {@code --}); valkey and KeyDB take
 * the same arguments. The arguments are the {@code command} when it starts the server directly
 * (the server's name, a config file, or options alone, to which the image's entrypoint adds the
 * server), or for Bitnami's images the variable {@code REDIS_EXTRA_FLAGS} ({@code VALKEY_EXTRA_FLAGS}).
 */
public final class RedisServer {

    /** One option: its values (interpolated; null for a variable without a value) and its first value's argument. */
    public record Option(String name, List<String> values, int nameArg, int valueArg) {

        /** The first value, or null. */
        public String value() {
            return values.isEmpty() ? null : values.get(0);
        }
    }

    private final ServiceKind kind;
    private final ServerArgs args;
    private final String flagsVariable;
    private final boolean bitnamiAof;
    private final Map<String, Option> options;

    private RedisServer(ServiceKind kind, ServerArgs args, String flagsVariable, boolean bitnamiAof,
            Map<String, Option> options) {
        this.kind = kind;
        this.args = args;
        this.flagsVariable = flagsVariable;
        this.bitnamiAof = bitnamiAof;
        this.options = options;
    }

    /** The server of a redis, valkey or keydb service, or null when its start arguments cannot be read. */
    public static RedisServer of(Service s, ServiceKind kind) {
        // Kept on the service, for this kind (no other cache is keyed by a kind): three rules ask for it, and
        // reading it splits the arguments as a shell would.
        return s.remembered(kind, Find.INSTANCE);
    }

    /** {@link #find} (a class rather than a method reference, which a start would have to link). */
    private static final class Find implements java.util.function.BiFunction<ServiceKind, Service, RedisServer> {
        static final Find INSTANCE = new Find();

        @Override
        public RedisServer apply(ServiceKind kind, Service s) {
            return find(kind, s);
        }
    }

    private static RedisServer find(ServiceKind kind, Service s) {
        ServerImage image = ServerImage.of(s);
        if (image.bitnami()) {
            String prefix = kind.name().equals("valkey") ? "VALKEY" : "REDIS";
            String variable = prefix + "_EXTRA_FLAGS";
            EnvironmentVariable flags = s.environment().get(variable);
            ServerArgs args = flags == null ? null : PostgresServer.variableArgs(s, flags);
            if (flags != null && args == null) {
                return null;
            }
            EnvironmentVariable aof = s.environment().get(prefix + "_AOF_ENABLED");
            boolean aofOn = aof == null || aof.value() == null || !aof.value().known()
                    || !aof.value().text().strip().equalsIgnoreCase("no");
            return new RedisServer(kind, args, variable, aofOn, args == null ? new LinkedHashMap<>() : read(args, 0));
        }
        if (s.has("entrypoint")) {
            return null;
        }
        YNode command = s.value("command");
        if (command == null) {
            return new RedisServer(kind, null, null, false, new LinkedHashMap<>());
        }
        ServerArgs args = ServerArgs.of(s.file(), command, 0);
        if (args == null || args.args().isEmpty()) {
            return null;
        }
        String first = args.args().get(0).value();
        if (first == null) {
            return null;
        }
        int start;
        if (first.startsWith("-") || first.endsWith(".conf")) {
            start = 0;
        } else if (server(first)) {
            start = 1;
        } else {
            return null;
        }
        return new RedisServer(kind, args, null, false, read(args, start));
    }

    private static boolean server(String word) {
        String name = word.substring(word.lastIndexOf('/') + 1);
        return name.equals("redis-server") || name.equals("valkey-server") || name.equals("keydb-server");
    }

    private static Map<String, Option> read(ServerArgs args, int start) {
        Map<String, Option> out = new LinkedHashMap<>();
        List<ServerArgs.Arg> list = args.args();
        for (int i = start; i < list.size(); i++) {
            String raw = list.get(i).raw();
            if (!raw.startsWith("--") || raw.length() == 2) {
                continue;
            }
            String name = raw.substring(2).toLowerCase(Locale.ROOT);
            int j = i + 1;
            List<String> values = new java.util.ArrayList<>();
            while (j < list.size() && !list.get(j).raw().startsWith("--")) {
                values.add(list.get(j).value());
                j++;
            }
            out.put(name, new Option(name, values, i, i + 1 < list.size() ? i + 1 : -1));
            i = j - 1;
        }
        return out;
    }

    public ServiceKind kind() {
        return kind;
    }

    /** The arguments, or null when there are none yet. */
    public ServerArgs args() {
        return args;
    }

    /** Bitnami's variable the options go in, or null for the command. */
    public String flagsVariable() {
        return flagsVariable;
    }

    public Option option(String name) {
        return options.get(name);
    }

    /** Whether the append-only file is on: {@code --appendonly yes}, or Bitnami's default. */
    public boolean appendOnly() {
        Option o = options.get("appendonly");
        if (o != null && o.value() != null) {
            return o.value().strip().equalsIgnoreCase("yes");
        }
        return bitnamiAof;
    }

    /**
     * Whether the server persists data (and so forks for it): unless {@code --save ""} turns RDB
     * snapshots off without the append-only file on; the official images keep Redis's default
     * snapshots.
     */
    public boolean persistent() {
        if (appendOnly()) {
            return true;
        }
        Option save = options.get("save");
        return save == null || save.values().isEmpty() || !(save.values().size() == 1 && "".equals(save.value()));
    }

    /** The command the image runs when none is given, to which options are appended. */
    public List<String> defaultCommand() {
        return switch (kind.name()) {
            case "valkey" -> List.of("valkey-server");
            case "keydb" -> List.of("keydb-server", "/etc/keydb/keydb.conf"); // the image's CMD
            default -> List.of("redis-server");
        };
    }
}
