package org.snakeyaml.engine.v2.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import org.snakeyaml.engine.v2.common.SpecVersion;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * composefix's own code (not SnakeYAML Engine's), in SnakeYAML Engine's package to reach the constructor of
 * {@link LoadSettings} that its builder calls. composefix drives the parser and scanner alone, which read
 * of the settings only the label, version check, buffer size, marks, comments and code-point limit (the
 * constructors and schema are the composer's, which composefix does not use). A builder, by contrast,
 * links four lambdas and builds a JSON schema whose resolver compiles regular expressions: about a tenth
 * of what a one-file lint spends after the JVM starts, for settings the parser never reads.
 * {@link #of} returns null when this version of SnakeYAML Engine has no such constructor; the caller
 * then uses the builder. {@code ParserSettingsTest} holds the two to the same settings.
 */
public final class ParserSettings {

    private ParserSettings() {
    }

    /**
     * Settings for parsing with comments and marks, duplicate keys allowed, a buffer of {@code bufferSize}
     * code points and at most {@code codePointLimit} of them; null when the constructor is not there.
     */
    public static LoadSettings of(int bufferSize, int codePointLimit) {
        if (missing) {
            return null;
        }
        try {
            return new LoadSettings("reader", Map.of(), NoCollections.LIST, NoCollections.SET, NoCollections.MAP,
                    VersionOneOnly.INSTANCE, bufferSize, true, false, 50, true, Map.of(), Optional.empty(), true,
                    codePointLimit, NoSchema.INSTANCE, false);
        } catch (LinkageError e) {
            missing = true; // another SnakeYAML Engine version: the builder makes them from now on
            return null;
        }
    }

    /** Whether the constructor was found missing (then it is not looked for again). */
    private static volatile boolean missing;

    /** YAML 1.x only, as the builder's default: a %YAML 2.0 directive is refused. */
    static final class VersionOneOnly implements UnaryOperator<SpecVersion> {
        static final VersionOneOnly INSTANCE = new VersionOneOnly();

        @Override
        public SpecVersion apply(SpecVersion version) {
            if (version.getMajor() != 1) {
                throw new YamlVersionException(version);
            }
            return version;
        }
    }

    /**
     * The composer's collection factories, which the parser never calls (a composer using these settings
     * would be told so). One class for the three kinds, rather than three lambdas.
     */
    static final class NoCollections<T> implements IntFunction<T> {
        static final NoCollections<List<Object>> LIST = new NoCollections<>();
        static final NoCollections<Set<Object>> SET = new NoCollections<>();
        static final NoCollections<Map<Object, Object>> MAP = new NoCollections<>();

        @Override
        public T apply(int size) {
            throw new UnsupportedOperationException("composefix's parser settings make no collections");
        }
    }

    /** The schema, which only a composer or constructor reads: none here. */
    static final class NoSchema implements Schema {
        static final NoSchema INSTANCE = new NoSchema();

        @Override
        public ScalarResolver getScalarResolver() {
            throw new UnsupportedOperationException("composefix's parser settings have no schema");
        }

        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
            return Map.of();
        }
    }
}
