package dev.composefix.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YamlDocument;
import dev.composefix.yaml.YamlLoader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What lets fixes share a rewrite pass: insertions of different keys at one mapping's end commute,
 * and a plan waits only for fixes aimed at service keys it reads.
 */
class SharedPassTest {

    private static final String TEXT = "services:\n  web:\n    image: nginx\n    deploy:\n      replicas: 2\n"
            + "  db:\n    image: postgres\n";

    private static YamlDocument doc() throws Exception {
        return new YamlLoader().load(TEXT);
    }

    private static YMapping mapping(YamlDocument d, String... path) {
        YMapping m = (YMapping) d.root();
        for (String k : path) {
            m = (YMapping) m.value(k);
        }
        return m;
    }

    @Test
    void differentKeysAtTheEndOfOneMappingCommute() throws Exception {
        YamlDocument d = doc();
        YamlEditor editor = new YamlEditor(d);
        TextEdit health = editor.insert(mapping(d, "services", "web"), "healthcheck",
                Fragment.mapping("test", Fragment.string("true")));
        TextEdit grace = editor.insert(mapping(d, "services", "web"), "stop_grace_period", Fragment.string("30s"));
        assertEquals(health.start(), grace.start(), "both land where web ends");
        assertFalse(health.conflicts(grace));
        assertFalse(grace.conflicts(health));
        String out = Fix.apply(TEXT, List.of(health, grace));
        assertEquals("services:\n  web:\n    image: nginx\n    deploy:\n      replicas: 2\n"
                + "    healthcheck:\n      test: \"true\"\n    stop_grace_period: 30s\n"
                + "  db:\n    image: postgres\n", out);
        new YamlLoader().load(out);
    }

    @Test
    void theSameKeyTwiceConflicts() throws Exception {
        YamlDocument d = doc();
        YamlEditor editor = new YamlEditor(d);
        TextEdit a = editor.insert(mapping(d, "services", "db"), "cpus", Fragment.raw("1"));
        TextEdit b = editor.insertAll(mapping(d, "services", "db"),
                Fragment.mapping("mem_limit", Fragment.string("1g"), "cpus", Fragment.raw("2")));
        assertTrue(a.conflicts(b), "two fixes would write cpus twice");
    }

    @Test
    void aDeeperMappingEndingAtTheSamePointGoesFirst() throws Exception {
        YamlDocument d = doc();
        YamlEditor editor = new YamlEditor(d);
        // deploy is web's last key: its end is web's end, but its lines are indented deeper. Two block
        // mappings that end at one point are nested, so the deeper one's new lines go first.
        TextEdit deeper = editor.insert(mapping(d, "services", "web", "deploy"), "mode", Fragment.string("replicated"));
        TextEdit outer = editor.insert(mapping(d, "services", "web"), "restart", Fragment.string("always"));
        assertEquals(deeper.start(), outer.start());
        assertFalse(deeper.conflicts(outer));
        assertFalse(outer.conflicts(deeper));
        String expected = "services:\n  web:\n    image: nginx\n    deploy:\n      replicas: 2\n      mode: replicated\n"
                + "    restart: always\n  db:\n    image: postgres\n";
        assertEquals(expected, Fix.apply(TEXT, List.of(outer, deeper)));
        assertEquals(expected, Fix.apply(TEXT, List.of(deeper, outer)));
    }

    @Test
    void itemsAppendedToASequenceEndingAtTheSamePointGoFirst() throws Exception {
        // A list is the service's last key: new items and a new key of the service land at one point.
        String text = "services:\n  db:\n    image: postgres\n    command:\n      - postgres\n      - -c\n"
                + "      - wal_level=logical\n  web:\n    image: nginx\n";
        YamlDocument d = new YamlLoader().load(text);
        YamlEditor editor = new YamlEditor(d);
        TextEdit items = editor.appendAll((dev.composefix.yaml.YSequence) mapping(d, "services", "db").value("command"),
                List.of(Fragment.string("-c"), Fragment.string("shared_buffers=128MB")));
        TextEdit grace = editor.insert(mapping(d, "services", "db"), "stop_grace_period", Fragment.string("60s"));
        assertEquals(items.start(), grace.start());
        assertFalse(items.conflicts(grace));
        assertFalse(grace.conflicts(items));
        String expected = "services:\n  db:\n    image: postgres\n    command:\n      - postgres\n      - -c\n"
                + "      - wal_level=logical\n      - \"-c\"\n      - shared_buffers=128MB\n    stop_grace_period: 60s\n"
                + "  web:\n    image: nginx\n";
        assertEquals(expected, Fix.apply(text, List.of(grace, items)));
        assertEquals(expected, Fix.apply(text, List.of(items, grace)));
        // Items have an order, and a list whose dashes stand at its keys' column ends where a key would go.
        TextEdit more = editor.appendAll((dev.composefix.yaml.YSequence) mapping(d, "services", "db").value("command"),
                List.of(Fragment.string("-c"), Fragment.string("work_mem=4MB")));
        assertTrue(items.conflicts(more));
        TextEdit atKeys = new TextEdit(items.start(), items.start(), "    x: 1\n", null, new TextEdit.Entries(6, Set.of("x")));
        assertTrue(items.conflicts(atKeys));
        assertTrue(atKeys.conflicts(items));
        assertThrows(IllegalArgumentException.class, () -> new TextEdit.Entries(6, Set.of("x"), true));
    }

    @Test
    void insertionsThatSayNothingOfTheirKeysStillConflict() {
        TextEdit a = new TextEdit(10, 10, "    a: 1\n");
        TextEdit b = new TextEdit(10, 10, "    b: 1\n", null, new TextEdit.Entries(4, Set.of("b")));
        assertTrue(a.conflicts(b));
        assertTrue(b.conflicts(a));
        assertThrows(IllegalArgumentException.class,
                () -> new TextEdit(3, 5, "x", null, new TextEdit.Entries(0, Set.of("x"))));
    }

    @Test
    void serviceKeyOfATarget() {
        assertEquals("deploy", Fix.serviceKey("services.web.deploy"));
        assertEquals("deploy", Fix.serviceKey("services.web.deploy.resources.limits"));
        assertEquals("healthcheck", Fix.serviceKey(Fix.path("services", "wazuh.master", "healthcheck")));
        assertEquals("odd.key", Fix.serviceKey(Fix.path("services", "a\"b\\c", "odd.key", "x")));
        assertEquals("ports", Fix.serviceKey("services.web.ports[1]"));
        assertEquals("", Fix.serviceKey("services.web"));
        assertEquals("", Fix.serviceKey(Fix.path("services", "wazuh.master")));
        assertEquals("", Fix.serviceKey("services"));
        assertEquals("", Fix.serviceKey(""));
        assertNull(Fix.serviceKey("version"));
        assertNull(Fix.serviceKey("services_extra.web"));
        assertNull(Fix.serviceKey("x-defaults.deploy"));
    }

    @Test
    void aPlanWaitsOnlyForWhatItReads() {
        Fix plan = new Fix("plan", FixSafety.SAFE, List.of(TextEdit.insert(0, "x")), List.of("services.a.deploy"))
                .asPlan(Set.of("deploy", "image"));
        assertFalse(plan.waitsFor(Set.of()));
        assertFalse(plan.waitsFor(Set.of("depends_on", "command")));
        assertTrue(plan.waitsFor(Set.of("command", "deploy")));
        assertTrue(plan.waitsFor(Set.of("")), "a whole service may hold anything it reads");
        Fix everything = new Fix("plan", FixSafety.SAFE, List.of(TextEdit.insert(0, "x")), List.of(), true, null, null, false);
        assertTrue(everything.waitsFor(Set.of("depends_on")));
        assertThrows(IllegalArgumentException.class, () -> new Fix("not a plan", FixSafety.SAFE,
                List.of(TextEdit.insert(0, "x")), List.of(), false, Set.of("deploy"), null, false));
        assertThrows(IllegalArgumentException.class, () -> new Fix("not a plan", FixSafety.SAFE,
                List.of(TextEdit.insert(0, "x")), List.of(), false, null, null, true));
        assertTrue(plan.leading().withTitle("part").leads(), "a part of a leading plan leads");
        assertFalse(plan.withTitle("part").leads());
        assertEquals(Set.of("deploy", "image"), plan.withTitle("other").reads());
    }

    @Test
    void aPlanReadingPathsWaitsForWritesAtAboveOrBelowThem() {
        Fix plan = new Fix("plan", FixSafety.SAFE, List.of(TextEdit.insert(0, "x")), List.of("services.a.deploy"))
                .asPlan(Set.of("deploy.resources.limits.memory", "mem_limit"));
        assertFalse(plan.waitsFor(Set.of("deploy.resources.limits.cpus", "cpus", "healthcheck")));
        assertFalse(plan.waitsFor(Set.of("deploy.resources.limits.memoryx", "mem_limits")), "whole keys, not prefixes");
        assertTrue(plan.waitsFor(Set.of("deploy")), "a fix writing all of deploy may write the memory limit");
        assertTrue(plan.waitsFor(Set.of("deploy.resources")));
        assertTrue(plan.waitsFor(Set.of("deploy.resources.limits.memory")));
        assertTrue(plan.waitsFor(Set.of("deploy.resources.limits.memory.x")));
        assertTrue(plan.waitsFor(Set.of("mem_limit")));
    }

    @Test
    void aFixWritesItsTargetsServiceKeysUnlessItSaysMore() {
        Fix cpu = new Fix("cpu", FixSafety.SAFE, List.of(TextEdit.insert(0, "x")),
                List.of("services.a.deploy", "services.b.cpus", "version"));
        assertEquals(new java.util.HashSet<>(java.util.Arrays.asList("deploy", "cpus", null)), cpu.written());
        Fix precise = cpu.writing(Set.of("deploy.resources.limits.cpus"));
        assertEquals(Set.of("deploy.resources.limits.cpus"), precise.written());
        assertEquals(Set.of("deploy.resources.limits.cpus"), precise.withTitle("other").written(),
                "a part of a combined fix writes what the fix does");
        assertEquals(precise.targets(), cpu.targets(), "the targets, which the rewrite verifies against, stay");
    }
}
