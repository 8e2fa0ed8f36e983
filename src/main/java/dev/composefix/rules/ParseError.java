package dev.composefix.rules;

import dev.composefix.engine.Finding;
import dev.composefix.engine.RuleMetadata;
import dev.composefix.engine.Severity;
import dev.composefix.yaml.Position;

/**
 * CF001: the file cannot be read or parsed. The loader finds these before any rule can run, so this
 * class only turns a load failure into a finding.
 */
public final class ParseError {

    public static final String NAME = "parse-error";

    private ParseError() {
    }

    public static Finding finding(RuleMetadata meta, String file, Position at, String message) {
        Severity s = meta.severity();
        return new Finding(meta.code(), meta.name(), s, file, at, at, null, message, null);
    }
}
