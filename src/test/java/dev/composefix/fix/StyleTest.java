package dev.composefix.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.testing.ComposeStackGenerator;
import dev.composefix.testing.SharedData;
import dev.composefix.testing.YamlishText;
import dev.composefix.yaml.Span;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;
import dev.composefix.yaml.YamlDocument;
import dev.composefix.yaml.YamlException;
import dev.composefix.yaml.YamlLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A file's habits as the editor reads them ({@link YamlEditor.Style#of}) are those the plain walk below reads,
 * the one it replaced (every node pushed and popped, lines compared by binary search), on every corpus file,
 * on generated stacks in their several styles and on YAML-like texts; files under the walk's cap of nodes
 * visit the same nodes in another order, so the counts are the same.
 */
class StyleTest {

    @Test
    void corpusFilesHaveTheHabitsThePlainWalkFinds() throws Exception {
        int checked = 0;
        for (Path file : SharedData.corpusFiles().toList()) {
            YamlDocument doc;
            try {
                doc = new YamlLoader().load(Files.readAllBytes(file));
            } catch (YamlException e) {
                continue;
            }
            assertEquals(plainWalk(doc), YamlEditor.Style.of(doc), file.toString());
            checked++;
        }
        assertTrue(checked > 250, "corpus files checked: " + checked);
    }

    @Test
    void generatedTextsHaveTheHabitsThePlainWalkFinds() {
        int checked = 0;
        for (long seed = 0; seed < 1_500; seed++) {
            String text = seed % 3 == 0 ? YamlishText.generate(seed) : ComposeStackGenerator.generate(seed);
            YamlDocument doc;
            try {
                doc = new YamlLoader().load(text);
            } catch (YamlException e) {
                continue;
            }
            assertEquals(plainWalk(doc), YamlEditor.Style.of(doc), "seed " + seed);
            checked++;
        }
        assertTrue(checked > 1_000, "generated texts checked: " + checked);
    }

    /** The walk Style.of did before: what it must still find. */
    private static YamlEditor.Style plainWalk(YamlDocument doc) {
        int[] units = new int[9];
        int indented = 0;
        int flush = 0;
        int singles = 0;
        int doubles = 0;
        List<YNode> stack = new ArrayList<>();
        if (doc.root() != null) {
            stack.add(doc.root());
        }
        while (!stack.isEmpty()) {
            YNode n = stack.remove(stack.size() - 1);
            if (n instanceof YMapping m) {
                boolean block = !m.flow();
                for (YEntry e : m.entries()) {
                    YNode v = e.value();
                    if (block && v instanceof YMapping child) {
                        if (!child.flow() && !child.entries().isEmpty()) {
                            Span key = e.key().span();
                            if (child.span().startLine() > key.startLine()) {
                                int d = child.entries().get(0).key().span().startColumn() - key.startColumn();
                                if (d > 0 && d < units.length) {
                                    units[d]++;
                                }
                            }
                        }
                    } else if (block && v instanceof YSequence seq && !seq.flow() && !seq.items().isEmpty()) {
                        int dashCol = seq.items().get(0).span().startColumn() - 2;
                        if (dashCol > e.key().span().startColumn()) {
                            indented++;
                        } else {
                            flush++;
                        }
                    }
                    stack.add(v);
                }
            } else if (n instanceof YSequence s) {
                stack.addAll(s.items());
            } else if (n instanceof YScalar s) {
                if (s.style() == YScalar.Style.SINGLE_QUOTED) {
                    singles++;
                } else if (s.style() == YScalar.Style.DOUBLE_QUOTED) {
                    doubles++;
                }
            }
        }
        int unit = 2;
        for (int d = 1; d < units.length; d++) {
            if (units[d] > units[unit]) {
                unit = d;
            }
        }
        return new YamlEditor.Style(unit, indented >= flush, singles > doubles ? '\'' : '"');
    }
}
