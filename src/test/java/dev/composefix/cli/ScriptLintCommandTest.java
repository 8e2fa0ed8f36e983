package dev.composefix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.composefix.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lint and rewrite over the scripts around a stack, end to end, in-process. */
class ScriptLintCommandTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static final String CLEAN = "services:\n  web:\n    image: nginx:1.27\n    mem_limit: 128m\n    cpus: 0.5\n"
            + "    read_only: true\n    security_opt: [\"no-new-privileges:true\"]\n";

    @Test
    void aDirectoryScanFindsEveryKindOfScriptInOneReport() throws Exception {
        write("compose.yaml", CLEAN);
        write("scripts/cleanup.sh", "#!/bin/sh\ndocker rm -f web\n");
        write("bin/reset", "#!/usr/bin/env bash\n\ndocker compose down -v\n");
        write("bin/notes", "docker rm -f not-a-script\n"); // no shebang, no extension: not read
        write("Makefile", "clean:\n\tdocker kill web\n");
        write(".github/workflows/ci.yml", "on: push\njobs:\n  t:\n    runs-on: x\n    steps:\n"
                + "      - run: docker system prune -af --volumes\n");
        write(".gitlab-ci.yml", "test:\n  script:\n    - docker volume rm db\n");
        write("package.json", "{\"scripts\": {\"clean\": \"docker rm -f db\"}}\n");
        write("tools/helper.py", "import subprocess\nsubprocess.run([\"docker\", \"kill\", \"x\"])\n");
        write("web/run.js", "require('child_process').execSync('docker network prune -f');\n");
        CliRun r = CliRun.run("lint", "--format", "json", dir.toString());
        assertEquals(1, r.exit(), r.err());
        String out = r.out();
        assertTrue(out.contains("scripts/cleanup.sh"), out);
        assertTrue(out.contains("bin/reset"), out);
        assertFalse(out.contains("not-a-script") || out.contains("bin/notes"), out);
        assertTrue(out.contains("Makefile"), out);
        assertTrue(out.contains(".github/workflows/ci.yml"), out);
        assertTrue(out.contains(".gitlab-ci.yml"), out);
        assertTrue(out.contains("package.json"), out);
        assertTrue(out.contains("tools/helper.py"), out);
        assertTrue(out.contains("web/run.js"), out);
        CliRun text = CliRun.run("lint", dir.toString());
        assertTrue(text.out().contains(dir.resolve("bin/reset") + ":3:21: warning destructive-cleanup"),
                text.out());
        assertTrue(text.out().contains(dir.resolve(".github/workflows/ci.yml")
                + ":6:38: warning destructive-cleanup 'docker system prune --volumes -f'"), text.out());
        assertTrue(text.out().contains(dir.resolve("web/run.js") + ":1:57: info destructive-cleanup"), text.out());
        assertTrue(text.out().contains("in 9 files"), text.out());
    }

    @Test
    void noScriptsLintsComposeFilesOnly() throws Exception {
        write("compose.yaml", CLEAN);
        write("cleanup.sh", "docker rm -f web\n");
        CliRun r = CliRun.run("lint", "--no-scripts", dir.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("no problems in 1 file"), r.out());
    }

    @Test
    void ignoredNodeModulesAndVendoredScriptsAreSkipped() throws Exception {
        write(".gitignore", "build/\n*.generated.sh\n");
        Files.createDirectories(dir.resolve(".git"));
        write("build/clean.sh", "docker rm -f a\n");
        write("x.generated.sh", "docker rm -f b\n");
        write("node_modules/pkg/package.json", "{\"scripts\": {\"x\": \"docker rm -f c\"}}\n");
        write("vendor/lib/clean.sh", "docker rm -f d\n");
        write("third_party/Makefile", "x:\n\tdocker rm -f e\n");
        write("ok.sh", "docker stop -t 30 f && docker rm f\n");
        CliRun r = CliRun.run("lint", dir.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("no problems in 1 file"), r.out());
    }

    @Test
    void anExplicitScriptArgumentIsReadAsItsKind() throws Exception {
        Path make = write("ci/build.mk", "up:\n\t@docker compose up -d\ndown:\n\t@docker compose down -v\n");
        CliRun r = CliRun.run("lint", make.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().contains(make + ":4:23: warning destructive-cleanup 'docker compose down -v'"), r.out());
        assertTrue(r.out().contains(" 4 | \t@docker compose down -v".replace('\t', ' ')), r.out());
    }

    @Test
    void aBrokenWorkflowIsAParseErrorWithItsPosition() throws Exception {
        Path wf = write(".github/workflows/bad.yml", "jobs:\n  t:\n    steps: [\n");
        Path pkg = write("package.json", "{\"scripts\": {\"a\": \"docker rm -f x\",}}\n");
        CliRun r = CliRun.run("lint", dir.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains(wf + ":4:1: error parse-error cannot read this GitHub Actions workflow"), r.out());
        assertTrue(r.out().contains(pkg + ":1:36: error parse-error cannot read this package.json: invalid JSON"),
                r.out());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void sarifCarriesTheScriptFixAsAReplacement() throws Exception {
        Path sh = write("cleanup.sh", "set -e\ndocker rm -f web db\n");
        CliRun r = CliRun.run("lint", "--format", "sarif", sh.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().contains("\"startLine\": 2") || r.out().contains("\"startLine\":2"), r.out());
        assertTrue(r.out().contains("docker stop -t 10 web db >/dev/null && docker rm web db"), r.out());
        assertTrue(r.out().contains("unsafe"), r.out());
    }

    @Test
    void rewriteAppliesTheGracefulStopOnlyWithUnsafeFixes() throws Exception {
        String original = "#!/bin/sh\n# stop everything\ndocker rm -f $(docker ps -aq) || true\necho done\n";
        Path sh = write("cleanup.sh", original);
        CliRun safe = CliRun.run("rewrite", "-i", sh.toString());
        assertEquals(0, safe.exit(), safe.err());
        assertEquals(original, Files.readString(sh));
        CliRun check = CliRun.run("rewrite", "--unsafe-fixes", "--check", sh.toString());
        assertEquals(1, check.exit(), check.err());
        assertTrue(check.out().contains("+docker stop -t 10 $(docker ps -aq) >/dev/null && docker rm $(docker ps -aq)"
                + " || true"), check.out());
        CliRun unsafe = CliRun.run("rewrite", "--unsafe-fixes", "-i", sh.toString());
        assertEquals(0, unsafe.exit(), unsafe.err());
        assertEquals("#!/bin/sh\n# stop everything\ndocker stop -t 10 $(docker ps -aq) >/dev/null && docker rm "
                + "$(docker ps -aq) || true\necho done\n", Files.readString(sh));
        assertEquals(0, CliRun.run("rewrite", "--unsafe-fixes", "--check", sh.toString()).exit(), "idempotent");
        assertEquals(0, CliRun.run("lint", sh.toString()).exit());
    }
}
