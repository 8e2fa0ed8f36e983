package dev.composefix.engine;

import dev.composefix.kinds.KindTable;

/** What rules know about the world beyond the file: the host budget and the service kinds. */
public record Settings(Host host, KindTable kinds) {

    public static Settings defaults() {
        return new Settings(Host.UNKNOWN, KindTable.builtIn());
    }
}
