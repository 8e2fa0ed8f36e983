package dev.composefix.shell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A tolerant POSIX-ish shell parser that keeps only what a linter needs: the simple commands, their words and
 * offsets, and the loops around them. It never throws; what it cannot make sense of it skips.
 */
final class ScriptParser {
    /** Deepest nesting of {@code $(..)}, {@code ${..}}, backticks and {@code sh -c} that is parsed. */
    static final int MAX_NESTING = 40;
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\[[^\\]]*\\])?\\+?=.*",
            Pattern.DOTALL);

    /** The compound commands that enclose the current position. */
    private enum Frame { SUBSHELL, BRACE, IF, LOOP, CASE }

    private record HereDoc(String delimiter, boolean stripTabs) {
    }

    private final SourceCursor in;
    private final WordLexer lexer;
    private final int nesting;
    private final List<SimpleCommand> out = new ArrayList<>();
    private final List<ShellLoop> loops = new ArrayList<>();
    private final List<int[]> comments = new ArrayList<>();
    private final List<HereDoc> hereDocs = new ArrayList<>();
    private int depth;

    private ScriptParser(String src, int nesting) {
        this.in = new SourceCursor(src);
        this.lexer = new WordLexer(in, this);
        this.nesting = nesting;
    }

    /**
     * Parses {@code src}; commands come back in source order with offsets into {@code src}.
     *
     * @param loopDepth loops that enclose the whole text
     * @param nesting how deep this text already sits inside other texts
     */
    static List<SimpleCommand> parse(String src, int loopDepth, int nesting) {
        return parseScript(src, loopDepth, nesting).commands();
    }

    /** Like {@link #parse}, with the loops of the text (in order of their start). */
    static ParsedScript parseScript(String src, int loopDepth, int nesting) {
        ScriptParser parser = new ScriptParser(src, nesting);
        parser.parseList(false, loopDepth);
        List<SimpleCommand> commands = new ArrayList<>(parser.out);
        commands.sort(COMMANDS_BY_START);
        List<ShellLoop> loops = new ArrayList<>(parser.loops);
        loops.sort(LOOPS_BY_START);
        return new ParsedScript(commands, loops, parser.comments);
    }

    /** At {@code #}: skips the comment and records where it is. */
    private void comment() {
        int from = in.pos;
        in.skipComment();
        comments.add(new int[] {from, in.pos});
    }

    // ---- services for the word lexer ------------------------------------------------------------------------

    /** Enters one more level of nesting; false (and nothing entered) when the limit is reached. */
    boolean enterNested() {
        if (nesting + depth >= MAX_NESTING) {
            return false;
        }
        depth++;
        return true;
    }

    void leaveNested() {
        depth--;
    }

    /** Parses the commands of a {@code $(..)} body, stopping at its unmatched {@code )} (left unread). */
    void parseUntilParen(int loop) {
        parseList(true, loop);
    }

    /** Parses {@code text} (a backtick body or a {@code sh -c} script) as a script of its own. */
    void parseEmbedded(Word text, int loop) {
        if (nesting + depth >= MAX_NESTING) {
            return;
        }
        OffsetMap map = text.offsetMap();
        ParsedScript inner = parseScript(text.text(), loop, nesting + depth + 1);
        for (SimpleCommand command : inner.commands()) {
            out.add(map.remap(command));
        }
        for (ShellLoop l : inner.loops()) {
            loops.add(new ShellLoop(l.keyword(), map.start(l.start()), map.start(l.bodyStart()), map.end(l.end()),
                    l.variable(), l.bounded()));
        }
    }

    // ---- command lists --------------------------------------------------------------------------------------

    /** Parses commands until end of input or, with {@code untilParen}, an unmatched {@code )} (left unread). */
    private void parseList(boolean untilParen, int baseLoop) {
        Deque<Frame> frames = new ArrayDeque<>();
        Deque<ShellLoop.Builder> open = new ArrayDeque<>();
        try {
            parseList(untilParen, baseLoop, frames, open);
        } finally {
            while (!open.isEmpty()) {
                loops.add(open.pop().close(in.pos, in.src, out)); // a loop left open ends with the text
            }
        }
    }

    private void parseList(boolean untilParen, int baseLoop, Deque<Frame> frames, Deque<ShellLoop.Builder> open) {
        while (true) {
            in.skipBlanks();
            if (in.atEnd()) {
                return;
            }
            switch (in.peek()) {
                case '#':
                    comment();
                    break;
                case '\n':
                    in.pos++;
                    readHereDocs();
                    break;
                case ';': {
                    boolean caseEnd = in.at(";;") || in.at(";&");
                    in.pos += in.at(";;&") ? 3 : caseEnd ? 2 : 1;
                    if (caseEnd && frames.contains(Frame.CASE)) {
                        while (frames.peek() != Frame.CASE) {
                            frames.pop();
                        }
                        parseCasePatterns(frames, loopDepth(baseLoop, frames));
                    }
                    break;
                }
                case '|':
                    in.pos += in.at("||") || in.at("|&") ? 2 : 1;
                    break;
                case '&':
                    if (in.at("&>")) {
                        parseCommand(frames, open, baseLoop);
                    } else {
                        in.pos += in.at("&&") ? 2 : 1;
                    }
                    break;
                case ')':
                    if (frames.contains(Frame.SUBSHELL)) {
                        popThrough(frames, Frame.SUBSHELL);
                        in.pos++;
                    } else if (untilParen) {
                        return;
                    } else {
                        in.pos++;
                    }
                    break;
                case '(':
                    if (in.at("((") && lexer.isArithmetic(in.pos)) {
                        lexer.scanBalanced(loopDepth(baseLoop, frames));
                    } else {
                        in.pos++;
                        frames.push(Frame.SUBSHELL);
                    }
                    break;
                default: {
                    int before = in.pos;
                    parseCommand(frames, open, baseLoop);
                    if (in.pos == before) {
                        in.pos++;
                    }
                }
            }
        }
    }

    private static int loopDepth(int baseLoop, Deque<Frame> frames) {
        int loops = baseLoop;
        for (Frame f : frames) {
            if (f == Frame.LOOP) {
                loops++;
            }
        }
        return loops;
    }

    private static void popThrough(Deque<Frame> frames, Frame kind) {
        if (frames.contains(kind)) {
            while (frames.pop() != kind) {
                // drop frames left open inside
            }
        }
    }

    /** Parses one simple command, or one reserved word that opens or closes a compound command. */
    private void parseCommand(Deque<Frame> frames, Deque<ShellLoop.Builder> open, int baseLoop) {
        int loop = loopDepth(baseLoop, frames);
        int start = in.pos;
        int end = in.pos;
        List<Word> words = new ArrayList<>();
        boolean prefixed = false;
        while (true) {
            in.skipBlanks();
            if (in.atEnd()) {
                break;
            }
            char c = in.peek();
            if (c == '\n' || c == ';' || c == '|' || c == ')' || c == '#' || (c == '&' && !in.at("&>"))) {
                break;
            }
            if (c == '(') {
                if (words.size() == 1 && !prefixed && skipFunctionParens()) {
                    return; // "name() { ... }" defines a function; the body follows as commands
                }
                break;
            }
            if (isRedirect()) {
                parseRedirect(loop);
                end = in.pos;
                prefixed |= words.isEmpty();
                continue;
            }
            Word word = lexer.read(loop);
            end = in.pos;
            if (words.isEmpty()) {
                if (!prefixed && word.isLiteral() && handleReservedWord(word, frames, open, loop)) {
                    return;
                }
                if (ASSIGNMENT.matcher(in.src.substring(word.start(), word.end())).matches()) {
                    prefixed = true;
                    continue;
                }
                if (word.isLiteral() && word.text().equals("[[")) {
                    words.add(word);
                    parseConditional(words, loop);
                    end = in.pos;
                    continue;
                }
            }
            words.add(word);
        }
        if (!words.isEmpty()) {
            emit(new SimpleCommand(words, start, end, loop));
        }
    }

    /** Records {@code command} and, when it runs {@code sh -c SCRIPT}, the commands of SCRIPT. */
    private void emit(SimpleCommand command) {
        out.add(command);
        int script = ShellInvocation.scriptIndex(command.argv());
        if (script >= 0) {
            parseEmbedded(command.words().get(script), command.loopDepth());
        }
    }

    /** Handles a reserved word in command position; false when {@code text} is not one. */
    private boolean handleReservedWord(Word word, Deque<Frame> frames, Deque<ShellLoop.Builder> open, int loop) {
        String text = word.text();
        switch (text) {
            case "if":
                frames.push(Frame.IF);
                return true;
            case "do":
                if (!open.isEmpty()) {
                    open.peek().body(word.start(), in.src, out);
                }
                return true;
            case "then":
            case "else":
            case "elif":
            case "!":
                return true;
            case "fi":
                popThrough(frames, Frame.IF);
                return true;
            case "while":
            case "until":
                frames.push(Frame.LOOP);
                open.push(new ShellLoop.Builder(text, word.start(), out.size()));
                return true;
            case "for":
            case "select": {
                ShellLoop.Builder b = new ShellLoop.Builder(text, word.start(), out.size());
                parseForHeader(loop, b);
                frames.push(Frame.LOOP);
                open.push(b);
                return true;
            }
            case "done":
                if (frames.contains(Frame.LOOP) && !open.isEmpty()) {
                    loops.add(open.pop().close(in.pos, in.src, out));
                }
                popThrough(frames, Frame.LOOP);
                return true;
            case "case":
                parseCaseHeader(loop);
                frames.push(Frame.CASE);
                parseCasePatterns(frames, loop);
                return true;
            case "esac":
                popThrough(frames, Frame.CASE);
                return true;
            case "{":
                frames.push(Frame.BRACE);
                return true;
            case "}":
                popThrough(frames, Frame.BRACE);
                return true;
            case "function":
                in.skipBlanks();
                if (in.atWordStart()) {
                    lexer.read(loop);
                }
                in.skipBlanks();
                if (!in.atEnd() && in.peek() == '(') {
                    skipFunctionParens();
                }
                return true;
            default:
                return false;
        }
    }

    /** {@code for NAME [in WORDS]} or {@code for ((...))}: none of these words is a command. */
    private void parseForHeader(int loop, ShellLoop.Builder b) {
        in.skipBlanks();
        if (in.at("((")) {
            int from = in.pos;
            lexer.scanBalanced(loop);
            b.arithmeticHeader(in.src.substring(from, in.pos));
            return;
        }
        if (in.atWordStart()) {
            b.variable(lexer.read(loop).text());
        }
        skipBlanksNewlinesComments();
        if (!in.atReservedWord("in")) {
            return;
        }
        in.pos += 2;
        while (true) {
            in.skipBlanks();
            if (!in.atWordStart()) {
                return;
            }
            lexer.read(loop);
        }
    }

    private void parseCaseHeader(int loop) {
        in.skipBlanks();
        if (in.atWordStart()) {
            lexer.read(loop);
        }
        skipBlanksNewlinesComments();
        if (in.atReservedWord("in")) {
            in.pos += 2;
        }
    }

    /** Reads the {@code pat1 | pat2 )} of one case item, or the closing {@code esac}. */
    private void parseCasePatterns(Deque<Frame> frames, int loop) {
        skipBlanksNewlinesComments();
        if (in.atReservedWord("esac")) {
            in.pos += 4;
            popThrough(frames, Frame.CASE);
            return;
        }
        if (!in.atEnd() && in.peek() == '(') {
            in.pos++;
        }
        while (true) {
            in.skipBlanks();
            if (in.atEnd()) {
                return;
            }
            char c = in.peek();
            if (c == ')') {
                in.pos++;
                return;
            }
            if (c == '\n' || c == ';') {
                return;
            }
            if (in.atWordStart()) {
                lexer.read(loop);
            } else {
                in.pos++; // '|' between patterns, or stray operators
            }
        }
    }

    /** After {@code [[}: words up to {@code ]]}, where {@code && || < > ( )} are plain words. */
    private void parseConditional(List<Word> words, int loop) {
        while (true) {
            in.skipBlanks();
            if (in.atEnd()) {
                return;
            }
            char c = in.peek();
            if (c == '\n' || c == ';' || c == '#') {
                return;
            }
            if (in.atReservedWord("]]")) {
                words.add(lexer.read(loop));
                return;
            }
            if ("&|<>()".indexOf(c) < 0) {
                words.add(lexer.read(loop));
                continue;
            }
            WordBuilder operator = new WordBuilder(in.pos);
            while (!in.atEnd() && "&|<>()".indexOf(in.peek()) >= 0) {
                operator.add(in.peek(), in.pos, in.pos + 1);
                in.pos++;
            }
            words.add(operator.build(in.pos));
        }
    }

    /** At {@code (}: consumes {@code ( )} (blanks allowed inside) and says whether it was there. */
    private boolean skipFunctionParens() {
        int k = in.pos + 1;
        while (k < in.len && (in.src.charAt(k) == ' ' || in.src.charAt(k) == '\t')) {
            k++;
        }
        if (k < in.len && in.src.charAt(k) == ')') {
            in.pos = k + 1;
            return true;
        }
        return false;
    }

    private void skipBlanksNewlinesComments() {
        while (true) {
            in.skipBlanks();
            if (in.atEnd()) {
                return;
            }
            if (in.peek() == '\n') {
                in.pos++;
                readHereDocs();
            } else if (in.peek() == '#') {
                comment();
            } else {
                return;
            }
        }
    }

    // ---- redirections and here-documents --------------------------------------------------------------------

    private boolean isRedirect() {
        char c = in.peek();
        if (c == '<' || c == '>') {
            return in.peek(1) != '(';
        }
        if (c == '&') {
            return in.at("&>");
        }
        int k = in.pos;
        if (SourceCursor.isDigit(c)) {
            while (k < in.len && SourceCursor.isDigit(in.src.charAt(k))) {
                k++;
            }
        } else if (c == '{') {
            k++;
            while (k < in.len && SourceCursor.isNameChar(in.src.charAt(k))) {
                k++;
            }
            if (k == in.pos + 1 || k >= in.len || in.src.charAt(k) != '}') {
                return false;
            }
            k++;
        } else {
            return false;
        }
        return k < in.len && (in.src.charAt(k) == '<' || in.src.charAt(k) == '>');
    }

    private void parseRedirect(int loop) {
        if (in.peek() == '{') {
            in.pos = in.src.indexOf('}', in.pos) + 1;
        }
        while (!in.atEnd() && SourceCursor.isDigit(in.peek())) {
            in.pos++;
        }
        boolean hereDoc = false;
        boolean stripTabs = false;
        if (in.at("&>>") || in.at("<<<")) {
            in.pos += 3;
        } else if (in.at("<<-")) {
            in.pos += 3;
            hereDoc = true;
            stripTabs = true;
        } else if (in.at("<<")) {
            in.pos += 2;
            hereDoc = true;
        } else if (in.at("&>") || in.at("<>") || in.at(">>") || in.at(">|") || in.at(">&") || in.at("<&")) {
            in.pos += 2;
        } else {
            in.pos++;
        }
        in.skipBlanks();
        if (in.atWordStart()) {
            Word target = lexer.read(loop);
            if (hereDoc) {
                hereDocs.add(new HereDoc(target.text(), stripTabs));
            }
        }
    }

    /** Just after a newline: skips the bodies of the here-documents opened on the line before. */
    private void readHereDocs() {
        if (hereDocs.isEmpty()) {
            return;
        }
        List<HereDoc> pending = new ArrayList<>(hereDocs);
        hereDocs.clear();
        for (HereDoc doc : pending) {
            while (!in.atEnd()) {
                int newline = in.src.indexOf('\n', in.pos);
                int lineEnd = newline < 0 ? in.len : newline;
                String line = in.src.substring(in.pos, lineEnd);
                in.pos = newline < 0 ? in.len : newline + 1;
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                if (doc.stripTabs()) {
                    int t = 0;
                    while (t < line.length() && line.charAt(t) == '\t') {
                        t++;
                    }
                    line = line.substring(t);
                }
                if (line.equals(doc.delimiter())) {
                    break;
                }
            }
        }
    }

    /** Commands and loops by where they start. Classes rather than method references, which a start would link. */
    private static final Comparator<SimpleCommand> COMMANDS_BY_START = new CommandsByStart();
    private static final Comparator<ShellLoop> LOOPS_BY_START = new LoopsByStart();

    private static final class CommandsByStart implements Comparator<SimpleCommand> {
        @Override
        public int compare(SimpleCommand a, SimpleCommand b) {
            return Integer.compare(a.start(), b.start());
        }
    }

    private static final class LoopsByStart implements Comparator<ShellLoop> {
        @Override
        public int compare(ShellLoop a, ShellLoop b) {
            return Integer.compare(a.start(), b.start());
        }
    }
}
