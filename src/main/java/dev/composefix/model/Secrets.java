package dev.composefix.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What looks like a secret in a compose file: a variable, build argument or label whose name says it
 * holds one ({@code DB_PASSWORD}, {@code apiKey}, {@code AWS_SECRET_ACCESS_KEY}), and values shaped
 * like credentials wherever they stand (a connection string with a password, a private key block, a
 * few well-known token formats). Used by the rule that flags plaintext secrets and by the redaction
 * every report goes through, so both agree on what a secret is.
 */
public final class Secrets {

    /** Name parts that say the value is a secret (compared after splitting the name into words). */
    private static final List<List<String>> SECRET_WORDS = List.of(
            List.of("PASSWORD"), List.of("PASSWD"), List.of("PASS"), List.of("PWD"), List.of("SECRET"),
            List.of("TOKEN"), List.of("APIKEY"), List.of("API", "KEY"), List.of("PRIVATE", "KEY"),
            List.of("ACCESS", "KEY"), List.of("SECRET", "KEY"), List.of("CREDENTIALS"), List.of("CREDENTIAL"),
            List.of("CREDS"), List.of("AUTH"), List.of("PASSPHRASE"), List.of("SIGNING", "KEY"),
            List.of("ENCRYPTION", "KEY"), List.of("CLIENT", "SECRET"));

    /** Words that may follow a secret word and leave it a secret ({@code SECRET_KEY_BASE}, {@code PASSWORD_HASH}). */
    private static final Set<String> STILL_SECRET = Set.of("KEY", "BASE", "HASH", "VALUE", "B64", "BASE64", "STRING");

    // Each expression is in a class of its own, compiled when first used: most runs need one of them or none,
    // and compiling all of them whenever a file was read cost every start-up several milliseconds.

    /** A whole value that is a variable reference, with the operator and word of its default. */
    private static final class Reference {
        static final Pattern P = Pattern.compile(
                "\\$\\{[A-Za-z_][A-Za-z0-9_]*(?:(:?[-=?+])(.*))?}|\\$[A-Za-z_][A-Za-z0-9_]*");
    }

    // Every repetition below is bounded or cannot run past its own start again, so that matching
    // stays linear in the length of the text: a hostile file may hold a value of a million characters.

    /** A URL's user information with a password: {@code scheme://user:password@host}. */
    private static final class UrlPassword {
        static final Pattern P = Pattern.compile(
                "(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,31}://[^\\s:/@]{0,256}:([^\\s@/]{1,1024})@");
    }

    /** A private key block in PEM form, to its end line (or the end of the text). */
    private static final class KeyBlock {
        static final Pattern P = Pattern.compile(
                "-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----[\\s\\S]*?"
                        + "(-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|$)");
    }

    /** Token formats distinctive enough to recognise without a name: AWS key ids, GitHub, Slack, Stripe. */
    private static final class Token {
        static final Pattern P = Pattern.compile("\\b(AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}"
                + "|github_pat_[A-Za-z0-9_]{30,}|xox[abprs]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{16,})\\b");
    }

    private Secrets() {
    }

    /**
     * Whether a variable, argument or label of this name holds a secret: one of its words (or word
     * pairs) is a secret word, and nothing after the last one makes it something else
     * ({@code AWS_CREDENTIALS_REGION}, {@code POSTGRES_PASSWORD_FILE}, {@code TOKEN_URL} are not secrets).
     */
    public static boolean secretName(String name) {
        return name != null && secretNameOf(name, scan(name, NAME));
    }

    /** {@link #secretName} of a name whose {@link #pieces} are known. */
    public static boolean secretName(String name, int pieces) {
        return name != null && secretNameOf(name, pieces);
    }

    private static boolean secretNameOf(String name, int pieces) {
        if (!mayNameSecret(pieces)) {
            return false; // most names hold no secret word at all: no need to split them into words
        }
        Boolean known = NAMES.get(name);
        if (known == null) {
            known = splitSecretName(name);
            if (NAMES.size() < NAMES_KEPT && name.length() <= 128) {
                NAMES.put(name, known);
            }
        }
        return known;
    }

    /**
     * {@link #secretName}'s answers for names that may name a secret, which are split into words: the
     * same few names (DB_PASSWORD, API_KEY...) recur in file after file. Bounded, so a run over many files
     * with many names holds only the first ones.
     */
    private static final Map<String, Boolean> NAMES = new ConcurrentHashMap<>();
    private static final int NAMES_KEPT = 4096;

    private static boolean splitSecretName(String name) {
        List<String> words = words(name);
        int count = words.size();
        int end = -1;
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < SECRET_WORDS.size(); k++) {
                // word by word, without a view of the name's words for every secret word at every place
                List<String> w = SECRET_WORDS.get(k);
                int size = w.size();
                if (i + size > count || !words.get(i).equals(w.get(0))) {
                    continue;
                }
                boolean all = true;
                for (int j = 1; j < size && all; j++) {
                    all = words.get(i + j).equals(w.get(j));
                }
                if (all && !(size == 1 && w.get(0).equals("PWD") && count == 1)) {
                    end = Math.max(end, i + size);
                }
            }
        }
        if (end < 0) {
            return false;
        }
        for (String after : words.subList(end, words.size())) {
            if (!STILL_SECRET.contains(after)) {
                return false;
            }
        }
        return true;
    }

    /** A name split into upper-case words at underscores, dashes, dots and lower-to-upper case changes. */
    static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(w, out);
                continue;
            }
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1))) {
                flush(w, out);
            }
            w.append(c);
        }
        flush(w, out);
        return out;
    }

    private static void flush(StringBuilder w, List<String> out) {
        if (w.length() > 0) {
            out.add(w.toString().toUpperCase(Locale.ROOT));
            w.setLength(0);
        }
    }

    /**
     * Whether a value written under a secret name is a real secret: not empty, not a reference to a
     * variable ({@code ${DB_PASSWORD}}, {@code $TOKEN}), and not an obvious placeholder
     * ({@code changeme}, {@code <password>}, {@code ${X:-changeme}}); a reference with a real default
     * ({@code ${X:-hunter2}}) is one.
     */
    public static boolean secretValue(String raw) {
        if (raw == null) {
            return false;
        }
        String v = raw.strip();
        if (placeholder(v)) {
            return false;
        }
        Matcher ref = Reference.P.matcher(v);
        if (ref.matches()) {
            String fallback = ref.group(2);
            return fallback != null && !ref.group(1).endsWith("?") && secretValue(fallback);
        }
        return true;
    }

    /** The words {@link #placeholder} takes for a placeholder, in lower case. */
    private static final Set<String> PLACEHOLDER_WORDS = Set.of("changeme", "change-me", "change_me", "change me",
            "changeit", "change-it", "change_it", "change it", "replaceme", "replace-me", "replace_me", "replace me",
            "placeholder", "example", "dummy", "redacted", "todo", "tbd", "none", "null", "~", "...");

    /**
     * Whether {@code v} is an obvious placeholder: what the expression
     * <code>(?i)\\s*(|change[-_ ]?me|change[-_ ]?it|replace[-_ ]?me|placeholder|example|dummy|redacted|todo
     * |tbd|none|null|~|x{3,}|\\*+|\\.{3}|&lt;[^&gt;]*&gt;|\\{\\{.*}}|your[-_ ].*)\\s*</code> (one line)
     * matches in whole, read by hand rather than compiled at every start ({@code SecretsPlaceholderTest}
     * holds the two to the same answers). Every choice but the last ends with a character that is not
     * white space, so it is the text between the white space at either end.
     */
    static boolean placeholder(String v) {
        int a = 0;
        int b = v.length();
        while (a < b && RegexChars.space(v.charAt(a))) {
            a++;
        }
        while (b > a && RegexChars.space(v.charAt(b - 1))) {
            b--;
        }
        if (a == b) {
            return true;
        }
        int n = b - a;
        char first = v.charAt(a);
        char last = v.charAt(b - 1);
        if (n <= 12 && PLACEHOLDER_WORDS.contains(asciiLower(v, a, b))) {
            return true;
        }
        if (n >= 3 && all(v, a, b, 'x', 'X') || all(v, a, b, '*', '*')) {
            return true;
        }
        if (first == '<' && last == '>' && n >= 2 && v.indexOf('>', a + 1) == b - 1) {
            return true;
        }
        if (n >= 4 && v.startsWith("{{", a) && v.startsWith("}}", b - 2) && !lineBreak(v, a + 2, b - 2)) {
            return true;
        }
        // your[-_ ].*: the separator may be the first of the white space after it, and what follows it holds
        // no line break up to the white space at the end.
        if (v.length() >= a + 5 && asciiLower(v, a, a + 4).equals("your")) {
            char sep = v.charAt(a + 4);
            return (sep == '-' || sep == '_' || sep == ' ') && !lineBreak(v, a + 5, Math.max(a + 5, b));
        }
        return false;
    }

    /** Whether {@code v[from, to)} holds a character {@code .} does not match. */
    private static boolean lineBreak(String v, int from, int to) {
        for (int i = from; i < to; i++) {
            if (RegexChars.lineTerminator(v.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether every character of {@code v[from, to)} is {@code c} or {@code d}. */
    private static boolean all(String v, int from, int to, char c, char d) {
        for (int i = from; i < to; i++) {
            if (v.charAt(i) != c && v.charAt(i) != d) {
                return false;
            }
        }
        return to > from;
    }

    /** {@code v[from, to)} with its ASCII letters in lower case (as the expression's case-insensitive match). */
    private static String asciiLower(String v, int from, int to) {
        char[] out = new char[to - from];
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            out[i - from] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return new String(out);
    }

    /** What in {@code text} looks like a credential by its shape alone, as [start, end) ranges. */
    public static List<int[]> credentials(String text) {
        // Each pattern needs a fixed piece of text; most texts have none, and one pass looking for all
        // the pieces is far cheaper than the patterns (every scalar of a file, and every message and
        // quoted line of a report, passes through here).
        return credentialsWith(text, shapes(text));
    }

    /** {@link #credentials} of a text whose {@link #pieces} are known. */
    public static List<int[]> credentials(String text, int pieces) {
        return credentialsWith(text, shapes(text, pieces & SHAPES));
    }

    private static List<int[]> credentialsWith(String text, int shapes) {
        if (shapes == 0) {
            return List.of(); // most texts: nothing to look for, and nothing to make
        }
        List<int[]> out = new ArrayList<>();
        if ((shapes & URL_SHAPE) != 0) {
            Matcher m = UrlPassword.P.matcher(text);
            while (m.find()) {
                if (secretValue(m.group(1))) {
                    out.add(new int[] {m.start(1), m.end(1)});
                }
            }
        }
        if ((shapes & KEY_SHAPE) != 0) {
            Matcher m = KeyBlock.P.matcher(text);
            while (m.find()) {
                out.add(new int[] {m.start(), m.end()});
            }
        }
        if ((shapes & TOKEN_SHAPE) != 0) {
            Matcher m = Token.P.matcher(text);
            while (m.find()) {
                out.add(new int[] {m.start(), m.end()});
            }
        }
        return out;
    }

    /** {@link #scan} bits: "://" (a URL), "-----BEGIN " (a key block), a token's fixed start, a secret word. */
    private static final int URL_SHAPE = 1;
    private static final int KEY_SHAPE = 2;
    private static final int TOKEN_SHAPE = 4;
    private static final int SHAPES = URL_SHAPE | KEY_SHAPE | TOKEN_SHAPE;
    private static final int NAME = 8;

    /**
     * Which fixed pieces the credential patterns need {@code text} holds: {@code "://"} for
     * {@link UrlPassword}, {@code "-----BEGIN "} for {@link KeyBlock}, and for {@link Token} the start
     * of one of its formats ({@code AKIA}, {@code github_pat_}, {@code xox}, {@code sk_live_}, {@code gh}
     * then one of {@code pousr} then {@code _}); none in a text shorter than any credential, and no URL
     * piece without an '@' after it.
     */
    private static int shapes(String text) {
        if (text.length() < SHORTEST_CREDENTIAL) {
            return 0;
        }
        return shapes(text, scan(text, SHAPES));
    }

    /** {@link #shapes} from what a {@link #scan} of the text found (its {@link #SHAPES} bits). */
    private static int shapes(String text, int found) {
        if (text.length() < SHORTEST_CREDENTIAL) {
            return 0;
        }
        if ((found & URL_SHAPE) != 0 && text.lastIndexOf('@') < text.indexOf("://")) {
            found &= ~URL_SHAPE; // a password in a URL ends at an '@' after the "://"
        }
        return found;
    }

    /** No credential pattern matches fewer characters ({@code a://:x@}, a URL with a password). */
    private static final int SHORTEST_CREDENTIAL = 7;

    /**
     * Which of the {@code wanted} bits hold for {@code text}, found in one pass (it stops when all have):
     * the {@link #shapes} pieces, and {@link #NAME} when {@link #mayNameSecret} says yes.
     */
    private static int scan(String text, int wanted) {
        // Over the text's ISO-8859-1 bytes, not its chars: every piece looked for is ASCII, and a byte array
        // is read much faster than a string char by char. A character the encoding has not is replaced by
        // '?': neither is one of the pieces nor joins one, but for names such a character (or one from
        // U+0080 up) may be a letter that upper-cases to ASCII letters, so the text is then read again as
        // chars for NAME (see mayNameSecretChars). Every piece starts with one of a few pairs of bytes, and
        // most pairs start none: one table lookup a byte passes them.
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        boolean names = (wanted & NAME) != 0;
        int found = 0;
        int high = 0;
        int prev = 0;
        int n = b.length;
        for (int i = 0; i < n; i++) {
            int cur = b[i] & 0xFF;
            high |= cur;
            int pair = PAIRS[prev << 8 | cur];
            prev = cur;
            if (pair != 0) {
                // The piece's third byte (in either case for a secret word), when it has one, is tested here:
                // most pairs that start a piece (se, to, ke...) are not followed by it.
                int kind = pair & 0xFF;
                int third = pair >>> 8;
                if (kind == UNSURE) {
                    high |= 0x80;
                } else if ((names || kind != NAME_KIND) && (third == 0 || i + 1 < n
                        && (b[i + 1] == third || kind == NAME_KIND && b[i + 1] == third + ('a' - 'A')))) {
                    found |= piece(b, i - 1, kind) & wanted;
                    if (found == wanted) {
                        return wanted;
                    }
                }
            }
        }
        if (names && (found & NAME) == 0 && high >= 0x80 && mayNameSecretChars(text)) {
            found |= NAME;
        }
        return found;
    }

    /**
     * What each pair of bytes (the first one shifted left by 8) may start, for {@link #piece}: 0 for
     * nothing, else the kind of piece, and shifted left by 8 the byte that must follow the pair (0 for any).
     */
    private static final char[] PAIRS = new char[1 << 16];
    /** The {@link #PAIRS} kind of the pairs that start one of {@link #NAME_PARTS}. */
    private static final int NAME_KIND = 7;
    /**
     * The {@link #PAIRS} kind of any byte before '?', which stands for a character ISO-8859-1 has not: like
     * a byte from 0x80 up, it makes {@link #scan} read the text as chars for secret words.
     */
    private static final int UNSURE = 8;
    /** Pieces one of which every secret word contains. */
    private static final List<String> NAME_PARTS = List.of("PASS", "PWD", "SECRET", "TOKEN", "KEY", "CREDENTIAL",
            "CREDS", "AUTH");
    /** {@link #NAME_PARTS} as ASCII bytes. */
    private static final byte[][] NAME_BYTES = ascii(NAME_PARTS);
    private static final byte[] BEGIN = ascii("-----BEGIN ");
    private static final byte[] AKIA = ascii("AKIA");
    private static final byte[] GITHUB_PAT = ascii("github_pat_");
    private static final byte[] SK_LIVE = ascii("sk_live_");

    static {
        pair("://", 1, false);
        pair("---", 2, false);
        pair("AKI", 3, false);
        pair("gh", 4, false);
        pair("git", 4, false);
        pair("xox", 5, false);
        pair("sk_", 6, false);
        for (String part : NAME_PARTS) {
            pair(part.substring(0, Math.min(3, part.length())), NAME_KIND, true);
        }
        for (int c = 0; c < 0x100; c++) {
            PAIRS[c << 8 | '?'] = UNSURE;
        }
    }

    /**
     * Enters the first two bytes of {@code p}, in any case when {@code anyCase}, and its third byte if any
     * (none, so any, when another piece of the same kind starts with the same two and a different third).
     */
    private static void pair(String p, int kind, boolean anyCase) {
        int third = p.length() > 2 ? p.charAt(2) : 0;
        for (int c = 0; c < (anyCase ? 4 : 1); c++) {
            int first = p.charAt(0) | ((c & 1) != 0 ? 'a' - 'A' : 0);
            int second = p.charAt(1) | ((c & 2) != 0 ? 'a' - 'A' : 0);
            int before = PAIRS[first << 8 | second];
            int t = before != 0 && (before & 0xFF) == kind && before >>> 8 != third ? 0 : third;
            PAIRS[first << 8 | second] = (char) (t << 8 | kind);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static byte[][] ascii(List<String> texts) {
        byte[][] out = new byte[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = ascii(texts.get(i));
        }
        return out;
    }

    /** The {@link #scan} bits the piece at {@code i} of {@code b} gives, {@code kind} being what its pair may start. */
    private static int piece(byte[] b, int i, int kind) {
        int n = b.length;
        return switch (kind) {
            case 1 -> i + 2 < n && b[i + 2] == '/' ? URL_SHAPE : 0;
            case 2 -> at(b, i, BEGIN) ? KEY_SHAPE : 0;
            case 3 -> at(b, i, AKIA) ? TOKEN_SHAPE : 0;
            case 4 -> b[i + 1] == 'h' ? (i + 3 < n && "pousr".indexOf(b[i + 2]) >= 0 && b[i + 3] == '_' ? TOKEN_SHAPE : 0)
                    : at(b, i, GITHUB_PAT) ? TOKEN_SHAPE : 0;
            case 5 -> i + 2 < n && b[i + 2] == 'x' ? TOKEN_SHAPE : 0;
            case 6 -> at(b, i, SK_LIVE) ? TOKEN_SHAPE : 0;
            default -> anyWord(b, i) ? NAME : 0; // NAME_KIND
        };
    }

    /** Whether one of {@link #NAME_PARTS} is at {@code i} of {@code b}, in either case. */
    private static boolean anyWord(byte[] b, int i) {
        for (byte[] part : NAME_BYTES) {
            if (word(b, i, part)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the ASCII {@code piece} is at {@code i} of {@code b}. */
    private static boolean at(byte[] b, int i, byte[] piece) {
        if (i + piece.length > b.length) {
            return false;
        }
        for (int j = 0; j < piece.length; j++) {
            if (b[i + j] != piece[j]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code b} has the upper-case ASCII word {@code part} at {@code i}, in either case. */
    private static boolean word(byte[] b, int i, byte[] part) {
        if (i + part.length > b.length) {
            return false;
        }
        for (int j = 0; j < part.length; j++) {
            int c = b[i + j];
            int p = part[j];
            if (c != p && c != p + ('a' - 'A')) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text} has the fixed start of one of {@link Token}'s formats. */
    static boolean mayHoldToken(String text) {
        return (scan(text, SHAPES) & TOKEN_SHAPE) != 0;
    }

    /**
     * Whether {@code text} may hold {@code NAME: value} or {@code NAME=value} with a name {@link #secretName}
     * accepts: false when no ':' or '=' follows (after an optional quote and white space) a run of
     * {@code [A-Za-z0-9_.-]} that holds one of the secret words' letters in either case. Such a name is ASCII,
     * so it holds one of them, and it is a whole run (nothing of a run may stand just before or after it).
     * A quick test before matching assignments: false means there are none with a secret name.
     */
    public static boolean mayAssignSecretName(String text) {
        for (int at = text.indexOf(':'), eq = text.indexOf('='); at >= 0 || eq >= 0; ) {
            int i;
            if (eq < 0 || at >= 0 && at < eq) {
                i = at;
                at = text.indexOf(':', at + 1);
            } else {
                i = eq;
                eq = text.indexOf('=', eq + 1);
            }
            int end = i;
            while (end > 0 && isRegexSpace(text.charAt(end - 1))) {
                end--;
            }
            if (end > 0 && (text.charAt(end - 1) == '"' || text.charAt(end - 1) == '\'')) {
                end--;
            }
            int start = end;
            while (start > 0 && isNameChar(text.charAt(start - 1))) {
                start--;
            }
            for (int k = start; k < end; k++) {
                for (String part : NAME_PARTS) {
                    if (k + part.length() <= end && at(text, k, part)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** What {@code \\s} matches (without UNICODE_CHARACTER_CLASS). */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** {@code [A-Za-z0-9_.-]}. */
    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }

    /**
     * Whether {@code text} may hold a name {@link #secretName} accepts: one of the secret words' letters,
     * in any case, somewhere in it (a quick test before looking for names: false means none).
     */
    public static boolean mayNameSecret(String text) {
        return scan(text, NAME) != 0;
    }

    /**
     * The pieces {@code text} holds, found in one pass, for a caller that asks {@link #maySecret},
     * {@link #mayNameSecret} and {@link #credentials} about one text: the answers are those of
     * {@link #maySecret(int)}, {@link #mayNameSecret(int)} and {@link #credentials(String, int)} with them.
     */
    public static int pieces(String text) {
        return scan(text, NAME | SHAPES);
    }

    /** {@link #maySecret} of a text with these {@link #pieces}. */
    public static boolean maySecret(int pieces) {
        return pieces != 0;
    }

    /** {@link #mayNameSecret} of a text with these {@link #pieces}. */
    public static boolean mayNameSecret(int pieces) {
        return (pieces & NAME) != 0;
    }

    /**
     * Whether {@code text} may need masking: it may hold a secret name ({@link #mayNameSecret}) or a
     * credential's fixed piece ({@link #credentials} finds nothing without one). False for most text, in
     * one pass over it.
     */
    public static boolean maySecret(String text) {
        return scan(text, NAME | SHAPES) != 0;
    }

    /**
     * {@link #mayNameSecret} read char by char, for text with characters from U+0080 up: the answer is
     * that of upper-casing the text as words() does and looking for each piece. A character that is not a
     * letter upper-cases to no ASCII letter (no case mapping of one yields any), so it only separates;
     * a letter from U+0080 up may (ß to SS, ı to I, ſ to S, ﬆ to ST...), so text with one is upper-cased whole.
     */
    private static boolean mayNameSecretChars(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                if (Character.isLetter(c)) {
                    return mayNameSecretUpper(text);
                }
                continue;
            }
            for (String part : NAME_PARTS) {
                // Clearing bit 5 upper-cases an ASCII letter (and makes no other character a part's first).
                if ((c & ~0x20) == part.charAt(0) && at(text, i, part)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code text} has the upper-case ASCII word {@code part} at {@code i}, in either case. */
    private static boolean at(String text, int i, String part) {
        if (i + part.length() > text.length()) {
            return false;
        }
        for (int j = 0; j < part.length(); j++) {
            char c = text.charAt(i + j);
            char p = part.charAt(j);
            if (c != p && c != p + ('a' - 'A')) {
                return false;
            }
        }
        return true;
    }

    private static boolean mayNameSecretUpper(String text) {
        String upper = text.toUpperCase(Locale.ROOT); // as words() compares them
        for (String part : NAME_PARTS) {
            if (upper.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** What kind of credential {@code value} holds by its shape, or null: for messages. */
    public static String credentialKind(String value) {
        if (value == null) {
            return null;
        }
        int shapes = shapes(value); // as in credentials(): no pattern can match without its fixed piece
        if ((shapes & URL_SHAPE) != 0) {
            Matcher m = UrlPassword.P.matcher(value);
            while (m.find()) {
                if (secretValue(m.group(1))) {
                    return "a connection string with a password";
                }
            }
        }
        if ((shapes & KEY_SHAPE) != 0 && KeyBlock.P.matcher(value).find()) {
            return "a private key";
        }
        if ((shapes & TOKEN_SHAPE) != 0 && Token.P.matcher(value).find()) {
            return "an access token";
        }
        return null;
    }
}
