package org.snakeyaml.engine.v2.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.common.SpecVersion;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/** {@link ParserSettings} against the settings the builder makes with the same choices. */
class ParserSettingsTest {

    private static LoadSettings built(int bufferSize, int codePointLimit) {
        return LoadSettings.builder().setParseComments(true).setAllowDuplicateKeys(true).setUseMarks(true)
                .setBufferSize(bufferSize).setCodePointLimit(codePointLimit).build();
    }

    @Test
    void theConstructorIsThereForThisSnakeYamlEngine() {
        assertNotNull(ParserSettings.of(10, 20), "ParserSettings fell back to the builder");
    }

    @Test
    void everySettingTheBuilderWouldGive() {
        LoadSettings ours = ParserSettings.of(123, 4567);
        LoadSettings theirs = built(123, 4567);
        assertEquals(theirs.getLabel(), ours.getLabel());
        assertEquals(theirs.getBufferSize(), ours.getBufferSize());
        assertEquals(theirs.getCodePointLimit(), ours.getCodePointLimit());
        assertEquals(theirs.getUseMarks(), ours.getUseMarks());
        assertEquals(theirs.getParseComments(), ours.getParseComments());
        assertEquals(theirs.getAllowDuplicateKeys(), ours.getAllowDuplicateKeys());
        assertEquals(theirs.getAllowRecursiveKeys(), ours.getAllowRecursiveKeys());
        assertEquals(theirs.getAllowNonScalarKeys(), ours.getAllowNonScalarKeys());
        assertEquals(theirs.getMaxAliasesForCollections(), ours.getMaxAliasesForCollections());
        assertEquals(theirs.getEnvConfig(), ours.getEnvConfig());
        assertEquals(theirs.getTagConstructors(), ours.getTagConstructors());
        for (SpecVersion v : List.of(new SpecVersion(1, 1), new SpecVersion(1, 2), new SpecVersion(1, 3))) {
            assertEquals(theirs.getVersionFunction().apply(v), ours.getVersionFunction().apply(v));
        }
        SpecVersion two = new SpecVersion(2, 0);
        assertEquals(assertThrows(YamlVersionException.class, () -> theirs.getVersionFunction().apply(two)).getMessage(),
                assertThrows(YamlVersionException.class, () -> ours.getVersionFunction().apply(two)).getMessage());
    }

    @Test
    void theParserGivesTheSameEvents() {
        String text = "%YAML 1.2\n---\n# top\nservices: # here\n  web: &w {image: nginx, ports: [\"80:80\"]}\n"
                + "  db:\n    <<: *w\n    command: >\n      folded\n      text\n...\n---\n- !tag x\n- 'q'\n";
        assertEquals(events(text, built(text.length() + 2, 1000)), events(text, ParserSettings.of(text.length() + 2, 1000)));
    }

    private static List<String> events(String text, LoadSettings settings) {
        List<String> out = new ArrayList<>();
        ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
        while (parser.hasNext()) {
            Event e = parser.next();
            out.add(e + " " + e.getStartMark().map(m -> m.getIndex() + ":" + m.getLine() + ":" + m.getColumn()).orElse("-"));
        }
        return out;
    }
}
