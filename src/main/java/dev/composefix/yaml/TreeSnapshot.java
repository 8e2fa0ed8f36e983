package dev.composefix.yaml;

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

    /**
     * The bytes {@link #write} wrote, read in place: a start decodes its index this way, as plain array
     * arithmetic (the interpreter runs it; stream reads cost several calls, some synchronized, a byte).
     * Numbers are big-endian, as {@link DataOutputStream} writes them.
     */
    public static final class Reader {
        private final byte[] bytes;
        private int at;

        public Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        public int readByte() throws IOException {
            if (at >= bytes.length) {
                throw new IOException("the snapshot ends early");
            }
            return bytes[at++];
        }

        public int readInt() throws IOException {
            if (at + 4 > bytes.length) {
                throw new IOException("the snapshot ends early");
            }
            byte[] b = bytes;
            int i = at;
            at = i + 4;
            return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | b[i + 3] & 0xFF;
        }

        long readLong() throws IOException {
            return (long) readInt() << 32 | readInt() & 0xFFFF_FFFFL;
        }

        /** A string {@link #text(String, DataOutputStream)} wrote: its UTF-8 length, then its bytes. */
        public String readText() throws IOException {
            int length = readInt();
            if (length < 0 || at + length > bytes.length) {
                throw new IOException("the snapshot ends early");
            }
            String s = new String(bytes, at, length, StandardCharsets.UTF_8);
            at += length;
            return s;
        }
    }

    /** The tree {@link #write} stored, its positions naming {@code source}. */
    public static YNode read(Reader in, String source) throws IOException {
        int type = in.readByte();
        switch (type) {
            case NULL -> {
                return null;
            }
            case SCALAR -> {
                String value = in.readText();
                YScalar.Style style = STYLES[in.readByte()];
                YScalar.Kind kind = KINDS[in.readByte()];
                return new YScalar(value, style, kind, span(in, source), null, null);
            }
            case MAPPING -> {
                boolean flow = in.readByte() != 0;
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
                boolean flow = in.readByte() != 0;
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

    /** The enumerations' values, made once (each {@code values()} call copies its array). */
    private static final YScalar.Style[] STYLES = YScalar.Style.values();
    private static final YScalar.Kind[] KINDS = YScalar.Kind.values();

    /** Writes {@code s} as {@link Reader#readText} reads it. */
    public static void text(String s, DataOutputStream out) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void span(Span s, DataOutputStream out) throws IOException {
        for (Position p : List.of(s.start(), s.end())) {
            out.writeInt(p.line());
            out.writeInt(p.column());
            out.writeInt(p.offset());
        }
    }

    private static Span span(Reader in, String source) throws IOException {
        Position start = new Position(in.readInt(), in.readInt(), in.readInt(), source);
        return new Span(start, new Position(in.readInt(), in.readInt(), in.readInt(), source));
    }
}
