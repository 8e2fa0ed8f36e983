package dev.composefix.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.engine.ActiveRule;
import dev.composefix.engine.Linter;
import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleCatalog;
import dev.composefix.engine.RuleContext;
import dev.composefix.engine.RuleMetadata;
import dev.composefix.engine.RuleOptions;
import dev.composefix.fix.Fix;
import dev.composefix.fix.Fragment;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.ComposeLoader;
import dev.composefix.model.Service;
import dev.composefix.model.Variables;
import dev.composefix.project.ProjectLoader;
import dev.composefix.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ServiceEdit}, which looks up a service's file, services mapping and own mapping once per key,
 * gives the fixes (and says writable) exactly as the code it replaced ({@link OldServiceEdit}, kept here
 * as it was): for every service of seeded files and two-file projects (anchors, aliases, merge keys,
 * extends, flow mappings) and of the corpus when it is there, with trees of one key and of several. A
 * failure names its seed or file.
 */
class ServiceEditSameTest {

    /** Trees as the rules write them: one key, nested, several keys (some set already, some not). */
    private static List<Fragment.Mapping> trees() {
        return List.of(
                Fragment.mapping("restart", Fragment.string("on-failure:3")),
                Fragment.mapping("stop_grace_period", Fragment.string("60s")),
                Fragment.mapping("healthcheck", Fragment.mapping("test", Fragment.quotedList(List.of("CMD", "true")),
                        "interval", Fragment.string("30s"))),
                Fragment.mapping("deploy", Fragment.mapping("resources", Fragment.mapping("limits",
                        Fragment.mapping("memory", Fragment.string("512M"))))),
                Fragment.mapping("mem_limit", Fragment.string("512M"), "mem_reservation", Fragment.string("256M")),
                Fragment.mapping("depends_on", Fragment.mapping("db", Fragment.mapping("condition",
                        Fragment.string("service_healthy")))),
                Fragment.mapping("environment", Fragment.mapping("A", Fragment.string("b"))),
                Fragment.mapping("cpus", Fragment.raw("0.5"), "restart", Fragment.string("always"),
                        "logging", Fragment.mapping("options", Fragment.mapping("max-size", Fragment.string("10m")))));
    }

    /** Compares both for every service and tree; what differs goes to {@code out}. */
    private static final class Compare implements Rule {
        final List<String> out = new ArrayList<>();
        int compared;
        int fixed;
        int withheld;

        @Override
        public void check(ComposeFile file, RuleContext ctx) {
            for (Service s : file.services()) {
                for (Fragment.Mapping tree : trees()) {
                    List<String> targets = List.of(Fix.path("services", s.name(), tree.entries().keySet().iterator().next()));
                    Object now = shape(ServiceEdit.fix(s, ctx, tree, "t", targets));
                    Object then = shape(OldServiceEdit.fix(s, ctx, tree, "t", targets));
                    compared++;
                    if (now == null) {
                        withheld++;
                    } else {
                        fixed++;
                    }
                    if (!java.util.Objects.equals(now, then)) {
                        out.add(file.path() + " " + s.name() + " " + tree.entries().keySet() + ": " + now + " != " + then);
                    }
                    for (Map.Entry<String, Fragment> e : tree.entries().entrySet()) {
                        boolean w = ServiceEdit.writable(s, e.getKey(), e.getValue());
                        if (w != OldServiceEdit.writable(s, e.getKey(), e.getValue())) {
                            out.add(file.path() + " " + s.name() + " writable " + e.getKey() + ": " + w);
                        }
                    }
                }
            }
        }

        private static Object shape(Fix f) {
            return f == null ? null : List.of(f.title(), f.safety(), List.copyOf(f.edits()), f.targets());
        }
    }

    private static Compare run(ComposeFile file) {
        RuleCatalog catalog = Rules.catalog();
        RuleMetadata meta = catalog.metadata(catalog.rules().get(0));
        Compare compare = new Compare();
        new Linter(catalog, List.of(new ActiveRule(compare, meta, null, new RuleOptions(meta, Map.of()))), f -> false)
                .lint(file);
        return compare;
    }

    @Test
    void seededFilesFixAlike() throws Exception {
        int compared = 0;
        int fixed = 0;
        int withheld = 0;
        for (long seed = 1; seed <= 400; seed++) {
            String text = compose(new Random(seed), "");
            ComposeFile file;
            try {
                file = new ComposeLoader().load("seed" + seed + ".yml", text, Variables.NONE);
            } catch (dev.composefix.yaml.YamlException e) {
                continue;
            }
            Compare c = run(file);
            assertEquals(List.of(), c.out, "seed " + seed + ":\n" + text);
            compared += c.compared;
            fixed += c.fixed;
            withheld += c.withheld;
        }
        // Both outcomes are well represented: fixes made and fixes withheld (leaks, shapes not editable).
        assertTrue(compared > 5_000 && fixed > 1_000 && withheld > 500,
                "compared " + compared + ", fixed " + fixed + ", withheld " + withheld);
    }

    @Test
    void seededProjectsFixAlike(@TempDir Path dir) throws Exception {
        for (long seed = 1; seed <= 60; seed++) {
            Random r = new Random(seed);
            Path base = dir.resolve("base" + seed + ".yml");
            Path over = dir.resolve("over" + seed + ".yml");
            Files.writeString(base, compose(r, ""));
            Files.writeString(over, compose(r, "o"));
            ComposeFile file;
            try {
                file = new ProjectLoader(new ProjectLoader.Options(dir, List.of(), Variables.NONE))
                        .load(List.of(base.toString(), over.toString()));
            } catch (Exception e) {
                continue;
            }
            assertEquals(List.of(), run(file).out, "seed " + seed);
        }
    }

    @Test
    void corpusFilesFixAlike() throws Exception {
        Path corpus = SharedData.corpus();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted()
                    .limit(300).toList();
        }
        for (Path p : files) {
            ComposeFile file;
            try {
                file = new ComposeLoader().load(p.toString(), Files.readAllBytes(p), Variables.NONE);
            } catch (Exception e) {
                continue;
            }
            assertEquals(List.of(), run(file).out, p.toString());
        }
    }

    /** A compose file of a few services written in the shapes that make edits leak or go elsewhere. */
    private static String compose(Random r, String prefix) {
        StringBuilder b = new StringBuilder();
        if (r.nextBoolean()) {
            b.append("x-base: &xb\n  restart: always\n  deploy:\n    resources:\n      limits:\n        cpus: '1'\n");
        }
        b.append("services:\n");
        int n = 2 + r.nextInt(5);
        for (int i = 0; i < n; i++) {
            String name = i == 0 ? "db" : (r.nextInt(4) == 0 ? prefix : "") + "s" + i;
            int shape = r.nextInt(9);
            if (shape == 0 && i > 0) {
                b.append("  ").append(name).append(": *a0\n");
                continue;
            }
            if (shape == 1) {
                b.append("  ").append(name).append(": {image: nginx, restart: always}\n");
                continue;
            }
            b.append("  ").append(name).append(":").append(i == 0 && r.nextBoolean() ? " &a0" : "").append('\n');
            if (shape == 2 && i > 0) {
                b.append("    <<: *a0\n");
            }
            if (shape == 3 && b.indexOf("x-base") >= 0) {
                b.append("    <<: *xb\n");
            }
            if (shape == 4 && i > 0) {
                b.append("    extends: db\n");
            } else if (shape == 5 && i > 0) {
                b.append("    extends:\n      service: db\n");
            } else {
                b.append("    image: ").append(r.nextBoolean() ? "postgres:16" : "redis:7").append('\n');
            }
            if (r.nextBoolean()) {
                b.append("    restart: ").append(r.nextBoolean() ? "always" : "\"no\"").append('\n');
            }
            if (r.nextInt(3) == 0) {
                b.append("    healthcheck:\n      test: [\"CMD\", \"true\"]\n");
            }
            if (r.nextInt(3) == 0) {
                b.append(r.nextBoolean() ? "    deploy:\n      resources:\n        limits:\n          cpus: '0.5'\n"
                        : "    deploy: {replicas: 1}\n");
            }
            if (r.nextInt(4) == 0) {
                b.append("    mem_limit: 1g\n");
            }
            if (r.nextInt(3) == 0 && i > 0) {
                b.append(r.nextBoolean() ? "    depends_on: [db]\n" : "    depends_on:\n      db:\n        condition: service_started\n");
            }
            if (r.nextInt(4) == 0) {
                b.append("    environment:\n      - A=1\n");
            }
            if (r.nextInt(5) == 0) {
                b.append("    logging: &lg\n      driver: json-file\n");
            }
        }
        return b.toString();
    }
}
