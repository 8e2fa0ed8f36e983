package dev.composefix.yaml;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A loaded YAML tree in a compact binary form, read back without parsing YAML: the build stores the
 * YAML files composefix reads at every start (rule metadata, service kinds) this way. What is stored is
 * the tree as readers see it: merge keys applied, aliases resolved, every node with its kind, style and
 * span. Anchors, tags and comments are not kept.
 */
public final class TreeSnapshot {

    private static final byte NULL = 0;
    private static final byte SCALAR = 1;
    private static final byte MAPPING = 2;
    private static final byte SEQUENCE = 3;

    private TreeSnapshot() {
    }

    public static void write(YNode node, DataOutputStream out) throws IOException {
        YNode n = node == null ? null : node.resolve();
        if (n == null) {
            out.writeByte(NULL);
        } else if (n instanceof YScalar s) {
            out.writeByte(SCALAR);
            text(s.value(), out);
            out.writeByte(s.style().ordinal());
            out.writeByte(s.kind().ordinal());
            span(s.span(), out);
        } else if (n instanceof YMapping m) {
            out.writeByte(MAPPING);
            out.writeBoolean(m.flow());
            span(m.span(), out);
            out.writeLong(m.weight());
            out.writeInt(m.members().size());
            for (YEntry e : m.members()) {
                write(e.key(), out);
                write(e.value(), out);
            }
        } else {
            YSequence q = (YSequence) n;
            out.writeByte(SEQUENCE);
            out.writeBoolean(q.flow());
            span(q.span(), out);
            out.writeLong(q.weight());
            out.writeInt(q.items().size());
            for (YNode item : q.items()) {
                write(item, out);
            }
        }
    }

    /** The tree {@link #write} stored, its positions naming {@code source}. */
    public static YNode read(DataInputStream in, String source) throws IOException {
        byte type = in.readByte();
        switch (type) {
            case NULL -> {
                return null;
            }
            case SCALAR -> {
                String value = text(in);
                YScalar.Style style = YScalar.Style.values()[in.readByte()];
                YScalar.Kind kind = YScalar.Kind.values()[in.readByte()];
                return new YScalar(value, style, kind, span(in, source), null, null);
            }
            case MAPPING -> {
                boolean flow = in.readBoolean();
                Span span = span(in, source);
                long weight = in.readLong();
                int size = in.readInt();
                List<YEntry> entries = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    YNode key = read(in, source);
                    entries.add(new YEntry(key, read(in, source)));
                }
                return new YMapping(entries, flow, span, null, null, weight);
            }
            case SEQUENCE -> {
                boolean flow = in.readBoolean();
                Span span = span(in, source);
                long weight = in.readLong();
                int size = in.readInt();
                List<YNode> items = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    items.add(read(in, source));
                }
                return new YSequence(items, flow, span, null, null, weight);
            }
            default -> throw new IOException("not a tree snapshot (node type " + type + ")");
        }
    }

    private static void text(String s, DataOutputStream out) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String text(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void span(Span s, DataOutputStream out) throws IOException {
        for (Position p : List.of(s.start(), s.end())) {
            out.writeInt(p.line());
            out.writeInt(p.column());
            out.writeInt(p.offset());
        }
    }

    private static Span span(DataInputStream in, String source) throws IOException {
        Position start = new Position(in.readInt(), in.readInt(), in.readInt(), source);
        return new Span(start, new Position(in.readInt(), in.readInt(), in.readInt(), source));
    }
}
