package dev.composefix.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DotEnvTest {

    @Test
    void readsTheFormsComposeReads() {
        String text = String.join("\n",
                "# comment",
                "",
                "PLAIN=value",
                "SPACED = spaced value  ",
                "export EXPORTED=yes",
                "INLINE=abc # a comment",
                "HASH=abc#not-a-comment",
                "SINGLE='literal ${PLAIN} # kept'",
                "DOUBLE=\"line1\\nline2 ${PLAIN}\"",
                "MULTI=\"first",
                "second\"",
                "REF=${PLAIN}-${FROM_ENV}",
                "DEFAULTED=${MISSING:-fallback}",
                "EMPTY=",
                "not a variable line",
                "AFTER=ok");
        Map<String, String> v = DotEnv.parse(text, Variables.of(Map.of("FROM_ENV", "env")));
        assertEquals("value", v.get("PLAIN"));
        assertEquals("spaced value", v.get("SPACED"));
        assertEquals("yes", v.get("EXPORTED"));
        assertEquals("abc", v.get("INLINE"));
        assertEquals("abc#not-a-comment", v.get("HASH"));
        assertEquals("literal ${PLAIN} # kept", v.get("SINGLE"));
        assertEquals("line1\nline2 value", v.get("DOUBLE"));
        assertEquals("first\nsecond", v.get("MULTI"));
        assertEquals("value-env", v.get("REF"));
        assertEquals("fallback", v.get("DEFAULTED"));
        assertEquals("", v.get("EMPTY"));
        assertEquals("ok", v.get("AFTER"));
    }

    @Test
    void processEnvironmentComesFirstThenTheFile() {
        Variables file = Variables.of(Map.of("A", "file", "B", "file"));
        Variables env = Variables.of(Map.of("A", "env"));
        Variables both = env.then(file);
        assertEquals("env", both.get("A").orElseThrow());
        assertEquals("file", both.get("B").orElseThrow());
    }
}
