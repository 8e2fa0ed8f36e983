package dev.composefix.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.engine.Finding;
import dev.composefix.fix.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every reporter goes through the report's {@link Redaction}: what it masks never appears, and a fix
 * whose new text it would mask is left out (while the finding is still reported).
 */
class RedactionTest {

    private static final String STACK = "services:\n"
            + "  db:  # token S3CRET\n"
            + "    image: postgres:16\n"
            + "    cpus: 1\n";

    /** Masks the token, and the memory reservation the fix for db would insert (but its message does not name). */
    private static final Redaction MASK = s -> s.replace("S3CRET", "******").replace("256M", "****");

    private static Report masked() {
        Report r = Lint.report("compose.yaml", STACK);
        return new Report(r.findings(), r.files(), r.sources(), r.checks(), MASK);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Format.class)
    void nothingMaskedIsPrinted(Format format) {
        Report plain = Lint.report("compose.yaml", STACK);
        assertTrue(plain.findings().stream().anyMatch(f -> f.code().equals("CF101")), plain.findings().toString());
        String out = Lint.render(format, masked());
        assertFalse(out.contains("S3CRET"), out);
        assertFalse(out.contains("256M"), out);
        assertTrue(out.contains("CF101") || out.contains("missing-memory-limit"), "the finding is still reported: " + out);
    }

    @Test
    void textFormatsQuoteAndFixTheMaskedWay() {
        Report plain = Lint.report("compose.yaml", STACK);
        assertTrue(Lint.render(Format.TEXT, plain).contains("S3CRET"), "the plain report quotes the line");
        assertTrue(Lint.render(Format.TEXT, plain).contains("= fix: limit memory to 512M"));
        String text = Lint.render(Format.TEXT, masked());
        assertTrue(text.contains("# token ******"), text);
        assertFalse(text.contains("= fix: limit memory"), "the fix that would insert a masked value is left out: " + text);
        assertTrue(Lint.render(Format.SARIF, plain).contains("\"fixes\""));
        assertFalse(Lint.render(Format.SARIF, masked()).contains("\"fixes\""));
        assertTrue(Lint.render(Format.RDJSON, plain).contains("\"suggestions\""));
        assertFalse(Lint.render(Format.RDJSON, masked()).contains("\"suggestions\""));
    }

    @Test
    void noneMasksNothingAndKeepsFixes() {
        Report r = Lint.report("compose.yaml", STACK);
        Finding f = r.findings().stream().filter(x -> x.fix() != null).findFirst().orElseThrow();
        Fix fix = f.fix();
        assertSame(fix, Redaction.NONE.shown(fix));
        assertEquals("a S3CRET b", Redaction.NONE.mask("a S3CRET b"));
        assertFalse(Redaction.NONE.reveals("S3CRET"));
        assertNull(Redaction.NONE.shown(null));
        assertTrue(MASK.reveals("S3CRET"));
    }

    /**
     * A text masking leaves alone comes back as the very string asked about, also when an equal one was masked
     * before (the cache keeps no copy of it to hand out), and a masked one equal every time.
     */
    @Test
    void anUnchangedTextIsTheCallersOwn() {
        SecretRedaction r = SecretRedaction.ofValues(java.util.List.of("hunter2-long-value"));
        String clean = "service 'web' has no memory limit";
        for (int i = 0; i < 3; i++) {
            String asked = new String(clean.toCharArray());
            assertSame(asked, r.mask(asked));
            assertFalse(r.reveals(asked));
        }
        for (int i = 0; i < 3; i++) {
            String asked = new String("password: hunter2-long-value".toCharArray());
            assertEquals("password: ***", r.mask(asked));
            assertTrue(r.reveals(asked));
        }
    }
}
