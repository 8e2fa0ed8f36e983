package dev.composefix.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the loader refuses, and what it reads with a byte order mark. */
class ScriptLoaderTest {

    @Test
    void anOversizedBundleHasNoCommandsButAnOversizedScriptIsAnError() throws Exception {
        byte[] big = ("execSync('docker rm -f x');\n".repeat(ScriptLoader.MAX_BYTES / 20))
                .getBytes(StandardCharsets.UTF_8);
        assertTrue(big.length > ScriptLoader.MAX_BYTES);
        ScriptFile bundle = ScriptLoader.load("dist/app.js", ScriptKind.JAVASCRIPT, big);
        assertTrue(bundle.snippets().isEmpty() && bundle.argvs().isEmpty());
        ScriptException e = assertThrows(ScriptException.class,
                () -> ScriptLoader.load("big.sh", ScriptKind.SHELL, big));
        assertTrue(e.getMessage().contains("over the limit"), e.getMessage());
    }

    @Test
    void invalidUtf8IsAnErrorAndABomIsRemembered() throws Exception {
        ScriptException e = assertThrows(ScriptException.class,
                () -> ScriptLoader.load("x.sh", ScriptKind.SHELL, new byte[] {'a', (byte) 0xFF, 'b'}));
        assertEquals("not UTF-8 text", e.getMessage());
        ScriptFile f = ScriptLoader.load("x.sh", ScriptKind.SHELL,
                "\uFEFFdocker rm -f x\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(f.bom());
        assertEquals("docker rm -f x\n", f.text());
    }
}
