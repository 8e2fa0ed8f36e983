package dev.composefix.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageReferenceTest {

    private static final String DIGEST = "sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

    static Stream<Arguments> references() {
        return Stream.of(
                // text, registry, path, tag, digest
                Arguments.of("postgres", "docker.io", "postgres", null, null),
                Arguments.of("postgres:16-alpine", "docker.io", "postgres", "16-alpine", null),
                Arguments.of("library/postgres", "docker.io", "postgres", null, null),
                Arguments.of("docker.io/library/postgres:15", "docker.io", "postgres", "15", null),
                Arguments.of("docker.io/postgres:15", "docker.io", "postgres", "15", null),
                Arguments.of("index.docker.io/library/redis", "docker.io", "redis", null, null),
                Arguments.of("registry-1.docker.io/bitnami/redis:7", "docker.io", "bitnami/redis", "7", null),
                Arguments.of("postgis/postgis:16-3.4", "docker.io", "postgis/postgis", "16-3.4", null),
                Arguments.of("ghcr.io/someorg/postgres-exporter", "ghcr.io", "someorg/postgres-exporter", null, null),
                Arguments.of("myregistry.example.com:5000/team/api:1.2", "myregistry.example.com:5000", "team/api",
                        "1.2", null),
                Arguments.of("localhost/app", "localhost", "app", null, null),
                Arguments.of("localhost:5000/frappe/erpnext:v15", "localhost:5000", "frappe/erpnext", "v15", null),
                Arguments.of("Registry/app", "registry", "app", null, null),
                Arguments.of("postgres@" + DIGEST, "docker.io", "postgres", null, DIGEST),
                Arguments.of("postgres:17-alpine@" + DIGEST, "docker.io", "postgres", "17-alpine", DIGEST),
                Arguments.of("@" + DIGEST, "docker.io", "", null, DIGEST),
                Arguments.of("", "docker.io", "", null, null),
                Arguments.of("   ", "docker.io", "", null, null),
                Arguments.of(null, "docker.io", "", null, null),
                // interpolation with unknown variables left empty
                Arguments.of("/postgres:16", "", "postgres", "16", null),
                Arguments.of("/library/postgres", "", "postgres", null, null),
                Arguments.of("postgres:", "docker.io", "postgres", "", null),
                Arguments.of(":16", "docker.io", "", "16", null),
                // leftovers the caller did not interpolate
                Arguments.of("${REGISTRY}/postgres:16", "", "postgres", "16", null),
                Arguments.of("${IMAGE_NAME}", "docker.io", "", null, null),
                Arguments.of("${REPO:-ghcr.io/${ORG}}/web:${TAG}", "", "web", "", null),
                Arguments.of("$REGISTRY/redis", "", "redis", null, null),
                Arguments.of("Postgres:16", "docker.io", "postgres", "16", null),
                Arguments.of("localhost:5000", "docker.io", "localhost", "5000", null));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @MethodSource("references")
    void parsesLikeDocker(String text, String registry, String path, String tag, String digest) {
        ImageReference ref = ImageReference.parse(text);
        assertEquals(new ImageReference(registry, path, tag, digest), ref);
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @MethodSource("references")
    void neverThrowsAndAgreesWithItsFlags(String text) {
        ImageReference ref = ImageReference.parse(text);
        assertEquals(ref.path().isEmpty(), ref.isEmpty());
        assertTrue(!(ref.isDockerHub() && ref.registryUnknown()));
    }
}
