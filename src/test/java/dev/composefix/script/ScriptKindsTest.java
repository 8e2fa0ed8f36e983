package dev.composefix.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files are scripts, by name, folder and shebang. */
class ScriptKindsTest {

    @TempDir
    Path dir;

    private static Optional<ScriptKind> kind(String path) {
        return ScriptKinds.of(Path.of(path), Path.of(path));
    }

    @Test
    void namesAndFolders() {
        assertEquals(Optional.of(ScriptKind.SHELL), kind("scripts/test.sh"));
        assertEquals(Optional.of(ScriptKind.SHELL), kind("x.BASH"));
        assertEquals(Optional.of(ScriptKind.MAKEFILE), kind("Makefile"));
        assertEquals(Optional.of(ScriptKind.MAKEFILE), kind("GNUmakefile"));
        assertEquals(Optional.of(ScriptKind.MAKEFILE), kind("mk/docker.mk"));
        assertEquals(Optional.of(ScriptKind.GITLAB_CI), kind(".gitlab-ci.yml"));
        assertEquals(Optional.of(ScriptKind.GITHUB_ACTIONS), kind(".github/workflows/ci.yaml"));
        assertEquals(Optional.of(ScriptKind.GITHUB_ACTIONS), kind("actions/setup/action.yml"));
        assertEquals(Optional.empty(), kind("workflows/ci.yml"), "only under .github");
        assertEquals(Optional.empty(), kind("config/settings.yml"));
        assertEquals(Optional.of(ScriptKind.PACKAGE_JSON), kind("web/package.json"));
        assertEquals(Optional.empty(), kind("web/package-lock.json"));
        assertEquals(Optional.of(ScriptKind.PYTHON), kind("tools/helper.py"));
        assertEquals(Optional.of(ScriptKind.JAVASCRIPT), kind("run.mjs"));
        assertEquals(Optional.of(ScriptKind.JAVASCRIPT), kind("src/app.tsx"));
        assertEquals(Optional.empty(), kind("docker-compose.sh.yml"), "compose files are never scripts");
        assertEquals(Optional.empty(), kind("vendor/x/clean.sh"));
        assertEquals(Optional.empty(), kind("a/.venv/lib/site.py"));
        assertEquals(Optional.of(ScriptKind.SHELL), ScriptKinds.of(Path.of("vendor/x/clean.sh"), null),
                "a file named on the command line is taken wherever it is");
    }

    @Test
    void shebangs() throws Exception {
        assertTrue(ScriptKinds.isShellShebang("#!/bin/sh\necho"));
        assertTrue(ScriptKinds.isShellShebang("#! /usr/bin/env bash"));
        assertTrue(ScriptKinds.isShellShebang("#!/usr/bin/env -S zsh -e\n"));
        assertFalse(ScriptKinds.isShellShebang("#!/usr/bin/env python3\n"));
        assertFalse(ScriptKinds.isShellShebang("#!/usr/bin/node\n"));
        assertFalse(ScriptKinds.isShellShebang("# just a comment\n"));
        Path script = dir.resolve("deploy");
        Files.writeString(script, "#!/bin/bash\ndocker compose down -v\n");
        Path text = dir.resolve("NOTES");
        Files.writeString(text, "docker compose down -v\n");
        Path dotted = dir.resolve("run.cmd");
        Files.writeString(dotted, "#!/bin/sh\n");
        assertEquals(Optional.of(ScriptKind.SHELL), ScriptKinds.of(script, Path.of("deploy")));
        assertEquals(Optional.empty(), ScriptKinds.of(text, Path.of("NOTES")));
        assertEquals(Optional.empty(), ScriptKinds.of(dotted, Path.of("run.cmd")), "only files without an extension are sniffed");
    }
}
