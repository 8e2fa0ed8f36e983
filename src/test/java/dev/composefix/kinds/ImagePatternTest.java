package dev.composefix.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImagePatternTest {

    static Stream<Arguments> matches() {
        return Stream.of(
                // pattern, image, matches
                Arguments.of("postgres", "postgres:16", true),
                Arguments.of("postgres", "docker.io/library/postgres", true),
                Arguments.of("postgres", "registry.example.com/postgres", true),
                Arguments.of("postgres", "mirror.gcr.io/library/postgres", true),
                Arguments.of("postgres", "ghcr.io/org/postgres", false),
                Arguments.of("postgres", "postgres-exporter", false),
                Arguments.of("postgis/postgis", "postgis/postgis:16-3.4", true),
                Arguments.of("docker.io/library/postgres", "postgres", true),
                Arguments.of("docker.io/library/postgres", "quay.io/postgres", false),
                Arguments.of("docker.elastic.co/elasticsearch/elasticsearch", "docker.elastic.co/elasticsearch/"
                        + "elasticsearch:8.15.0", true),
                Arguments.of("docker.elastic.co/elasticsearch/elasticsearch", "elasticsearch/elasticsearch", false),
                Arguments.of("docker.elastic.co/elasticsearch/elasticsearch", "/elasticsearch/elasticsearch", true),
                Arguments.of("gcr.io/distroless/java*", "gcr.io/distroless/java21-debian12", true),
                Arguments.of("gcr.io/distroless/java*", "gcr.io/distroless/base", false),
                Arguments.of("**/*-exporter", "postgres-exporter", true),
                Arguments.of("**/*-exporter", "ghcr.io/org/team/redis-exporter", true),
                Arguments.of("**/*-exporter", "ghcr.io/org/exporter", false),
                Arguments.of("bitnami/*sql", "bitnami/postgresql", true),
                Arguments.of("bitnami/*sql", "bitnami/sub/postgresql", false),
                Arguments.of("POSTGRES", "postgres", true),
                Arguments.of("postgres", "", false),
                Arguments.of("postgres", "@sha256:0f1e", false));
    }

    @ParameterizedTest(name = "{0} ~ ''{1}'': {2}")
    @MethodSource("matches")
    void matchesRepositories(String pattern, String image, boolean expected) {
        assertEquals(expected, ImagePattern.parse(pattern).matches(ImageReference.parse(image)));
    }

    @Test
    void rejectsPatternsThatCannotMeanARepository() {
        for (String bad : new String[] {"", " ", "*", "**", "*/*", "**/*", "bitnami/*", "postgres:16",
                "postgres@sha256:00", "ghcr.io//x", "*.io/x", "post gres"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImagePattern.parse(bad),
                    bad);
            assertTrue(!e.getMessage().isBlank());
        }
    }
}
