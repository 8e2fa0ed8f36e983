package dev.composefix.script;

import dev.composefix.yaml.LineMap;
import dev.composefix.shell.ParsedScript;
import dev.composefix.shell.ShellScript;
import dev.composefix.yaml.Position;
import dev.composefix.yaml.Span;
import dev.composefix.yaml.YComment;
import dev.composefix.yaml.YamlDocument;
import dev.composefix.yaml.YamlException;
import dev.composefix.yaml.YamlLoader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a file of a {@link ScriptKind} into the commands it runs. */
public final class ScriptLoader {

    /**
     * Larger files are not read: a Python or JavaScript file this big is a generated bundle and has no
     * commands; a shell, Makefile, CI or package.json file this big is a parse error.
     */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    private ScriptLoader() {
    }

    /**
     * Reads {@code bytes} (UTF-8, with or without a byte order mark) as {@code kind}; {@code display} names the
     * file in positions and messages.
     *
     * @throws ScriptException when a YAML or JSON file does not parse, or the file is not UTF-8 text
     */
    public static ScriptFile load(String display, ScriptKind kind, byte[] bytes) throws ScriptException {
        if (bytes.length > MAX_BYTES && (kind == ScriptKind.PYTHON || kind == ScriptKind.JAVASCRIPT)) {
            // a generated bundle, not code anyone writes docker calls in: nothing to read
            return new ScriptFile(display, kind, "", false, new LineMap("", display), List.of(), List.of(),
                    List.of(), List.of());
        }
        if (bytes.length > MAX_BYTES) {
            throw new ScriptException("file is " + bytes.length + " bytes, over the limit of " + MAX_BYTES
                    + " bytes for scripts", new Position(1, 1, 0, display));
        }
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, bom ? 3 : 0, bytes.length - (bom ? 3 : 0))).toString();
        } catch (CharacterCodingException e) {
            throw new ScriptException("not UTF-8 text", new Position(1, 1, 0, display));
        }
        return load(display, kind, text, bom);
    }

    /** Reads already decoded text (without a byte order mark). */
    public static ScriptFile load(String display, ScriptKind kind, String text, boolean bom) throws ScriptException {
        List<ShellSnippet> snippets = new ArrayList<>();
        List<ArgvSnippet> argvs = new ArrayList<>();
        LineMap lines = new LineMap(text, display);
        Comments comments = new Comments(text, lines);
        switch (kind) {
            case SHELL -> snippets.add(ShellSnippet.verbatim(text, 0));
            case MAKEFILE -> {
                snippets.addAll(MakefileSource.read(text));
                comments.makeCommentLines();
            }
            case GITHUB_ACTIONS, GITLAB_CI -> {
                YamlDocument doc = yaml(display, text);
                if (kind == ScriptKind.GITHUB_ACTIONS) {
                    CiYamlSource.github(doc, snippets);
                } else {
                    CiYamlSource.gitlab(doc, snippets);
                }
                doc.comments().forEach(comments::add);
            }
            case PACKAGE_JSON -> PackageJsonSource.read(text, snippets);
            case PYTHON, JAVASCRIPT -> {
                CodeLexer.Language language = kind == ScriptKind.PYTHON ? CodeLexer.Language.PYTHON
                        : CodeLexer.Language.JAVASCRIPT;
                for (int[] c : CallScanner.scan(text, language, snippets, argvs)) {
                    comments.add(c[0], c[1], c[2]);
                }
            }
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
        List<ParsedScript> parses = new ArrayList<>(snippets.size());
        boolean shellComments = kind != ScriptKind.PYTHON && kind != ScriptKind.JAVASCRIPT
                && kind != ScriptKind.PACKAGE_JSON;
        for (ShellSnippet s : snippets) {
            ParsedScript parsed = ShellScript.parseScript(s.text());
            parses.add(parsed);
            if (shellComments) {
                comments.shell(s, parsed);
            }
        }
        return new ScriptFile(display, kind, text, bom, lines, snippets, parses, argvs, comments.sorted());
    }

    /** The comments of a file, each once (by where it starts). */
    private static final class Comments {
        private final String text;
        private final LineMap lines;
        private final java.util.TreeMap<Integer, YComment> byStart = new java.util.TreeMap<>();

        Comments(String text, LineMap lines) {
            this.text = text;
            this.lines = lines;
        }

        void add(YComment c) {
            byStart.putIfAbsent(c.span().start().offset(), c);
        }

        /** A comment whose marker starts at {@code from} and whose text is {@code [textFrom, to)}. */
        void add(int from, int textFrom, int to) {
            int lineStart = text.lastIndexOf('\n', from - 1) + 1;
            boolean own = text.substring(lineStart, from).isBlank();
            add(new YComment(text.substring(textFrom, to), new Span(lines.at(from), lines.at(to)), own));
        }

        /** The shell comments of a shell text, where the file holds them as written. */
        void shell(ShellSnippet s, ParsedScript parsed) {
            for (int[] c : parsed.comments()) {
                int from = s.start(c[0]);
                int to = s.end(c[1]);
                if (from < to && to <= text.length() && text.charAt(from) == '#'
                        && text.substring(from + 1, to).equals(s.text().substring(c[0] + 1, c[1]))) {
                    add(from, from + 1, to); // a comment read through escapes or folding is not one of the file's
                }
            }
        }

        /** Makefile lines that hold only a comment (make's own, outside recipes). */
        void makeCommentLines() {
            for (int line = 1; line <= lines.lineCount(); line++) {
                String l = lines.line(line);
                String t = l.stripLeading();
                if (t.startsWith("#")) {
                    int from = lines.lineStart(line) + (l.length() - t.length());
                    int end = from + t.length();
                    if (t.endsWith("\r")) {
                        end--;
                    }
                    add(from, from + 1, end);
                }
            }
        }

        List<YComment> sorted() {
            return new ArrayList<>(byStart.values());
        }
    }

    private static YamlDocument yaml(String display, String text) throws ScriptException {
        try {
            return new YamlLoader().load(display, text);
        } catch (YamlException e) {
            throw new ScriptException(e.getMessage(), e.position());
        }
    }
}
