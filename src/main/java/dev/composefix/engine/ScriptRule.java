package dev.composefix.engine;

import dev.composefix.script.ScriptFile;

/**
 * A rule that also checks the commands of script files (shell scripts, Makefiles, CI files, package.json,
 * literal process calls in code). It is the same rule, with the same code and metadata, as on compose files.
 */
public interface ScriptRule {

    void checkScript(ScriptFile file, ScriptContext ctx);
}
