package dev.composefix.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;
import dev.composefix.yaml.YamlDocument;
import dev.composefix.yaml.YamlLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each helper on small inputs, compared byte for byte; every result must also parse. */
class YamlEditorTest {

    private static YamlDocument doc(String text) throws Exception {
        return new YamlLoader().load(text);
    }

    private static YMapping service(YamlDocument d, String name) {
        YMapping services = (YMapping) ((YMapping) d.root()).value("services");
        return (YMapping) services.own(name).value();
    }

    private static String apply(YamlDocument d, List<TextEdit> edits) throws Exception {
        String out = Fix.apply(d.text(), edits);
        new YamlLoader().load(out); // must parse
        return out;
    }

    private static final Fragment MEMORY = Fragment.string("512M");
    private static final List<String> LIMITS_MEMORY = List.of("deploy", "resources", "limits", "memory");

    @Test
    void putCreatesNestedMappingsAtTheEndOfTheService() throws Exception {
        YamlDocument d = doc("services:\n  web:\n    image: nginx  # the web\n  db:\n    image: postgres\n");
        String out = apply(d, new YamlEditor(d).put(service(d, "web"), LIMITS_MEMORY, MEMORY));
        assertEquals("services:\n  web:\n    image: nginx  # the web\n    deploy:\n      resources:\n"
                + "        limits:\n          memory: 512M\n  db:\n    image: postgres\n", out);
    }

    @Test
    void putDescendsIntoExistingMappings() throws Exception {
        YamlDocument d = doc("services:\n  web:\n    deploy:\n      resources:\n        limits:\n"
                + "          cpus: '0.5'\n    image: nginx\n");
        String out = apply(d, new YamlEditor(d).put(service(d, "web"), LIMITS_MEMORY, MEMORY));
        assertEquals("services:\n  web:\n    deploy:\n      resources:\n        limits:\n"
                + "          cpus: '0.5'\n          memory: 512M\n    image: nginx\n", out);
    }

    @Test
    void mergeIntoALastChildAndItsParentAtOnce() throws Exception {
        YamlDocument d = doc("services:\n  web:\n    deploy:\n      resources:\n        limits:\n"
                + "          cpus: '1'\n  db:\n    image: x\n");
        Fragment.Mapping tree = Fragment.mapping("deploy", Fragment.mapping("resources", Fragment.mapping(
                "limits", Fragment.mapping("memory", MEMORY), "reservations", Fragment.mapping("memory",
                        Fragment.string("256M")))));
        String out = apply(d, new YamlEditor(d).merge(service(d, "web"), tree));
        assertEquals("services:\n  web:\n    deploy:\n      resources:\n        limits:\n          cpus: '1'\n"
                + "          memory: 512M\n        reservations:\n          memory: 256M\n  db:\n    image: x\n", out);
    }

    @Test
    void putFillsAnEmptyValue() throws Exception {
        YamlDocument d = doc("services:\n  web:\n    image: nginx\n    deploy:  # later\n  db:\n    image: x\n");
        String out = apply(d, new YamlEditor(d).put(service(d, "web"), LIMITS_MEMORY, MEMORY));
        assertEquals("services:\n  web:\n    image: nginx\n    deploy:  # later\n      resources:\n"
                + "        limits:\n          memory: 512M\n  db:\n    image: x\n", out);
    }

    @Test
    void putIntoAFlowMapping() throws Exception {
        YamlDocument d = doc("services:\n  web: {image: nginx}\n  db: {}\n");
        YamlEditor e = new YamlEditor(d);
        String out = apply(d, List.of(e.put(service(d, "web"), List.of("mem_limit"), MEMORY).get(0),
                e.put(service(d, "db"), LIMITS_MEMORY, MEMORY).get(0)));
        assertEquals("services:\n  web: {image: nginx, mem_limit: 512M}\n"
                + "  db: {deploy: {resources: {limits: {memory: 512M}}}}\n", out);
    }

    @Test
    void inheritedMappingIsOverriddenUnderTheServiceNotAtTheAnchor() throws Exception {
        String text = "x-base: &base\n  image: app\n  deploy:\n    restart_policy:\n      condition: on-failure\n"
                + "    resources:\n      limits:\n        cpus: '1'\nservices:\n  web:\n    <<: *base\n"
                + "  api:\n    <<: *base\n";
        YamlDocument d = doc(text);
        String out = apply(d, new YamlEditor(d).put(service(d, "web"), LIMITS_MEMORY, MEMORY));
        assertEquals("x-base: &base\n  image: app\n  deploy:\n    restart_policy:\n      condition: on-failure\n"
                + "    resources:\n      limits:\n        cpus: '1'\nservices:\n  web:\n    <<: *base\n"
                + "    deploy:\n      restart_policy:\n        condition: on-failure\n      resources:\n"
                + "        limits:\n          cpus: '1'\n          memory: 512M\n"
                + "  api:\n    <<: *base\n", out);
    }

    @Test
    void inheritedAnchoredMappingIsMergedByReference() throws Exception {
        String text = "x-hc: &hc\n  test: [CMD, 'true']\n  interval: 10s\nservices:\n  web:\n    image: x\n"
                + "    healthcheck: *hc\n";
        YamlDocument d = doc(text);
        String out = apply(d, new YamlEditor(d).put(service(d, "web"), List.of("healthcheck", "interval"),
                Fragment.string("31s")));
        assertEquals("x-hc: &hc\n  test: [CMD, 'true']\n  interval: 10s\nservices:\n  web:\n    image: x\n"
                + "    healthcheck:\n      <<: *hc\n      interval: 31s\n", out);
    }

    @Test
    void aliasedServiceBecomesAMergeWithTheNewKey() throws Exception {
        YamlDocument d = doc("x-b: &b\n  image: app\nservices:\n  web: *b\n");
        YMapping services = (YMapping) ((YMapping) d.root()).value("services");
        String out = apply(d, new YamlEditor(d).put(services, List.of("web", "mem_limit"), MEMORY));
        assertEquals("x-b: &b\n  image: app\nservices:\n  web:\n    <<: *b\n    mem_limit: 512M\n", out);
    }

    @Test
    void crlfAndFourSpaceIndentationAreKept() throws Exception {
        YamlDocument d = doc("services:\r\n    web:\r\n        image: nginx\r\n");
        String out = apply(d, new YamlEditor(d).put(service(d, "web"), LIMITS_MEMORY, MEMORY));
        assertEquals("services:\r\n    web:\r\n        image: nginx\r\n        deploy:\r\n            resources:\r\n"
                + "                limits:\r\n                    memory: 512M\r\n", out);
    }

    @Test
    void aMissingFinalLineBreakStaysMissing() throws Exception {
        YamlDocument d = doc("services:\n  web:\n    image: nginx");
        String out = apply(d, new YamlEditor(d).put(service(d, "web"), List.of("cpus"), Fragment.raw("0.5")));
        assertEquals("services:\n  web:\n    image: nginx\n    cpus: 0.5", out);
    }

    @Test
    void insertAfterABlockScalar() throws Exception {
        YamlDocument d = doc("services:\n  web:\n    command: |\n      run\n      this\n\n  db:\n    image: x\n");
        String out = apply(d, new YamlEditor(d).put(service(d, "web"), List.of("cpus"), Fragment.raw("1")));
        assertEquals("services:\n  web:\n    command: |\n      run\n      this\n\n    cpus: 1\n  db:\n    image: x\n",
                out);
    }

    @Test
    void replaceScalarKeepsTheQuotingStyle() throws Exception {
        YamlDocument d = doc("a: 10s\nb: '10s'\nc: \"10s\"\nd: plain\n");
        YMapping m = (YMapping) d.root();
        YamlEditor e = new YamlEditor(d);
        String out = apply(d, List.of(e.replaceScalar((YScalar) m.value("a"), "31s"),
                e.replaceScalar((YScalar) m.value("b"), "it's"), e.replaceScalar((YScalar) m.value("c"), "say \"hi\""),
                e.replaceScalar((YScalar) m.value("d"), "true")));
        assertEquals("a: 31s\nb: 'it''s'\nc: \"say \\\"hi\\\"\"\nd: \"true\"\n", out);
    }

    @Test
    void removeEntryTakesItsWholeLineOnly() throws Exception {
        YamlDocument d = doc("# header\nversion: \"3.8\"  # old\nservices: {}\n");
        YMapping m = (YMapping) d.root();
        assertEquals("# header\nservices: {}\n",
                apply(d, List.of(new YamlEditor(d).removeEntry(m, m.own("version")))));
        YamlDocument last = doc("services: {}\nversion: 3");
        YMapping lm = (YMapping) last.root();
        assertEquals("services: {}\n", apply(last, List.of(new YamlEditor(last).removeEntry(lm, lm.own("version")))));
        YamlDocument crlf = doc("version: '3'\r\nservices: {}\r\n");
        YMapping cm = (YMapping) crlf.root();
        assertEquals("services: {}\r\n", apply(crlf, List.of(new YamlEditor(crlf).removeEntry(cm, cm.own("version")))));
    }

    @Test
    void appendToBlockAndFlowSequences() throws Exception {
        YamlDocument d = doc("a:\n  - x  # first\nb: [x]\nc:\n- x\n");
        YMapping m = (YMapping) d.root();
        YamlEditor e = new YamlEditor(d);
        String out = apply(d, List.of(e.append((YSequence) m.value("a"), Fragment.string("y")),
                e.append((YSequence) m.value("b"), Fragment.string("y")),
                e.append((YSequence) m.value("c"), Fragment.string("y"))));
        assertEquals("a:\n  - x  # first\n  - y\nb: [x, y]\nc:\n- x\n- y\n", out);
    }

    @Test
    void dependsOnShortFormBecomesLongFormItemByItem() throws Exception {
        YamlDocument d = doc("services:\n  api:\n    depends_on:\n      - db  # primary\n      # cache next\n"
                + "      - cache\n    image: x\n");
        YMapping api = service(d, "api");
        YEntry deps = api.own("depends_on");
        Map<String, Fragment> values = new LinkedHashMap<>();
        values.put("db", Fragment.mapping("condition", Fragment.string("service_healthy")));
        values.put("cache", Fragment.mapping("condition", Fragment.string("service_started")));
        String out = apply(d, new YamlEditor(d).sequenceToMapping(api, deps, values));
        assertEquals("services:\n  api:\n    depends_on:\n      db:  # primary\n        condition: service_healthy\n"
                + "      # cache next\n      cache:\n        condition: service_started\n    image: x\n", out);
        YamlDocument flow = doc("services:\n  api:\n    depends_on: [db]\n");
        YMapping fapi = service(flow, "api");
        assertEquals("services:\n  api:\n    depends_on: {db: {condition: service_healthy}}\n",
                apply(flow, new YamlEditor(flow).sequenceToMapping(fapi, fapi.own("depends_on"),
                        Map.of("db", values.get("db")))));
    }

    @Test
    void sequencesFollowTheFileHabitAndStringsAreQuotedOnlyWhenNeeded() throws Exception {
        YamlDocument d = doc("services:\n  web:\n    ports:\n    - '80:80'\n    image: x\n");
        Fragment hc = Fragment.mapping("test", Fragment.quotedList(List.of("CMD", "true")),
                "interval", Fragment.string("31s"), "start_period", Fragment.string("yes"),
                "labels", new Fragment.Sequence(List.of(Fragment.string("a: b")), false));
        String out = apply(d, new YamlEditor(d).put(service(d, "web"), List.of("healthcheck"), hc));
        assertEquals("services:\n  web:\n    ports:\n    - '80:80'\n    image: x\n    healthcheck:\n"
                + "      test: ['CMD', 'true']\n      interval: 31s\n      start_period: yes\n      labels:\n"
                + "      - 'a: b'\n", out);
    }
}
