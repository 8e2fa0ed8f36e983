package dev.composefix.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.fix.Fix;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YamlLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeDiffTest {

    private static YNode root(String text) throws Exception {
        return new YamlLoader().load(text).root();
    }

    @Test
    void namesEachDifferenceByItsPath() throws Exception {
        YNode a = root("services:\n  web: {image: x, ports: ['80:80']}\n  wazuh.master: {image: y}\n");
        YNode b = root("services:\n  web: {image: x, ports: ['80:80', '443:443'], cpus: 1}\n"
                + "  wazuh.master: {image: z}\n");
        assertEquals(List.of("services.web.ports[1]", "services.web.cpus", "services[\"wazuh.master\"].image"),
                TreeDiff.differences(a, b));
    }

    @Test
    void mergeKeysAndAliasesAreComparedAsComposeReadsThem() throws Exception {
        YNode a = root("x: &x {image: nginx}\nservices:\n  web: *x\n");
        YNode b = root("x: &x {image: nginx}\nservices:\n  web:\n    <<: *x\n");
        assertEquals(List.of(), TreeDiff.differences(a, b));
        YNode c = root("services:\n  web: {image: nginx, cpus: '1'}\n");
        YNode d = root("services:\n  web: {image: nginx, cpus: 1}\n");
        assertEquals(List.of("services.web.cpus"), TreeDiff.differences(c, d), "a string is not a number");
    }

    @Test
    void targetsCoverTheirSubtreesOnly() {
        String target = Fix.path("services", "wazuh.master", "healthcheck");
        assertEquals("services[\"wazuh.master\"].healthcheck", target);
        assertTrue(TreeDiff.covers(target, target + ".interval"));
        assertTrue(TreeDiff.covers("services.web.ports", "services.web.ports[0]"));
        assertFalse(TreeDiff.covers("services.web", "services.webapp.image"));
        assertFalse(TreeDiff.covers(Fix.path("services", "a"), "services[\"a.b\"].image"));
    }
}
