package dev.composefix.yaml;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;

import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.LoadSettingsBuilder;
import org.snakeyaml.engine.v2.api.ParserSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.comments.CommentType;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.CommentEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads a YAML file into a {@link YamlDocument} with exact positions and comments. Uses SnakeYAML
 * Engine's event parser with our own composer, which keeps aliases as nodes (never expanding them),
 * rejects duplicate keys, bounds nesting depth and the expanded size of aliases, and never recurses,
 * so no input can overflow the stack.
 */
public final class YamlLoader {


    private final YamlLimits limits;

    /**
     * The parser's settings, less the two that depend on the text and the limits, one builder per thread,
     * for a SnakeYAML Engine without the constructor {@link ParserSettings} calls: a new builder makes a new
     * JSON schema with its resolver's patterns, which for each of thousands of small files cost more than
     * many of them take to parse.
     */
    private static final ThreadLocal<LoadSettingsBuilder> SETTINGS = new ThreadLocal<>() {
        @Override
        protected LoadSettingsBuilder initialValue() {
            return LoadSettings.builder()
                    .setParseComments(true)
                    .setAllowDuplicateKeys(true)
                    .setUseMarks(true);
        }
    };

    public YamlLoader(YamlLimits limits) {
        this.limits = limits;
    }

    public YamlLoader() {
        this(YamlLimits.DEFAULT);
    }

    /**
     * The core-schema type of {@code text} written as a plain scalar: null, bool, int, float or string, as
     * SnakeYAML Engine's core resolver gives it, worked out by hand: ports, versions, sizes and
     * durations start with a digit, and the resolver's regular expressions cost every one of them a
     * matcher or two (PlainKindTest holds the two to the same answers).
     */
    public static YScalar.Kind plainKind(String text) {
        int n = text.length();
        if (n == 0) {
            return YScalar.Kind.NULL;
        }
        if (n <= 4 && (n == 1 && (text.equals("~") || text.equals(" "))
                || text.equals("null") || text.equals("Null") || text.equals("NULL"))) {
            return YScalar.Kind.NULL; // the resolver tries these whatever the first character
        }
        char c = text.charAt(0);
        if ((c == 't' || c == 'T' || c == 'f' || c == 'F') && (n == 4 || n == 5)) {
            return switch (text) {
                case "true", "True", "TRUE", "false", "False", "FALSE" -> YScalar.Kind.BOOL;
                default -> YScalar.Kind.STRING;
            };
        }
        if (c == '-' || c == '+' || c == '.' || c >= '0' && c <= '9') {
            return number(text);
        }
        return YScalar.Kind.STRING;
    }

    /** An int ({@code [-+]?[0-9]+}, {@code 0o[0-7]+}, {@code 0x[0-9a-fA-F]+}), a float, or a string. */
    private static YScalar.Kind number(String s) {
        int n = s.length();
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        int digits = digits(s, i);
        if (digits > 0 && i + digits == n) {
            return YScalar.Kind.INT;
        }
        if (n > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'o' || s.charAt(1) == 'x')) {
            boolean octal = s.charAt(1) == 'o';
            int k = 2;
            while (k < n && (octal ? s.charAt(k) >= '0' && s.charAt(k) <= '7' : hex(s.charAt(k)))) {
                k++;
            }
            if (k == n) {
                return YScalar.Kind.INT;
            }
        }
        if (i < n && s.charAt(i) == '.' && n - i == 4) {
            String word = s.substring(i + 1);
            if (word.equals("inf") || word.equals("Inf") || word.equals("INF")
                    || i == 0 && (word.equals("nan") || word.equals("NaN") || word.equals("NAN"))) {
                return YScalar.Kind.FLOAT;
            }
        }
        // [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
        if (digits == 0) {
            if (i >= n || s.charAt(i) != '.' || digits(s, i + 1) == 0) {
                return YScalar.Kind.STRING;
            }
            i += 1 + digits(s, i + 1);
        } else {
            i += digits;
            if (i < n && s.charAt(i) == '.') {
                i += 1 + digits(s, i + 1);
            }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            int exponent = digits(s, i);
            if (exponent == 0) {
                return YScalar.Kind.STRING;
            }
            i += exponent;
        }
        return i == n ? YScalar.Kind.FLOAT : YScalar.Kind.STRING;
    }

    /** How many ASCII digits {@code s} has from {@code from}. */
    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** Decodes {@code bytes} as UTF-8 (with or without a byte-order mark) and parses them. */
    public YamlDocument load(byte[] bytes) throws YamlException {
        return load(null, bytes);
    }

    /** Like {@link #load(byte[])}, with every position naming {@code source} (the file as the user gave it). */
    public YamlDocument load(String source, byte[] bytes) throws YamlException {
        if (bytes.length > limits.maxBytes()) {
            throw new YamlException("file is over the limit of " + limits.maxBytes() + " bytes"
                    + " (--max-file-size raises it)", new Position(1, 1, 0, source));
        }
        rejectOtherEncodings(bytes);
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
        String text = decodeUtf8(bytes, bom ? 3 : 0, source);
        return parse(text, bom, source);
    }

    /** Parses text that is already decoded (a leading U+FEFF is treated as a byte-order mark). */
    public YamlDocument load(String text) throws YamlException {
        return load(null, text);
    }

    /** Like {@link #load(String)}, with every position naming {@code source}. */
    public YamlDocument load(String source, String text) throws YamlException {
        boolean bom = text.startsWith("\uFEFF");
        if (text.length() > limits.maxBytes()) {
            throw new YamlException("text is " + text.length() + " characters, over the limit of "
                    + limits.maxBytes() + " (--max-file-size raises it)", new Position(1, 1, 0, source));
        }
        return parse(bom ? text.substring(1) : text, bom, source);
    }

    private static void rejectOtherEncodings(byte[] b) throws YamlException {
        Position start = new Position(1, 1, 0);
        if (b.length >= 4 && ((b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF)
                || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0))) {
            throw new YamlException("file is encoded in UTF-32; composefix reads UTF-8 only", start);
        }
        if (b.length >= 2 && (((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)
                || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE))) {
            throw new YamlException("file is encoded in UTF-16; composefix reads UTF-8 only", start);
        }
        if (b.length >= 2 && (b[0] == 0) != (b[1] == 0)) {
            throw new YamlException("file looks UTF-16 or UTF-32 encoded (NUL bytes between characters); "
                    + "composefix reads UTF-8 only", start);
        }
    }

    private static String decodeUtf8(byte[] bytes, int from, String source) throws YamlException {
        int i = from;
        while (i < bytes.length && bytes[i] >= 0) {
            i++;
        }
        if (i == bytes.length) {
            // All ASCII (most files): each byte is its character, and the string is made from them in one
            // copy instead of through a decoder and a char buffer.
            return new String(bytes, from, bytes.length - from, StandardCharsets.ISO_8859_1);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate(bytes.length - from + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            int bad = in.position();
            out.flip();
            String before = out.toString();
            LineMap lm = new LineMap(before, source);
            Position p = lm.at(before.length());
            throw new YamlException(String.format("invalid UTF-8: byte 0x%02X at byte offset %d",
                    bytes[bad] & 0xFF, bad), p);
        }
        out.flip();
        return out.toString();
    }

    private YamlDocument parse(String text, boolean bom, String source) throws YamlException {
        LineMap lines = new LineMap(text, source);
        rejectControlCharacters(text, lines);
        // A key takes at least two characters, so only a text this long can hold too many keys or too
        // long a value; counting and measuring them first refuses it at once instead of after the
        // parser has gone through all of it.
        if (text.length() > Math.min(2L * limits.maxKeys(), limits.maxScalarLength())) {
            Prescan.Excess excess = Prescan.check(text, limits.maxKeys(), limits.maxScalarLength());
            if (excess != null) {
                throw new YamlException(excess.message(), lines.at(excess.offset()));
            }
        }
        if (text.length() >= SplitParse.FROM) {
            YamlDocument split = SplitParse.parse(this, text, bom, lines);
            if (split != null) {
                return split;
            }
        }
        return whole(text, bom, lines);
    }

    /** Parses the whole text on this thread (what {@link SplitParse} is tested against). */
    YamlDocument whole(String text, boolean bom, LineMap lines) throws YamlException {
        Composer composer = new Composer(lines, text, Shift.NONE);
        try {
            run(text, composer);
        } catch (MarkedYamlEngineException e) {
            java.util.Optional<Mark> mark = e.getProblemMark();
            if (mark.isEmpty()) {
                mark = e.getContextMark();
            }
            Position p = mark.isPresent() ? composer.position(mark.get()) : lines.at(0);
            throw new YamlException(describe(e), p);
        } catch (ReaderException e) {
            throw new YamlException("character U+" + String.format("%04X", e.getCodePoint())
                    + " is not allowed in YAML", lines.at(lines.charOffset(e.getPosition())));
        } catch (YamlException e) {
            throw e;
        } catch (org.snakeyaml.engine.v2.exceptions.YamlVersionException e) {
            throw new YamlException("YAML " + e.getSpecVersion().getRepresentation()
                    + " is not supported: composefix reads YAML 1.x", lines.at(versionDirective(text)));
        } catch (RuntimeException | StackOverflowError e) {
            // A fault inside the YAML library on odd input is still the input's problem to the user.
            Event last = composer.last;
            java.util.Optional<Mark> mark = last == null ? java.util.Optional.empty() : last.getStartMark();
            Position p = mark.isPresent() ? composer.position(mark.get()) : lines.at(0);
            throw new YamlException("YAML parser failed: " + e, p);
        }
        return new YamlDocument(text, bom, composer.root, composer.comments, lines);
    }

    /**
     * Where the first {@code %YAML} directive naming a version other than 1.x starts: a line of its own that
     * starts with {@code %YAML}, then white space and the version (0 when there is none such).
     */
    static int versionDirective(String text) {
        for (int at = 0; at < text.length(); ) {
            int end = text.indexOf('\n', at);
            end = end < 0 ? text.length() : end;
            if (text.startsWith("%YAML", at)) {
                String version = text.substring(at + 5, end).strip();
                if (!version.startsWith("1.")) {
                    return at;
                }
            }
            at = end + 1;
        }
        return 0;
    }

    /** Feeds the events of {@code text} (the whole file, or a part of it) to {@code composer}. */
    private void run(String text, Composer composer) throws YamlException {
        int codePointLimit = Math.max(limits.maxBytes(), 1) + 1;
        // The whole text in one buffer: SnakeYAML Engine 3.2 copies its window on every refill, so with
        // the default 1 KiB buffer a long scalar costs time quadratic in its length.
        int bufferSize = text.length() + 2;
        LoadSettings settings = ParserSettings.of(bufferSize, codePointLimit);
        if (settings == null) {
            settings = SETTINGS.get().setCodePointLimit(codePointLimit).setBufferSize(bufferSize).build();
        }
        Parser parser = new ParserImpl(settings, new StreamReader(settings, text));
        while (parser.hasNext()) {
            composer.last = parser.next();
            composer.accept(composer.last);
        }
    }

    /**
     * Where a part of a file sits in the whole: marks from {@code from} on (a code-point index into the
     * part) lie {@code codePoints} code points further on in the file.
     */
    record Shift(int from, int codePoints) {
        static final Shift NONE = new Shift(Integer.MAX_VALUE, 0);
    }

    /**
     * What parsing a part of a file gave ({@link SplitParse}): its root, its comments, how many keys it
     * has, and whether it defines an anchor or uses an alias.
     */
    record Part(YNode root, List<YComment> comments, int keys, boolean anchors, boolean aliases) {
    }

    /**
     * Parses {@code part}, a piece of {@code lines}' text, into nodes positioned in the whole text; its
     * collections lie {@code depth} levels deeper in the whole than in the part. Any failure is thrown:
     * the caller then parses the whole text, which says what is wrong where.
     */
    Part parsePart(String part, LineMap lines, Shift shift, int depth) throws YamlException {
        Composer composer = new Composer(lines, lines.text(), shift);
        composer.depth = depth;
        run(part, composer);
        return new Part(composer.root, composer.comments, composer.keys, !composer.anchors.isEmpty(),
                composer.aliases);
    }

    YamlLimits limits() {
        return limits;
    }

    /** {@code a + b} for node weights, held at a large value instead of overflowing. */
    static long saturatingAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE / 2 : r;
    }

    private static String describe(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem().strip();
        String context = e.getContext();
        String text = context != null && !context.isBlank() ? problem + " (" + context.strip() + ")" : problem;
        if (problem.startsWith("expected <block end>") || problem.startsWith("mapping values are not allowed")
                || problem.startsWith("did not find expected")) {
            text += "; check the indentation of this line and the one above";
        }
        return text;
    }

    /** NUL bytes and lone carriage returns would be misread silently; name them instead. */
    private static void rejectControlCharacters(String text, LineMap lines) throws YamlException {
        int from = lines.firstUnusual(); // every character before it passes the test below
        if (from < 0) {
            return;
        }
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= ' ' && c < '\u0085') {
                continue;
            }
            if (c == 0) {
                throw new YamlException("NUL character in the file", lines.at(i));
            }
            if (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                throw new YamlException("carriage return without a line feed (old Mac line ending); "
                        + "use LF or CRLF line endings", lines.at(i));
            }
            if (c == '\u0085' || c == '\u2028' || c == '\u2029') {
                // Compose's YAML reader breaks lines at these, SnakeYAML Engine at NEL only and not
                // everywhere: the file would mean one thing to Compose and another to composefix.
                throw new YamlException(String.format("U+%04X (%s) in the file: YAML readers disagree on whether "
                        + "it ends a line; use a line feed, or write it as an escape in a double-quoted string",
                        (int) c, c == '\u0085' ? "next line" : c == '\u2028' ? "line separator"
                                : "paragraph separator"), lines.at(i));
            }
        }
    }

    /** Builds nodes from events with an explicit stack. */
    private final class Composer {
        private final LineMap lines;
        private final String text;
        private final List<Frame> stack = new ArrayList<>();
        private final Map<String, YNode> anchors = new HashMap<>();
        private final List<YComment> comments = new ArrayList<>();
        private final Shift shift;
        private YNode root;
        private int documents;
        private int keys;
        private Position secondDocument;
        /** How many levels the part's collections lie deeper in the whole file (0 for the whole file). */
        private int depth;
        private boolean aliases;
        /** The event being composed, for a failure's position. */
        private Event last;
        /**
         * One string for each short text written more than once (keys such as {@code image} or
         * {@code interval}, values such as {@code 512M}): the parser makes a new one for every scalar,
         * and a tree of 10,000 services held 100,000 copies of a few dozen keys, which every young
         * collection copied while the tree was being built. Bounded: texts past the first
         * {@link #SHARED_KEPT} distinct ones are kept as the parser made them.
         */
        private final Map<String, String> shared = new HashMap<>();

        Composer(LineMap lines, String text, Shift shift) {
            this.lines = lines;
            this.text = text;
            this.shift = shift;
        }

        /** The position of a mark, in the whole text (its line and column: see {@link #span}). */
        Position position(Mark m) {
            return lines.at(offset(m));
        }

        /** The char offset of a mark, in the whole text. */
        int offset(Mark m) {
            int index = m.getIndex();
            return lines.charOffset(index >= shift.from() ? index + shift.codePoints() : index);
        }

        /**
         * The event's span, as offsets whose positions the line map makes when asked: the line and column
         * of a mark are those of its offset, as the loader accepts only line feeds (alone or after a
         * carriage return) as line breaks, and both count columns in code points.
         */
        Span span(Event e) {
            // Every event has its marks (useMarks is on); the start of the text stands in otherwise.
            java.util.Optional<Mark> startMark = e.getStartMark();
            int s = startMark.isPresent() ? offset(startMark.get()) : 0;
            java.util.Optional<Mark> endMark = e.getEndMark();
            int end = endMark.isPresent() ? offset(endMark.get()) : s;
            return Span.of(lines, s, Math.max(s, end));
        }

        void accept(Event e) throws YamlException {
            switch (e.getEventId()) {
                case DocumentStart -> {
                    documents++;
                    if (documents > limits.maxDocuments()) {
                        throw new YamlException("more than " + limits.maxDocuments() + " YAML documents in the file",
                                span(e).start());
                    }
                    if (documents == 2) {
                        secondDocument = span(e).start();
                    }
                }
                case Scalar -> scalar((ScalarEvent) e);
                case SequenceStart, MappingStart -> open((CollectionStartEvent) e);
                case SequenceEnd, MappingEnd -> close(e);
                case Alias -> alias((AliasEvent) e);
                case Comment -> comment((CommentEvent) e);
                default -> { }
            }
        }

        private void scalar(ScalarEvent e) throws YamlException {
            YScalar.Style style = switch (e.getScalarStyle()) {
                case SINGLE_QUOTED -> YScalar.Style.SINGLE_QUOTED;
                case DOUBLE_QUOTED, JSON_SCALAR_STYLE -> YScalar.Style.DOUBLE_QUOTED;
                case LITERAL -> YScalar.Style.LITERAL;
                case FOLDED -> YScalar.Style.FOLDED;
                default -> YScalar.Style.PLAIN;
            };
            if (e.getValue().length() > limits.maxScalarLength()) {
                throw new YamlException("a value over the limit of " + limits.maxScalarLength() + " characters (it has "
                        + e.getValue().length() + ")", span(e).start());
            }
            String tag = e.getTag().orElse(null);
            YScalar.Kind kind = kind(e.getValue(), style, tag);
            Span span = span(e);
            if (style == YScalar.Style.PLAIN && e.getValue().isEmpty() && span.startOffset() == span.endOffset()) {
                span = emptyScalarSpan(span);
            }
            YScalar node = new YScalar(share(e.getValue()), style, kind, span, anchorOf(e), tag);
            complete(node);
        }

        private static final int SHARED_KEPT = 4096;
        private static final int SHARED_LONGEST = 24;

        private String share(String value) {
            if (value.length() > SHARED_LONGEST) {
                return value;
            }
            String first = shared.get(value);
            if (first != null) {
                return first;
            }
            if (shared.size() < SHARED_KEPT) {
                shared.put(value, value);
            }
            return value;
        }

        private YScalar.Kind kind(String value, YScalar.Style style, String tag) {
            if (tag != null) {
                switch (tag) {
                    case "tag:yaml.org,2002:str": return YScalar.Kind.STRING;
                    case "tag:yaml.org,2002:int": return YScalar.Kind.INT;
                    case "tag:yaml.org,2002:float": return YScalar.Kind.FLOAT;
                    case "tag:yaml.org,2002:bool": return YScalar.Kind.BOOL;
                    case "tag:yaml.org,2002:null": return YScalar.Kind.NULL;
                    default: break;
                }
            }
            if (style != YScalar.Style.PLAIN) {
                return YScalar.Kind.STRING;
            }
            return plainKind(value);
        }

        /**
         * SnakeYAML places an empty value ({@code key:} with nothing after it) at the next token, which
         * may be lines further down; place it right after its key's colon (or its item's dash) instead,
         * so the enclosing collection ends where its text ends.
         */
        private Span emptyScalarSpan(Span reported) {
            if (stack.isEmpty()) {
                return reported;
            }
            Frame f = stack.get(stack.size() - 1);
            int from = f.lastEnd >= 0 ? f.lastEnd : f.span.startOffset();
            char indicator = f.mapping ? ':' : '-';
            int limit = Math.max(from, reported.startOffset());
            for (int i = from; i < limit && i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == indicator) {
                    return Span.of(lines, i + 1, i + 1);
                }
                if (c == '#') {
                    break;
                }
            }
            return reported;
        }

        private String anchorOf(NodeEvent e) {
            java.util.Optional<Anchor> anchor = e.getAnchor();
            return anchor.isPresent() ? anchor.get().getValue() : null;
        }

        private void open(CollectionStartEvent e) throws YamlException {
            if (stack.size() + depth >= limits.maxDepth()) {
                throw new YamlException("collections nested deeper than " + limits.maxDepth() + " levels",
                        span(e).start());
            }
            stack.add(new Frame(e, span(e), anchorOf(e), e.getTag().orElse(null),
                    e.getEventId() == Event.ID.MappingStart));
        }

        private void close(Event e) throws YamlException {
            Frame f = stack.remove(stack.size() - 1);
            int end;
            if (f.flow) {
                end = span(e).endOffset();
            } else if (f.lastEnd >= 0) {
                end = f.lastEnd;
            } else {
                end = f.span.endOffset();
            }
            Span span = Span.of(lines, f.span.startOffset(), Math.max(end, f.span.startOffset()));
            YNode node;
            if (f.mapping) {
                node = new YMapping(f.entries, f.flow, span, f.anchor, f.tag, f.weight);
            } else {
                node = new YSequence(f.items, f.flow, span, f.anchor, f.tag, f.weight);
            }
            complete(node);
        }

        private void alias(AliasEvent e) throws YamlException {
            aliases = true;
            String name = e.getAlias().getValue();
            YNode target = anchors.get(name);
            Span span = span(e);
            if (target == null) {
                for (Frame f : stack) {
                    if (name.equals(f.anchor)) {
                        throw new YamlException("alias *" + name + " refers to a node that contains it",
                                span.start());
                    }
                }
                throw new YamlException("alias *" + name + " refers to no anchor defined before it",
                        span.start());
            }
            complete(new YAlias(name, target, span));
        }

        private void comment(CommentEvent e) {
            if (e.getCommentType() == CommentType.BLANK_LINE) {
                return;
            }
            Span span = span(e);
            int lineStart = lines.lineStart(span.start().line());
            boolean ownLine = text.substring(lineStart, span.start().offset()).isBlank();
            comments.add(new YComment(e.getValue(), span, ownLine));
        }

        private void complete(YNode node) throws YamlException {
            if (!stack.isEmpty() && stack.get(stack.size() - 1).mapping
                    && stack.get(stack.size() - 1).pendingKey == null && ++keys > limits.maxKeys()) {
                throw new YamlException("more than " + limits.maxKeys() + " keys in the file", node.start());
            }
            if (node.weight() > limits.maxExpandedNodes()) {
                throw new YamlException("aliases expand to more than " + limits.maxExpandedNodes()
                        + " nodes (an alias bomb?)", node.start());
            }
            if (node.anchor() != null) {
                anchors.put(node.anchor(), node);
            }
            if (stack.isEmpty()) {
                if (documents <= 1) {
                    root = node;
                } else if (!(node instanceof YScalar s && s.isNull() && s.anchor() == null)) {
                    throw new YamlException("a second YAML document starts here; a compose file holds one "
                            + "document", secondDocument == null ? node.start() : secondDocument);
                }
                return;
            }
            stack.get(stack.size() - 1).add(node);
        }
    }

    /** A collection under construction. */
    private static final class Frame {
        final Span span;
        final String anchor;
        final String tag;
        final boolean mapping;
        final boolean flow;
        final List<YEntry> entries = new ArrayList<>();
        final List<YNode> items = new ArrayList<>();
        /**
         * The mapping's scalar keys by text, to find one twice: made once it has more than
         * {@link #SCANNED_KEYS} entries (a smaller one is searched entry by entry, and most mappings are small).
         */
        Map<String, YNode> keys;
        YNode pendingKey;
        /** The end offset of the last node added, or -1. */
        int lastEnd = -1;
        long weight = 1;

        Frame(CollectionStartEvent e, Span span, String anchor, String tag, boolean mapping) {
            this.span = span;
            this.anchor = anchor;
            this.tag = tag;
            this.mapping = mapping;
            this.flow = e.isFlow();
        }

        void add(YNode node) throws YamlException {
            weight = saturatingAdd(weight, node.weight());
            lastEnd = node.span().endOffset();
            if (!mapping) {
                items.add(node);
            } else if (pendingKey == null) {
                if (node.resolve() instanceof YScalar s) {
                    YNode first = firstKey(s.value(), node);
                    if (first != null) {
                        throw new YamlException("duplicate key '" + s.value() + "' (first defined at line "
                                + first.start().line() + ")", node.start());
                    }
                }
                pendingKey = node;
            } else {
                entries.add(new YEntry(pendingKey, node));
                pendingKey = null;
            }
        }

        private static final int SCANNED_KEYS = 8;

        /** The key written as {@code text} before {@code key} in this mapping, or null (then {@code key} is noted). */
        private YNode firstKey(String text, YNode key) {
            if (keys == null) {
                for (int i = 0, n = entries.size(); i < n; i++) {
                    if (text.equals(entries.get(i).keyText())) {
                        return entries.get(i).key();
                    }
                }
                if (entries.size() < SCANNED_KEYS) {
                    return null;
                }
                keys = new HashMap<>();
                for (YEntry e : entries) {
                    String k = e.keyText();
                    if (k != null) {
                        keys.putIfAbsent(k, e.key());
                    }
                }
            }
            return keys.putIfAbsent(text, key);
        }
    }

}
