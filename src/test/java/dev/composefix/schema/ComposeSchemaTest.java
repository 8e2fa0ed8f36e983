package dev.composefix.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.composefix.yaml.YamlDocument;
import dev.composefix.yaml.YamlException;
import dev.composefix.yaml.YamlLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our compose schema on its own (no shared data needed): it is a well-formed 2020-12 schema, it
 * covers the specification's keys, and its errors land where the CF501 rule needs them: an unknown
 * key is an additionalProperties error naming the key at the mapping that holds it, also inside the
 * long forms of keys that have a short form; a wrong value is reported at the value.
 */
class ComposeSchemaTest {

    /** The errors of our schema for a compose file, as "keyword location [property]". */
    static List<String> errors(String yaml) {
        List<String> out = new ArrayList<>();
        for (Error e : ComposeSchemas.errors(ComposeSchemas.ours(), instance(yaml))) {
            out.add(e.getKeyword() + " " + e.getInstanceLocation() + (e.getProperty() == null ? "" : " "
                    + e.getProperty()));
        }
        out.sort(null);
        return out;
    }

    private static JsonNode instance(String yaml) {
        try {
            return JsonTree.of(new YamlLoader().load(yaml).root());
        } catch (YamlException e) {
            throw new AssertionError("test YAML does not parse: " + e.getMessage(), e);
        }
    }

    static Stream<Arguments> misplacedThings() {
        return Stream.of(
                Arguments.of("services:\n  web:\n    image: nginx\n    healtcheck:\n      test: [CMD, \"true\"]\n",
                        List.of("additionalProperties /services/web healtcheck")),
                Arguments.of("netwroks: {}\nservices: {}\n", List.of("additionalProperties  netwroks")),
                Arguments.of("services:\n  web:\n    deploy:\n      resources:\n        limits: {memroy: 1G}\n",
                        List.of("additionalProperties /services/web/deploy/resources/limits memroy")),
                Arguments.of("services:\n  web:\n    deploy:\n      restart_policy:\n        max_attempt: 3\n",
                        List.of("additionalProperties /services/web/deploy/restart_policy max_attempt")),
                Arguments.of("services:\n  web:\n    build:\n      context: .\n      dockerfil: Dockerfile\n",
                        List.of("additionalProperties /services/web/build dockerfil")),
                Arguments.of("services:\n  web:\n    healthcheck:\n      test: [CMD, \"true\"]\n      intervall: 10s\n",
                        List.of("additionalProperties /services/web/healthcheck intervall")),
                Arguments.of("services:\n  web:\n    healthcheck:\n      interval: 10\n",
                        List.of("type /services/web/healthcheck/interval")),
                Arguments.of("services:\n  web:\n    depends_on:\n      db:\n        conditon: service_healthy\n",
                        List.of("additionalProperties /services/web/depends_on/db conditon",
                                "required /services/web/depends_on/db condition")),
                Arguments.of("services:\n  web:\n    depends_on:\n      db:\n        condition: service_heathy\n",
                        List.of("enum /services/web/depends_on/db/condition")),
                Arguments.of("services:\n  web:\n    depends_on: [db, db]\n",
                        List.of("uniqueItems /services/web/depends_on")),
                Arguments.of("services:\n  web:\n    ports:\n      - target: 80\n        publised: 8080\n",
                        List.of("additionalProperties /services/web/ports/0 publised")),
                Arguments.of("services:\n  web:\n    volumes:\n      - source: data\n        target: /data\n",
                        List.of("required /services/web/volumes/0 type")),
                Arguments.of("services:\n  web:\n    volumes:\n      - type: bind\n        source: .\n"
                        + "        target: /src\n        bind:\n          selinux: x\n",
                        List.of("enum /services/web/volumes/0/bind/selinux")),
                Arguments.of("services:\n  web:\n    environment:\n      FOO: {a: 1}\n",
                        List.of("type /services/web/environment/FOO")),
                Arguments.of("services:\n  web:\n    networks:\n      front:\n        ipv4_adress: 10.0.0.2\n",
                        List.of("additionalProperties /services/web/networks/front ipv4_adress")),
                Arguments.of("services:\n  web:\n    develop:\n      watch:\n        - {path: ./src, action: synch}\n",
                        List.of("enum /services/web/develop/watch/0/action")),
                Arguments.of("services:\n  web:\n    ulimits:\n      nofile:\n        soft: 1024\n",
                        List.of("required /services/web/ulimits/nofile hard")),
                Arguments.of("services:\n  web:\n    gpus: some\n", List.of("enum /services/web/gpus")),
                Arguments.of("services:\n  web:\n    cpu_percent: 101\n", List.of("maximum /services/web/cpu_percent")),
                Arguments.of("services:\n  web:\n    pull_policy: sometimes\n",
                        List.of("pattern /services/web/pull_policy")),
                Arguments.of("services:\n  web:\n    post_start:\n      - user: root\n",
                        List.of("required /services/web/post_start/0 command")),
                Arguments.of("services:\n  web:\n    extends:\n      file: base.yaml\n",
                        List.of("required /services/web/extends service")),
                Arguments.of("services:\n  'my web':\n    image: nginx\n",
                        List.of("additionalProperties /services my web")),
                Arguments.of("networks:\n  front:\n    drvier: overlay\n",
                        List.of("additionalProperties /networks/front drvier")),
                Arguments.of("volumes:\n  data:\n    external:\n      nam: data\n",
                        List.of("additionalProperties /volumes/data/external nam")),
                Arguments.of("models:\n  llm:\n    context_size: 4096\n", List.of("required /models/llm model")),
                Arguments.of("include:\n  - path: a.yaml\n    env: .env\n",
                        List.of("additionalProperties /include/0 env")));
    }

    @ParameterizedTest
    @MethodSource("misplacedThings")
    void errorsLandWhereTheyShould(String yaml, List<String> expected) {
        assertEquals(expected, errors(yaml), yaml);
    }

    static Stream<Arguments> misspelledKeys() {
        return Stream.of(
                Arguments.of("services:\n  web:\n    image: nginx\n    healtcheck:\n      test: [CMD, \"true\"]\n",
                        "4:5", "unknown key 'healtcheck' in services.web (did you mean 'healthcheck'?)"),
                Arguments.of("netwroks: {}\n", "1:1", "unknown key 'netwroks' (did you mean 'networks'?)"),
                Arguments.of("services:\n  web:\n    build:\n      context: .\n      dockerfil: Dockerfile\n",
                        "5:7", "unknown key 'dockerfil' in services.web.build (did you mean 'dockerfile'?)"),
                Arguments.of("services:\n  web:\n    deploy:\n      resources:\n        limits: {memroy: 1G}\n",
                        "5:18", "unknown key 'memroy' in services.web.deploy.resources.limits"
                                + " (did you mean 'memory'?)"),
                Arguments.of("services:\n  web:\n    ports:\n      - target: 80\n        publised: 8080\n",
                        "5:9", "unknown key 'publised' in services.web.ports[0] (did you mean 'published'?)"));
    }

    /**
     * The CF501 rule reports through {@link SchemaCheck}, which suggests the key meant from the
     * {@code properties} beside the failing {@code additionalProperties}: so every closed object of the
     * schema keeps the two side by side, also in the long forms of keys that have a short form.
     */
    @ParameterizedTest
    @MethodSource("misspelledKeys")
    void theSchemaCheckPointsAtAMisspelledKeyAndNamesTheOneMeant(String yaml, String position, String message) {
        YamlDocument doc;
        try {
            doc = new YamlLoader().load(yaml);
        } catch (YamlException e) {
            throw new AssertionError(e);
        }
        List<SchemaProblem> problems = SchemaCheck.resource(ComposeSchemas.OURS).check(doc.root());
        assertEquals(1, problems.size(), problems::toString);
        assertEquals(message, problems.get(0).message());
        assertEquals(position, problems.get(0).span().start().toString());
    }

    @Test
    void extensionsAreAllowedWhereTheSpecificationsSchemaAllowsThem() {
        String yaml = """
                x-common: &common {restart: always}
                services:
                  web:
                    <<: *common
                    x-owner: team-a
                    image: nginx
                    build: {context: ., x-cache: true}
                    deploy:
                      x-aws: 1
                      resources:
                        x-note: n
                        limits: {memory: 512M, x-note: n}
                        reservations: {memory: 256M, x-note: n, devices: [{capabilities: [gpu], x-note: n}]}
                      restart_policy: {condition: on-failure, x-note: n}
                      placement: {x-aws-role: r, preferences: [{spread: node.id, x-note: n}]}
                      update_config: {order: start-first, x-note: n}
                      rollback_config: {order: stop-first, x-note: n}
                    develop: {x-note: n, watch: [{path: ., action: sync, x-note: n}]}
                    healthcheck: {test: [CMD, \"true\"], x-note: n}
                    logging: {driver: local, x-note: n}
                    credential_spec: {file: spec.json, x-note: n}
                    depends_on: {db: {condition: service_started, x-note: n}}
                    networks: {front: {aliases: [w], x-note: n}}
                    ports: [{target: 80, x-note: n}]
                    volumes: [{type: bind, source: ., target: /src, x-note: n, bind: {x-note: n}}]
                    secrets: [{source: s, x-note: n}]
                    devices: [{source: /dev/fuse, x-note: n}]
                    ulimits: {nofile: {soft: 1, hard: 2, x-note: n}}
                    post_start: [{command: "true", x-note: n}]
                    pre_start: [{image: busybox, x-note: n}]
                    provider: {type: cloud, x-note: n}
                    models: {llm: {x-note: n}}
                  db: {image: postgres}
                networks:
                  front:
                    x-note: n
                    external: {x-note: n}
                    ipam: {x-note: n, config: [{subnet: 10.0.0.0/24, x-note: n}]}
                volumes:
                  data: {x-note: n}
                secrets:
                  s: {file: s.txt, x-note: n}
                configs:
                  c: {file: c.txt, x-note: n}
                models:
                  llm: {model: ai/smollm2, x-note: n}
                """;
        assertEquals(List.of(), errors(yaml));
    }

    /**
     * The specification's prose allows x- keys "within any structure where user-defined keys are not
     * expected", but its schema closes these objects without them, and docker compose validates with
     * the schema: such a key fails there, so it is an error here too.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "services:\n  web:\n    extends: {service: base, x-note: n}\n",
        "include:\n  - {path: a.yaml, x-note: n}\n",
        "services:\n  web:\n    env_file: [{path: .env, x-note: n}]\n",
        "services:\n  web:\n    blkio_config: {weight: 10, x-note: n}\n",
        "services:\n  web:\n    blkio_config: {device_read_bps: [{path: /dev/sda, rate: 1mb, x-note: n}]}\n"})
    void extensionsAreRejectedWhereTheSpecificationsSchemaClosesTheObject(String yaml) {
        List<String> errors = errors(yaml);
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).startsWith("additionalProperties ") && errors.get(0).endsWith(" x-note"),
                errors::toString);
    }

    @Test
    void valuesInterpolationMaySupplyAreAcceptedAsStrings() {
        String yaml = """
                services:
                  web:
                    cpus: "0.5"
                    cpu_count: "2"
                    cpu_percent: "50"
                    cpu_shares: "512"
                    mem_limit: "512m"
                    mem_reservation: "256m"
                    memswap_limit: "1g"
                    mem_swappiness: "60"
                    oom_score_adj: "-500"
                    pids_limit: "100"
                    shm_size: "64m"
                    scale: "2"
                    privileged: "true"
                    read_only: "false"
                    init: "true"
                    tty: "true"
                    stdin_open: "true"
                    attach: "false"
                    oom_kill_disable: "true"
                    healthcheck: {retries: "3", disable: "false"}
                    deploy:
                      replicas: "2"
                      resources: {limits: {cpus: "1", pids: "50"}}
                      restart_policy: {max_attempts: "3"}
                      update_config: {parallelism: "2", max_failure_ratio: "0.1"}
                      placement: {max_replicas_per_node: "1"}
                    ports: [{target: "80", published: "8080"}]
                    ulimits: {nofile: "1024", nproc: {soft: "1", hard: "2"}}
                    blkio_config: {weight: "300"}
                    build: {shm_size: "64m", no_cache: "true", privileged: "true", pull: "true"}
                    depends_on: {db: {condition: service_started, restart: "true"}}
                    volumes: [{type: tmpfs, target: /t, read_only: "true", tmpfs: {size: "64m", mode: "1777"}}]
                    env_file: [{path: .env, required: "false"}]
                  db: {image: postgres}
                networks:
                  front: {internal: "true", attachable: "true", enable_ipv6: "false"}
                """;
        assertEquals(List.of(), errors(yaml));
    }

    /** Where the specification's schema does not accept a string, neither do we (docker compose would fail). */
    @ParameterizedTest
    @ValueSource(strings = {
        "services:\n  web:\n    use_api_socket: 'true'\n",
        "services:\n  web:\n    depends_on: {db: {condition: service_started, required: 'true'}}\n",
        "services:\n  web:\n    networks: {front: {priority: '1'}}\n",
        "services:\n  web:\n    develop: {watch: [{path: ., action: sync, initial_sync: 'true'}]}\n",
        "models:\n  llm: {model: ai/smollm2, context_size: '4096'}\n",
        "services:\n  web:\n    deploy: {resources: {limits: {memory: 512}}}\n"})
    void valuesThatMustNotBeStringsOrNumbers(String yaml) {
        List<String> errors = errors(yaml);
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).startsWith("type "), errors::toString);
    }

    @Test
    void shortAndLongFormsAreBothAccepted() {
        String yaml = """
                include: [other.yaml, {path: [a.yaml, b.yaml], env_file: a.env, project_directory: .}]
                services:
                  a:
                    build: .
                    extends: base
                    env_file: .env
                    label_file: labels
                    depends_on: [b]
                    networks: [front]
                    ports: [80, "8080:80", "127.0.0.1:5000-5010:5000-5010/udp"]
                    volumes: ["data:/data:ro", "./src:/src"]
                    secrets: [s]
                    configs: [c]
                    devices: ["/dev/fuse:/dev/fuse:rwm"]
                    extra_hosts: ["host.docker.internal:host-gateway", "db=10.0.0.2"]
                    environment: [A=1, B]
                    labels: [a=b]
                    command: npm start
                    entrypoint: [/bin/sh, -c]
                    dns: 8.8.8.8
                    tmpfs: /run
                    gpus: all
                    ulimits: {nofile: 1024}
                    models: [llm]
                    healthcheck: {test: curl -f http://localhost}
                  b:
                    build: {context: ., dockerfile_inline: "FROM busybox", args: {A: 1}, ssh: [default], secrets: [s]}
                    extends: {service: base, file: base.yaml}
                    env_file: [.env, {path: .env.local, required: false, format: raw}]
                    label_file: [labels, more-labels]
                    depends_on: {c: {condition: service_healthy, restart: true, required: false}}
                    networks: {front: {aliases: [b2], ipv4_address: 10.0.0.3, priority: 10, gw_priority: 1}, back: null}
                    ports:
                      - {target: 80, published: "8080", host_ip: 127.0.0.1, protocol: tcp, mode: host, name: web,
                         app_protocol: http}
                    volumes: [{type: volume, source: data, target: /data, volume: {nocopy: true, subpath: sub}}]
                    secrets: [{source: s, target: /run/s, uid: "1000", gid: "1000", mode: 0440}]
                    devices: [{source: /dev/fuse, target: /dev/fuse, permissions: rwm}]
                    extra_hosts: {db: 10.0.0.2, multi: [10.0.0.3, "::1"]}
                    environment: {A: 1, B: null, C: true}
                    command: [npm, start]
                    gpus: [{driver: nvidia, count: all, capabilities: [gpu]}]
                    ulimits: {nofile: {soft: 1024, hard: 2048}}
                    models: {llm: {endpoint_var: LLM_URL, model_var: LLM_MODEL}}
                    healthcheck: {test: [CMD-SHELL, curl -f http://localhost], interval: 30s, start_interval: 5s}
                  c: {image: redis, command: null}
                networks: {front: null, back: {external: true}}
                volumes: {data: null}
                secrets: {s: {environment: S}}
                configs: {c: {content: "x"}}
                models: {llm: {model: ai/smollm2}}
                """;
        assertEquals(List.of(), errors(yaml));
    }

    /** Every service key of the Compose Specification (05-services.md, plus pull_refresh_after of its schema). */
    @Test
    void everyServiceKeyOfTheSpecificationIsKnown() {
        Set<String> expected = new TreeSet<>(List.of("annotations", "attach", "blkio_config", "build", "cap_add",
                "cap_drop", "cgroup", "cgroup_parent", "command", "configs", "container_name", "cpu_count",
                "cpu_percent", "cpu_period", "cpu_quota", "cpu_rt_period", "cpu_rt_runtime", "cpu_shares", "cpus",
                "cpuset", "credential_spec", "depends_on", "deploy", "develop", "device_cgroup_rules", "devices", "dns",
                "dns_opt", "dns_search", "domainname", "entrypoint", "env_file", "environment", "expose", "extends",
                "external_links", "extra_hosts", "gpus", "group_add", "healthcheck", "hostname", "image", "init", "ipc",
                "isolation", "label_file", "labels", "links", "logging", "mac_address", "mem_limit", "mem_reservation",
                "mem_swappiness", "memswap_limit", "models", "network_mode", "networks", "oom_kill_disable",
                "oom_score_adj", "pid", "pids_limit", "platform", "ports", "post_start", "pre_start", "pre_stop",
                "privileged", "profiles", "provider", "pull_policy", "pull_refresh_after", "read_only", "restart",
                "runtime", "scale", "secrets", "security_opt", "shm_size", "stdin_open", "stop_grace_period",
                "stop_signal", "storage_opt", "sysctls", "tmpfs", "tty", "ulimits", "use_api_socket", "user",
                "userns_mode", "uts", "volumes", "volumes_from", "working_dir"));
        JsonNode schema = ComposeSchemas.oursJson();
        assertEquals(93, expected.size());
        assertEquals(expected, new TreeSet<>(SchemaValueGenerator.fieldNames(schema.at("/$defs/service/properties"))));
        assertEquals(new TreeSet<>(List.of("version", "name", "include", "services", "networks", "volumes", "secrets",
                "configs", "models")), new TreeSet<>(SchemaValueGenerator.fieldNames(schema.at("/properties"))));
    }

    @Test
    void theSchemaIsAWellFormed202012SchemaWithAnAbsoluteId() {
        JsonNode schema = ComposeSchemas.oursJson();
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
        assertTrue(schema.path("$id").asText().startsWith("https://"), "the $id must be absolute");
        Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertEquals(List.of(), meta.validate(schema).stream().map(Error::toString).toList());
        List<String> unknown = new ArrayList<>();
        keywords(schema, "", unknown);
        assertEquals(List.of(), unknown, "keywords this schema does not mean to use (a typo is silently ignored)");
    }

    private static final Set<String> KEYWORDS = Set.of("$schema", "$id", "$comment", "$ref", "$defs", "title",
            "description", "type", "properties", "patternProperties", "additionalProperties", "required", "items",
            "enum", "const", "minimum", "maximum", "pattern", "uniqueItems", "if", "then", "else", "default",
            "deprecated");

    private static void keywords(JsonNode schema, String at, List<String> unknown) {
        if (!schema.isObject()) {
            return;
        }
        for (String k : SchemaValueGenerator.fieldNames(schema)) {
            JsonNode v = schema.get(k);
            if (!KEYWORDS.contains(k)) {
                unknown.add(at + "/" + k);
            } else if (Set.of("properties", "patternProperties", "$defs").contains(k)) {
                for (Map.Entry<String, JsonNode> e : v.properties()) {
                    keywords(e.getValue(), at + "/" + k + "/" + e.getKey(), unknown);
                }
            } else if (Set.of("items", "additionalProperties", "if", "then", "else").contains(k)) {
                keywords(v, at + "/" + k, unknown);
            }
        }
    }
}
