package dev.composefix.cli;

import dev.composefix.script.ScriptKind;

/** A script file to lint (see {@link dev.composefix.script.ScriptKinds}) and the kind it was recognised as. */
public record ScriptInput(Input input, ScriptKind kind) {
}
