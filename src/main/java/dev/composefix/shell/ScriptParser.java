package dev.composefix.shell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A tolerant POSIX-ish shell parser that only keeps what a linter needs: the simple commands, their words and
 * their offsets. It never throws; on malformed input it skips what it cannot make sense of and carries on.
 */
final class ScriptParser {
    /** Deepest nesting of {@code $(..)}, {@code ${..}}, backticks and {@code sh -c} that is parsed. */
    static final int MAX_NESTING = 40;
    /** How far ahead {@code ((} looks for its {@code ))} before deciding it is two subshells. */
    private static final int ARITHMETIC_LOOKAHEAD = 4096;
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\[[^\\]]*\\])?\\+?=.*",
            Pattern.DOTALL);
    private static final Pattern ASSIGNMENT_PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\+?=");

    private enum Frame { SUBSHELL, BRACE, IF, LOOP, CASE }

    private record HereDoc(String delimiter, boolean stripTabs) {
    }

    private final String src;
    private final int len;
    private final int nesting;
    private final List<SimpleCommand> out = new ArrayList<>();
    private final List<HereDoc> hereDocs = new ArrayList<>();
    private int depth;
    private int pos;

    private ScriptParser(String src, int nesting) {
        this.src = src;
        this.len = src.length();
        this.nesting = nesting;
    }

    /**
     * Parses {@code src}; commands come back in source order with offsets into {@code src}.
     *
     * @param loopDepth loops that enclose the whole text
     * @param nesting how deep this text already sits inside other texts
     */
    static List<SimpleCommand> parse(String src, int loopDepth, int nesting) {
        ScriptParser parser = new ScriptParser(src, nesting);
        parser.parseList(false, loopDepth);
        List<SimpleCommand> commands = new ArrayList<>(parser.out);
        commands.sort(Comparator.comparingInt(SimpleCommand::start));
        return commands;
    }

    // ---- command lists --------------------------------------------------------------------------------------

    /** Parses commands until end of input or, with {@code untilParen}, an unmatched {@code )} (left unread). */
    private void parseList(boolean untilParen, int baseLoop) {
        Deque<Frame> frames = new ArrayDeque<>();
        while (true) {
            skipBlanks();
            if (pos >= len) {
                return;
            }
            char c = src.charAt(pos);
            switch (c) {
                case '#':
                    skipComment();
                    break;
                case '\n':
                    pos++;
                    readHereDocs();
                    break;
                case ';': {
                    boolean caseEnd = at(";;") || at(";&");
                    pos += at(";;&") ? 3 : caseEnd ? 2 : 1;
                    if (caseEnd && frames.contains(Frame.CASE)) {
                        while (frames.peek() != Frame.CASE) {
                            frames.pop();
                        }
                        parseCasePatterns(frames, loopDepth(baseLoop, frames));
                    }
                    break;
                }
                case '|':
                    pos += at("||") || at("|&") ? 2 : 1;
                    break;
                case '&':
                    if (at("&>")) {
                        parseCommand(frames, baseLoop);
                    } else {
                        pos += at("&&") ? 2 : 1;
                    }
                    break;
                case ')':
                    if (frames.contains(Frame.SUBSHELL)) {
                        popThrough(frames, Frame.SUBSHELL);
                        pos++;
                    } else if (untilParen) {
                        return;
                    } else {
                        pos++;
                    }
                    break;
                case '(':
                    if (at("((") && isArithmetic(pos)) {
                        scanBalanced(loopDepth(baseLoop, frames));
                    } else {
                        pos++;
                        frames.push(Frame.SUBSHELL);
                    }
                    break;
                default: {
                    int before = pos;
                    parseCommand(frames, baseLoop);
                    if (pos == before) {
                        pos++;
                    }
                }
            }
        }
    }

    private static int loopDepth(int baseLoop, Deque<Frame> frames) {
        int depth = baseLoop;
        for (Frame f : frames) {
            if (f == Frame.LOOP) {
                depth++;
            }
        }
        return depth;
    }

    private static void popThrough(Deque<Frame> frames, Frame kind) {
        if (frames.contains(kind)) {
            while (frames.pop() != kind) {
                // drop frames left open inside
            }
        }
    }

    /** Parses one simple command, or one reserved word that opens or closes a compound command. */
    private void parseCommand(Deque<Frame> frames, int baseLoop) {
        int loop = loopDepth(baseLoop, frames);
        int start = pos;
        int end = pos;
        List<Word> words = new ArrayList<>();
        boolean prefixed = false;
        while (true) {
            skipBlanks();
            if (pos >= len) {
                break;
            }
            char c = src.charAt(pos);
            if (c == '\n' || c == ';' || c == '|' || c == ')' || c == '#' || (c == '&' && !at("&>"))) {
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
                end = pos;
                prefixed |= words.isEmpty();
                continue;
            }
            Word word = lexWord(loop);
            end = pos;
            if (words.isEmpty()) {
                if (!prefixed && word.isLiteral() && handleReservedWord(word.text(), frames, loop)) {
                    return;
                }
                if (isAssignment(word)) {
                    prefixed = true;
                    continue;
                }
                if (word.isLiteral() && word.text().equals("[[")) {
                    words.add(word);
                    parseConditional(words, loop);
                    end = pos;
                    continue;
                }
            }
            words.add(word);
        }
        if (!words.isEmpty()) {
            emit(new SimpleCommand(words, start, end, loop));
        }
    }

    private void emit(SimpleCommand command) {
        out.add(command);
        int script = ShellInvocation.scriptIndex(command.argv());
        if (script >= 0 && canNest()) {
            Word word = command.words().get(script);
            OffsetMap map = word.offsetMap();
            for (SimpleCommand inner : parse(word.text(), command.loopDepth(), level() + 1)) {
                out.add(map.remap(inner));
            }
        }
    }

    private boolean isAssignment(Word word) {
        return ASSIGNMENT.matcher(src.substring(word.start(), word.end())).matches();
    }

    /** Handles a reserved word in command position; false when {@code text} is not one. */
    private boolean handleReservedWord(String text, Deque<Frame> frames, int loop) {
        switch (text) {
            case "if":
                frames.push(Frame.IF);
                return true;
            case "then":
            case "else":
            case "elif":
            case "do":
            case "!":
                return true;
            case "fi":
                popThrough(frames, Frame.IF);
                return true;
            case "while":
            case "until":
                frames.push(Frame.LOOP);
                return true;
            case "for":
            case "select":
                parseForHeader(loop);
                frames.push(Frame.LOOP);
                return true;
            case "done":
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
                skipBlanks();
                if (atWordStart()) {
                    lexWord(loop);
                }
                skipBlanks();
                if (pos < len && src.charAt(pos) == '(') {
                    skipFunctionParens();
                }
                return true;
            default:
                return false;
        }
    }

    /** {@code for NAME [in WORDS]} or {@code for ((...))}: none of these words is a command. */
    private void parseForHeader(int loop) {
        skipBlanks();
        if (at("((")) {
            scanBalanced(loop);
            return;
        }
        if (atWordStart()) {
            lexWord(loop);
        }
        skipBlanksNewlinesComments();
        if (!atReservedWord("in")) {
            return;
        }
        pos += 2;
        while (true) {
            skipBlanks();
            if (pos >= len || !atWordStart()) {
                return;
            }
            lexWord(loop);
        }
    }

    private void parseCaseHeader(int loop) {
        skipBlanks();
        if (atWordStart()) {
            lexWord(loop);
        }
        skipBlanksNewlinesComments();
        if (atReservedWord("in")) {
            pos += 2;
        }
    }

    /** Reads the {@code pat1 | pat2 )} of one case item, or the closing {@code esac}. */
    private void parseCasePatterns(Deque<Frame> frames, int loop) {
        skipBlanksNewlinesComments();
        if (atReservedWord("esac")) {
            pos += 4;
            popThrough(frames, Frame.CASE);
            return;
        }
        if (pos < len && src.charAt(pos) == '(') {
            pos++;
        }
        while (true) {
            skipBlanks();
            if (pos >= len) {
                return;
            }
            char c = src.charAt(pos);
            if (c == ')') {
                pos++;
                return;
            }
            if (c == '\n' || c == ';') {
                return;
            }
            if (atWordStart()) {
                lexWord(loop);
            } else {
                pos++; // '|' between patterns, or stray operators
            }
        }
    }

    /** After {@code [[}: words up to {@code ]]}, where {@code && || < > ( )} are plain words. */
    private void parseConditional(List<Word> words, int loop) {
        while (true) {
            skipBlanks();
            if (pos >= len) {
                return;
            }
            char c = src.charAt(pos);
            if (c == '\n' || c == ';' || c == '#') {
                return;
            }
            if (atReservedWord("]]")) {
                words.add(lexWord(loop));
                return;
            }
            if ("&|<>()".indexOf(c) >= 0) {
                WordBuilder op = new WordBuilder(pos);
                while (pos < len && "&|<>()".indexOf(src.charAt(pos)) >= 0) {
                    op.add(src.charAt(pos), pos, pos + 1);
                    pos++;
                }
                words.add(op.build(pos));
            } else {
                words.add(lexWord(loop));
            }
        }
    }

    /** At {@code (}: consumes {@code ( )} (blanks allowed inside) and says whether it was there. */
    private boolean skipFunctionParens() {
        int k = pos + 1;
        while (k < len && (src.charAt(k) == ' ' || src.charAt(k) == '\t')) {
            k++;
        }
        if (k < len && src.charAt(k) == ')') {
            pos = k + 1;
            return true;
        }
        return false;
    }

    // ---- redirections and here-documents --------------------------------------------------------------------

    private boolean isRedirect() {
        char c = src.charAt(pos);
        if (c == '<' || c == '>') {
            return !(pos + 1 < len && src.charAt(pos + 1) == '(');
        }
        if (c == '&') {
            return at("&>");
        }
        int k = pos;
        if (isDigit(c)) {
            while (k < len && isDigit(src.charAt(k))) {
                k++;
            }
        } else if (c == '{') {
            k++;
            while (k < len && isNameChar(src.charAt(k))) {
                k++;
            }
            if (k == pos + 1 || k >= len || src.charAt(k) != '}') {
                return false;
            }
            k++;
        } else {
            return false;
        }
        return k < len && (src.charAt(k) == '<' || src.charAt(k) == '>');
    }

    private void parseRedirect(int loop) {
        if (src.charAt(pos) == '{') {
            pos = src.indexOf('}', pos) + 1;
        }
        while (pos < len && isDigit(src.charAt(pos))) {
            pos++;
        }
        boolean hereDoc = false;
        boolean stripTabs = false;
        if (at("&>>") || at("<<<")) {
            pos += 3;
        } else if (at("<<-")) {
            pos += 3;
            hereDoc = true;
            stripTabs = true;
        } else if (at("<<")) {
            pos += 2;
            hereDoc = true;
        } else if (at("&>") || at("<>") || at(">>") || at(">|") || at(">&") || at("<&")) {
            pos += 2;
        } else {
            pos++;
        }
        skipBlanks();
        if (atWordStart()) {
            Word target = lexWord(loop);
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
            while (pos < len) {
                int newline = src.indexOf('\n', pos);
                int lineEnd = newline < 0 ? len : newline;
                String line = src.substring(pos, lineEnd);
                pos = newline < 0 ? len : newline + 1;
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

    // ---- words ----------------------------------------------------------------------------------------------

    private Word lexWord(int loop) {
        WordBuilder b = new WordBuilder(pos);
        while (pos < len) {
            char c = src.charAt(pos);
            if (isBlank(c) || c == '\n' || c == ';' || c == '&' || c == '|' || c == ')') {
                break;
            }
            if (c == '<' || c == '>') {
                if (pos + 1 < len && src.charAt(pos + 1) == '(') {
                    substitution(b, loop); // process substitution <(cmd) or >(cmd)
                    continue;
                }
                break;
            }
            if (c == '(') {
                boolean array = ASSIGNMENT_PREFIX.matcher(src.substring(b.start(), pos)).matches();
                boolean extglob = pos > b.start() && "@!+*?".indexOf(src.charAt(pos - 1)) >= 0;
                if (!array && !extglob) {
                    break;
                }
                int from = pos;
                scanBalanced(loop);
                b.addRaw(src, from, pos);
                continue;
            }
            switch (c) {
                case '\\':
                    escape(b);
                    break;
                case '\'':
                    singleQuoted(b);
                    break;
                case '"':
                    doubleQuoted(b, loop);
                    break;
                case '$':
                    dollar(b, false, loop);
                    break;
                case '`':
                    backtick(b, false, loop);
                    break;
                default:
                    b.add(c, pos, pos + 1);
                    pos++;
            }
        }
        return b.build(pos);
    }

    private void escape(WordBuilder b) {
        if (pos + 1 >= len) {
            b.add('\\', pos, pos + 1);
            pos++;
            return;
        }
        char next = src.charAt(pos + 1);
        if (next == '\n') {
            pos += 2;
        } else if (next == '\r' && pos + 2 < len && src.charAt(pos + 2) == '\n') {
            pos += 3;
        } else {
            b.add(next, pos, pos + 2);
            b.markQuoted();
            pos += 2;
        }
    }

    private void singleQuoted(WordBuilder b) {
        b.markQuoted();
        pos++;
        while (pos < len && src.charAt(pos) != '\'') {
            b.add(src.charAt(pos), pos, pos + 1);
            pos++;
        }
        if (pos < len) {
            pos++;
        }
    }

    /** At {@code "}: reads through the closing quote. */
    private void doubleQuoted(WordBuilder b, int loop) {
        b.markQuoted();
        pos++;
        while (pos < len) {
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                return;
            }
            if (c == '\\' && pos + 1 < len) {
                char next = src.charAt(pos + 1);
                if (next == '\n') {
                    pos += 2;
                } else if (next == '"' || next == '\\' || next == '$' || next == '`') {
                    b.add(next, pos, pos + 2);
                    pos += 2;
                } else {
                    b.add(c, pos, pos + 1);
                    pos++;
                }
            } else if (c == '$') {
                dollar(b, true, loop);
            } else if (c == '`') {
                backtick(b, true, loop);
            } else {
                b.add(c, pos, pos + 1);
                pos++;
            }
        }
    }

    /** At {@code $}: an expansion, a {@code $'..'} or {@code $".."} string, or a plain dollar sign. */
    private void dollar(WordBuilder b, boolean inDoubleQuotes, int loop) {
        int from = pos;
        if (pos + 1 >= len) {
            b.add('$', pos, pos + 1);
            pos++;
            return;
        }
        char next = src.charAt(pos + 1);
        if (next == '\'' && !inDoubleQuotes) {
            ansiCQuoted(b);
            return;
        }
        if (next == '"' && !inDoubleQuotes) {
            pos++;
            doubleQuoted(b, loop);
            return;
        }
        if (next == '(') {
            if (pos + 2 < len && src.charAt(pos + 2) == '(' && isArithmetic(pos + 1)) {
                pos++;
                scanBalanced(loop);
            } else {
                substitution(b, loop);
                return;
            }
        } else if (next == '{') {
            pos += 2;
            braceParameter(loop);
        } else if (next == '_' || isAsciiLetter(next)) {
            pos += 2;
            while (pos < len && isNameChar(src.charAt(pos))) {
                pos++;
            }
        } else if (isDigit(next) || "@*#?-$!".indexOf(next) >= 0) {
            pos += 2;
        } else {
            b.add('$', pos, pos + 1);
            pos++;
            return;
        }
        b.addRaw(src, from, pos);
        b.markExpansion();
    }

    /** At {@code $(}, {@code <(} or {@code >(}: parses the commands inside and keeps the text as written. */
    private void substitution(WordBuilder b, int loop) {
        int from = pos;
        pos += 2;
        if (canNest()) {
            depth++;
            parseList(true, loop);
            depth--;
            if (pos < len) {
                pos++; // the closing ')'
            }
        } else {
            skipPast(')', '(');
        }
        b.addRaw(src, from, pos);
        b.markExpansion();
    }

    /** After {@code ${}: reads through the matching {@code }}, parsing any command substitution inside. */
    private void braceParameter(int loop) {
        if (!canNest()) {
            skipPast('}', '{');
            return;
        }
        depth++;
        WordBuilder ignored = new WordBuilder(pos);
        while (pos < len) {
            char c = src.charAt(pos);
            if (c == '}') {
                pos++;
                break;
            }
            switch (c) {
                case '\\':
                    pos = Math.min(len, pos + 2);
                    break;
                case '\'':
                    skipSingleQuoted();
                    break;
                case '"':
                    doubleQuoted(ignored, loop);
                    break;
                case '$':
                    dollar(ignored, true, loop);
                    break;
                case '`':
                    backtick(ignored, false, loop);
                    break;
                default:
                    pos++;
            }
        }
        depth--;
    }

    /** At {@code (}: reads through the matching {@code )} (arithmetic, array values, extglob). */
    private void scanBalanced(int loop) {
        if (!canNest()) {
            skipBalancedPlain();
            return;
        }
        depth++;
        WordBuilder ignored = new WordBuilder(pos);
        int open = 0;
        while (pos < len) {
            char c = src.charAt(pos);
            if (c == '(') {
                open++;
                pos++;
            } else if (c == ')') {
                open--;
                pos++;
                if (open <= 0) {
                    break;
                }
            } else if (c == '\\') {
                pos = Math.min(len, pos + 2);
            } else if (c == '\'') {
                skipSingleQuoted();
            } else if (c == '"') {
                doubleQuoted(ignored, loop);
            } else if (c == '$') {
                dollar(ignored, false, loop);
            } else if (c == '`') {
                backtick(ignored, false, loop);
            } else {
                pos++;
            }
        }
        depth--;
    }

    /** At the {@code (} of {@code ((}: true when it closes with {@code ))}, i.e. it is arithmetic. */
    private boolean isArithmetic(int open) {
        int depthCount = 0;
        int limit = Math.min(len, open + ARITHMETIC_LOOKAHEAD);
        for (int i = open + 1; i < limit; i++) {
            char c = src.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depthCount++;
            } else if (c == ')') {
                depthCount--;
                if (depthCount == 0) {
                    return i + 1 < len && src.charAt(i + 1) == ')';
                }
                if (depthCount < 0) {
                    return false;
                }
            }
        }
        return false;
    }

    /** At {@code `}: parses the body as its own script (after undoing its backslash escapes). */
    private void backtick(WordBuilder b, boolean inDoubleQuotes, int loop) {
        int from = pos;
        pos++;
        WordBuilder body = new WordBuilder(pos);
        while (pos < len) {
            char c = src.charAt(pos);
            if (c == '`') {
                pos++;
                break;
            }
            if (c == '\\' && pos + 1 < len) {
                char next = src.charAt(pos + 1);
                if (next == '`' || next == '\\' || next == '$' || (inDoubleQuotes && next == '"')) {
                    body.add(next, pos, pos + 2);
                    pos += 2;
                    continue;
                }
            }
            body.add(c, pos, pos + 1);
            pos++;
        }
        b.addRaw(src, from, pos);
        b.markExpansion();
        if (canNest()) {
            Word inner = body.build(pos);
            OffsetMap map = inner.offsetMap();
            for (SimpleCommand command : parse(inner.text(), loop, level() + 1)) {
                out.add(map.remap(command));
            }
        }
    }

    /** At {@code $'}: bash ANSI-C quoting; each decoded char maps to its whole escape sequence. */
    private void ansiCQuoted(WordBuilder b) {
        b.markQuoted();
        pos += 2;
        while (pos < len) {
            char c = src.charAt(pos);
            if (c == '\'') {
                pos++;
                return;
            }
            if (c != '\\' || pos + 1 >= len) {
                b.add(c, pos, pos + 1);
                pos++;
                continue;
            }
            int from = pos;
            char e = src.charAt(pos + 1);
            pos += 2;
            int code;
            switch (e) {
                case 'n': code = '\n'; break;
                case 't': code = '\t'; break;
                case 'r': code = '\r'; break;
                case 'a': code = 7; break;
                case 'b': code = 8; break;
                case 'e':
                case 'E': code = 27; break;
                case 'f': code = 12; break;
                case 'v': code = 11; break;
                case 'x': code = readNumber(16, 2); break;
                case 'u': code = readNumber(16, 4); break;
                case 'U': code = readNumber(16, 8); break;
                case 'c':
                    if (pos < len) {
                        code = src.charAt(pos) & 0x1f;
                        pos++;
                    } else {
                        code = -1;
                    }
                    break;
                default:
                    if (e >= '0' && e <= '7') {
                        pos--;
                        code = readNumber(8, 3);
                    } else if (e == '\\' || e == '\'' || e == '"' || e == '?') {
                        code = e;
                    } else {
                        b.add('\\', from, from + 1);
                        b.add(e, from + 1, from + 2);
                        continue;
                    }
            }
            if (code < 0) {
                b.addRaw(src, from, pos); // "\x" without digits stays as written
            } else {
                addCodePoint(b, code, from, pos);
            }
        }
    }

    private static void addCodePoint(WordBuilder b, int code, int from, int to) {
        int cp = Character.isValidCodePoint(code) ? code : 0xFFFD;
        char[] chars = Character.toChars(cp);
        b.add(chars[0], from, to);
        if (chars.length > 1) {
            b.add(chars[1], to, to);
        }
    }

    /** Reads up to {@code maxDigits} digits in {@code radix}; -1 when there are none. */
    private int readNumber(int radix, int maxDigits) {
        long value = 0;
        int digits = 0;
        while (digits < maxDigits && pos < len && Character.digit(src.charAt(pos), radix) >= 0
                && src.charAt(pos) < 128) {
            value = value * radix + Character.digit(src.charAt(pos), radix);
            pos++;
            digits++;
        }
        if (digits == 0) {
            return -1;
        }
        return value > Character.MAX_CODE_POINT ? 0xFFFD : (int) value;
    }

    // ---- low level ------------------------------------------------------------------------------------------

    private int level() {
        return nesting + depth;
    }

    private boolean canNest() {
        return level() < MAX_NESTING;
    }

    private boolean at(String s) {
        return src.startsWith(s, pos);
    }

    /** True when {@code word} starts here and is followed by a delimiter. */
    private boolean atReservedWord(String word) {
        if (!at(word)) {
            return false;
        }
        int after = pos + word.length();
        return after >= len || isDelimiter(src.charAt(after));
    }

    private boolean atWordStart() {
        if (pos >= len) {
            return false;
        }
        char c = src.charAt(pos);
        if (c == '<' || c == '>') {
            return pos + 1 < len && src.charAt(pos + 1) == '(';
        }
        return !isDelimiter(c) && c != '#';
    }

    private void skipBlanks() {
        while (pos < len) {
            char c = src.charAt(pos);
            if (isBlank(c)) {
                pos++;
            } else if (at("\\\n")) {
                pos += 2;
            } else if (at("\\\r\n")) {
                pos += 3;
            } else {
                return;
            }
        }
    }

    private void skipBlanksNewlinesComments() {
        while (true) {
            skipBlanks();
            if (pos >= len) {
                return;
            }
            char c = src.charAt(pos);
            if (c == '\n') {
                pos++;
                readHereDocs();
            } else if (c == '#') {
                skipComment();
            } else {
                return;
            }
        }
    }

    private void skipComment() {
        while (pos < len && src.charAt(pos) != '\n') {
            pos++;
        }
    }

    private void skipSingleQuoted() {
        int close = src.indexOf('\'', pos + 1);
        pos = close < 0 ? len : close + 1;
    }

    /** Skips to just after the {@code close} that balances one already-open {@code open}; no parsing. */
    private void skipPast(char close, char open) {
        int count = 1;
        while (pos < len) {
            char c = src.charAt(pos++);
            if (c == '\\') {
                pos = Math.min(len, pos + 1);
            } else if (c == open) {
                count++;
            } else if (c == close && --count == 0) {
                return;
            }
        }
    }

    private void skipBalancedPlain() {
        pos++;
        skipPast(')', '(');
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B';
    }

    private static boolean isDelimiter(char c) {
        return isBlank(c) || c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '<'
                || c == '>';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNameChar(char c) {
        return c == '_' || isAsciiLetter(c) || isDigit(c);
    }
}
