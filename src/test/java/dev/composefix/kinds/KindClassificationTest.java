package dev.composefix.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which kind the built-in table gives an image, including the most common images of the shared corpus. */
class KindClassificationTest {

    private static final String DIGEST = "@sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

    static Stream<Arguments> images() {
        return Stream.of(
                // PostgreSQL and its variants
                image("postgres", "postgres"),
                image("postgres:16-alpine", "postgres"),
                image("docker.io/library/postgres:15", "postgres"),
                image("docker.io/postgres:", "postgres"),
                image("library/postgres", "postgres"),
                image("postgres:17-alpine" + DIGEST, "postgres"),
                image("postgres" + DIGEST, "postgres"),
                image("postgis/postgis:16-3.4", "postgres"),
                image("timescale/timescaledb:latest-pg16", "postgres"),
                image("timescale/timescaledb-ha:pg16", "postgres"),
                image("pgvector/pgvector:pg16", "postgres"),
                image("ankane/pgvector", "postgres"),
                image("bitnami/postgresql:16", "postgres"),
                image("supabase/postgres:15.1.0.147", "postgres"),
                image("cimg/postgres:16.4", "postgres"),
                image("/postgres:16", "postgres"),
                image("${REGISTRY}/postgres:16", "postgres"),
                image("myregistry.example.com/postgres:16", "postgres"),
                image("mirror.gcr.io/library/postgres:16", "postgres"),
                image("Postgres:16", "postgres"),
                // look-alikes that are not PostgreSQL
                image("ghcr.io/someorg/postgres-exporter", "telemetry-agent"),
                image("prometheuscommunity/postgres-exporter:v0.15.0", "telemetry-agent"),
                image("quay.io/prometheus/node_exporter", "telemetry-agent"),
                image("ghcr.io/someorg/postgres", "generic"),
                image("appwrite/postgres", "generic"),
                image("dpage/pgadmin4", "generic"),
                image("edoburu/pgbouncer", "generic"),
                // other databases
                image("mysql:8.4", "mysql"),
                image("mysql/mysql-server:8.0", "mysql"),
                image("mariadb:11", "mariadb"),
                image("docker.io/library/mariadb:11.4", "mariadb"),
                image("mongo:7", "mongo"),
                image("mongo-express", "generic"),
                image("mcr.microsoft.com/mssql/server:2022-latest", "mssql"),
                image("clickhouse/clickhouse-server:24.8", "clickhouse"),
                image("docker.io/clickhouse/clickhouse-server", "clickhouse"),
                image("yandex/clickhouse-server:21.3", "clickhouse"),
                image("clickhouse/clickhouse-keeper:24.8", "zookeeper"),
                image("cassandra:5", "cassandra"),
                image("minio/minio:RELEASE.2024-11-07T00-52-20Z" + DIGEST, "minio"),
                image("quay.io/minio/minio", "minio"),
                image("minio/mc", "generic"),
                // caches
                image("redis:7", "redis"),
                image("docker.io/library/redis:7.4", "redis"),
                image("redis/redis-stack-server", "redis"),
                image("redis/redis-stack:latest", "redis"),
                image("docker.io/bitnamilegacy/redis-cluster:7.2", "redis"),
                image("redis/redisinsight", "generic"),
                image("valkey/valkey:8", "valkey"),
                image("docker.io/valkey/valkey:8.1-alpine", "valkey"),
                image("eqalpha/keydb", "keydb"),
                image("memcached:1.6-alpine", "memcached"),
                // search
                image("docker.elastic.co/elasticsearch/elasticsearch:8.15.0", "elasticsearch"),
                image("elasticsearch:8.15.0", "elasticsearch"),
                image("opensearchproject/opensearch:2", "opensearch"),
                image("wazuh/wazuh-indexer:4.9.0", "opensearch"),
                image("docker.elastic.co/kibana/kibana:8.15.0", "kibana"),
                image("kibana:7.17.0", "kibana"),
                // queues
                image("rabbitmq:3-management", "rabbitmq"),
                image("bitnami/kafka:3.7", "kafka"),
                image("confluentinc/cp-kafka:7.6.0", "kafka"),
                image("confluentinc/cp-server:7.6.0", "kafka"),
                image("apache/kafka:3.8.0", "kafka"),
                image("confluentinc/cp-zookeeper:7.6.0", "zookeeper"),
                image("zookeeper:3.9", "zookeeper"),
                image("confluentinc/cp-schema-registry:7.6.0", "jvm-app"),
                image("docker.redpanda.com/redpandadata/redpanda:v24.2.4", "redpanda"),
                image("nats:2.10", "nats"),
                // proxies
                image("nginx:1.27", "nginx"),
                image("nginx:1.27-alpine-slim", "nginx"),
                image("docker.io/nginx", "nginx"),
                image("nginxproxy/nginx-proxy", "nginx"),
                image("nginxproxy/acme-companion", "generic"),
                image("traefik:v3", "traefik"),
                image("traefik/whoami", "generic"),
                image("caddy:2", "caddy"),
                image("haproxy:3.0", "haproxy"),
                // monitoring
                image("grafana/grafana", "grafana"),
                image("grafana/grafana:13.1.3" + DIGEST, "grafana"),
                image("grafana/loki:3.0.0", "telemetry-store"),
                image("grafana/tempo", "telemetry-store"),
                image("jaegertracing/all-in-one:1.60", "telemetry-store"),
                image("grafana/alloy:v1.18.1" + DIGEST, "telemetry-agent"),
                image("prom/prometheus", "prometheus"),
                image("prom/node-exporter", "telemetry-agent"),
                image("prom/alertmanager", "telemetry-agent"),
                image("otel/opentelemetry-collector-contrib", "telemetry-agent"),
                image("gcr.io/cadvisor/cadvisor:v0.49.1", "telemetry-agent"),
                // workflow
                image("n8nio/n8n", "n8n"),
                image("docker.n8n.io/n8nio/n8n:1.70.0", "n8n"),
                image("n8nio/runners", "generic"),
                image("temporalio/auto-setup:1.25", "temporal"),
                image("temporalio/ui", "generic"),
                // apps by runtime
                image("node:22-alpine", "node-app"),
                image("python:3.12-slim", "python-app"),
                image("eclipse-temurin:21-jre", "jvm-app"),
                image("openjdk:17", "jvm-app"),
                image("amazoncorretto:21", "jvm-app"),
                image("gcr.io/distroless/java21-debian12", "jvm-app"),
                image("quay.io/keycloak/keycloak:25.0", "jvm-app"),
                image("golang:1.23", "go-app"),
                image("wordpress:6", "php-app"),
                image("nextcloud:29-apache", "php-app"),
                image("alpine:3.20", "base-os"),
                image("busybox", "base-os"),
                image("ubuntu:24.04", "base-os"),
                image("ubuntu/kafka", "kafka"),
                // private registries, local images, nothing usable
                image("myregistry.example.com:5000/team/api:1.2", "generic"),
                image("localhost/app", "generic"),
                image("localhost:5000/frappe/erpnext", "generic"),
                image("ghcr.io/paperless-ngx/paperless-ngx", "generic"),
                image(DIGEST, "generic"),
                image("", "generic"),
                image("   ", "generic"),
                image("${IMAGE_NAME}", "generic"),
                image(null, "generic"),
                // built from source
                built(null, "built-app"),
                built("", "built-app"),
                built("myregistry.example.com:5000/team/api:1.2", "built-app"),
                built("localhost/app", "built-app"),
                built(DIGEST, "built-app"),
                built("redis:7", "redis"),
                built("node:22-alpine", "node-app"));
    }

    private static Arguments image(String image, String kind) {
        return Arguments.of(image, false, kind);
    }

    private static Arguments built(String image, String kind) {
        return Arguments.of(image, true, kind);
    }

    @ParameterizedTest(name = "{0} (build: {1}) is {2}")
    @MethodSource("images")
    void classifies(String image, boolean hasBuild, String kind) {
        assertEquals(kind, KindTable.builtIn().classify(image, hasBuild).name());
    }
}
