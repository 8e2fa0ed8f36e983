package dev.composefix.testing;

import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;

/** A YAML tree as text, every node with its span, kind and style: two trees are alike when their dumps are. */
public final class TreeDump {

    private TreeDump() {
    }

    public static String of(YNode n) {
        YNode r = n == null ? null : n.resolve();
        if (r == null) {
            return "~";
        }
        if (r instanceof YMapping m) {
            StringBuilder b = new StringBuilder("{" + m.span());
            for (YEntry e : m.members()) {
                b.append(of(e.key())).append('=').append(of(e.value())).append(',');
            }
            return b.append('}').toString();
        }
        if (r instanceof YSequence s) {
            StringBuilder b = new StringBuilder("[" + s.span());
            for (YNode i : s.items()) {
                b.append(of(i)).append(',');
            }
            return b.append(']').toString();
        }
        YScalar s = (YScalar) r;
        return s.value() + "/" + s.kind() + "/" + s.style() + "@" + s.span();
    }
}
