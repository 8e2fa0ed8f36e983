package dev.composefix.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)\\s*(|change[-_ ]?me|change[-_ ]?it|replace[-_ ]?me"
            + "|placeholder|example|dummy|redacted|todo|tbd|none|null|~|x{3,}|\\*+|\\.{3}|<[^>]*>|\\{\\{.*}}"
            + "|your[-_ ].*)\\s*");

    /** A whole value that is a variable reference, with the operator and word of its default. */
    private static final Pattern REFERENCE = Pattern.compile(
            "\\$\\{[A-Za-z_][A-Za-z0-9_]*(?:(:?[-=?+])(.*))?}|\\$[A-Za-z_][A-Za-z0-9_]*");

    // Every repetition below is bounded or cannot run past its own start again, so that matching
    // stays linear in the length of the text: a hostile file may hold a value of a million characters.

    /** A URL's user information with a password: {@code scheme://user:password@host}. */
    private static final Pattern URL_PASSWORD = Pattern.compile(
            "(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,31}://[^\\s:/@]{0,256}:([^\\s@/]{1,1024})@");

    private static final Pattern KEY_BLOCK = Pattern.compile(
            "-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----[\\s\\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|$)");

    /** Token formats distinctive enough to recognise without a name: AWS key ids, GitHub, Slack, Stripe. */
    private static final Pattern TOKEN = Pattern.compile("\\b(AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}"
            + "|github_pat_[A-Za-z0-9_]{30,}|xox[abprs]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{16,})\\b");

    private Secrets() {
    }

    /**
     * Whether a variable, argument or label of this name holds a secret: one of its words (or word
     * pairs) is a secret word, and nothing after the last one makes it something else
     * ({@code AWS_CREDENTIALS_REGION}, {@code POSTGRES_PASSWORD_FILE}, {@code TOKEN_URL} are not secrets).
     */
    public static boolean secretName(String name) {
        if (name == null || !mayNameSecret(name)) {
            return false; // most names hold no secret word at all: no need to split them into words
        }
        List<String> words = words(name);
        int end = -1;
        for (int i = 0; i < words.size(); i++) {
            for (List<String> w : SECRET_WORDS) {
                if (i + w.size() <= words.size() && words.subList(i, i + w.size()).equals(w)
                        && !(w.equals(List.of("PWD")) && words.size() == 1)) {
                    end = Math.max(end, i + w.size());
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
        if (PLACEHOLDER.matcher(v).matches()) {
            return false;
        }
        Matcher ref = REFERENCE.matcher(v);
        if (ref.matches()) {
            String fallback = ref.group(2);
            return fallback != null && !ref.group(1).endsWith("?") && secretValue(fallback);
        }
        return true;
    }

    /** What in {@code text} looks like a credential by its shape alone, as [start, end) ranges. */
    public static List<int[]> credentials(String text) {
        // Each pattern needs a fixed piece of text; most texts have none, and one pass looking for all
        // the pieces is far cheaper than the patterns (every scalar of a file, and every message and
        // quoted line of a report, passes through here).
        int shapes = shapes(text);
        if (shapes == 0) {
            return List.of(); // most texts: nothing to look for, and nothing to make
        }
        List<int[]> out = new ArrayList<>();
        if ((shapes & URL_SHAPE) != 0) {
            Matcher m = URL_PASSWORD.matcher(text);
            while (m.find()) {
                if (secretValue(m.group(1))) {
                    out.add(new int[] {m.start(1), m.end(1)});
                }
            }
        }
        if ((shapes & KEY_SHAPE) != 0) {
            Matcher m = KEY_BLOCK.matcher(text);
            while (m.find()) {
                out.add(new int[] {m.start(), m.end()});
            }
        }
        if ((shapes & TOKEN_SHAPE) != 0) {
            Matcher m = TOKEN.matcher(text);
            while (m.find()) {
                out.add(new int[] {m.start(), m.end()});
            }
        }
        return out;
    }

    /** {@link #shapes} bits: "://" (a URL), "-----BEGIN " (a key block), a token's fixed start. */
    private static final int URL_SHAPE = 1;
    private static final int KEY_SHAPE = 2;
    private static final int TOKEN_SHAPE = 4;

    /**
     * Which fixed pieces the credential patterns need {@code text} holds, found in one pass: {@code "://"}
     * for {@link #URL_PASSWORD}, {@code "-----BEGIN "} for {@link #KEY_BLOCK}, and for {@link #TOKEN} the
     * start of one of its formats ({@code AKIA}, {@code github_pat_}, {@code xox}, {@code sk_live_},
     * {@code gh} then one of {@code pousr} then {@code _}).
     */
    private static int shapes(String text) {
        // Over the text's ISO-8859-1 bytes, not its chars: every piece looked for is ASCII, a character
        // the encoding has not (replaced by '?') neither is one nor joins one, and only which pieces occur
        // is answered, not where; a byte array is read much faster than a string char by char.
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int found = 0;
        int n = b.length;
        for (int i = 0; i < n && found != (URL_SHAPE | KEY_SHAPE | TOKEN_SHAPE); i++) {
            switch (b[i]) {
                case ':' -> {
                    if (i + 2 < n && b[i + 1] == '/' && b[i + 2] == '/') {
                        found |= URL_SHAPE;
                    }
                }
                case '-' -> {
                    if (i + 1 < n && b[i + 1] == '-' && at(b, i, "-----BEGIN ")) {
                        found |= KEY_SHAPE;
                    }
                }
                case 'A' -> {
                    if (i + 1 < n && b[i + 1] == 'K' && at(b, i, "AKIA")) {
                        found |= TOKEN_SHAPE;
                    }
                }
                case 'g' -> {
                    if (i + 1 < n && b[i + 1] == 'h') {
                        if (i + 3 < n && "pousr".indexOf(b[i + 2]) >= 0 && b[i + 3] == '_') {
                            found |= TOKEN_SHAPE;
                        }
                    } else if (i + 1 < n && b[i + 1] == 'i' && at(b, i, "github_pat_")) {
                        found |= TOKEN_SHAPE;
                    }
                }
                case 'x' -> {
                    if (i + 2 < n && b[i + 1] == 'o' && b[i + 2] == 'x') {
                        found |= TOKEN_SHAPE;
                    }
                }
                case 's' -> {
                    if (i + 1 < n && b[i + 1] == 'k' && at(b, i, "sk_live_")) {
                        found |= TOKEN_SHAPE;
                    }
                }
                default -> { }
            }
        }
        return found;
    }

    /** Whether the ASCII text {@code piece} is at {@code i} of {@code b}. */
    private static boolean at(byte[] b, int i, String piece) {
        if (i + piece.length() > b.length) {
            return false;
        }
        for (int j = 0; j < piece.length(); j++) {
            if (b[i + j] != piece.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text} has the fixed start of one of {@link #TOKEN}'s formats. */
    static boolean mayHoldToken(String text) {
        return (shapes(text) & TOKEN_SHAPE) != 0;
    }

    /**
     * Whether {@code text} may hold a name {@link #secretName} accepts: one of the secret words' letters,
     * in any case, somewhere in it (a quick test before looking for names: false means none).
     */
    public static boolean mayNameSecret(String text) {
        // One pass over ASCII text (reports ask this of every message and quoted line); text with other
        // characters is upper-cased as words() does it, since some upper-case to ASCII letters.
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return mayNameSecretUpper(text);
            }
            boolean hit = switch (c) {
                case 'P', 'p' -> at(text, i, "PASS") || at(text, i, "PWD");
                case 'S', 's' -> at(text, i, "SECRET");
                case 'T', 't' -> at(text, i, "TOKEN");
                case 'K', 'k' -> at(text, i, "KEY");
                case 'C', 'c' -> at(text, i, "CREDENTIAL") || at(text, i, "CREDS");
                case 'A', 'a' -> at(text, i, "AUTH");
                default -> false;
            };
            if (hit) {
                return true;
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

    /** Pieces one of which every secret word contains. */
    private static final List<String> NAME_PARTS = List.of("PASS", "PWD", "SECRET", "TOKEN", "KEY", "CREDENTIAL",
            "CREDS", "AUTH");

    /** What kind of credential {@code value} holds by its shape, or null: for messages. */
    public static String credentialKind(String value) {
        if (value == null) {
            return null;
        }
        int shapes = shapes(value); // as in credentials(): no pattern can match without its fixed piece
        if ((shapes & URL_SHAPE) != 0) {
            Matcher m = URL_PASSWORD.matcher(value);
            while (m.find()) {
                if (secretValue(m.group(1))) {
                    return "a connection string with a password";
                }
            }
        }
        if ((shapes & KEY_SHAPE) != 0 && KEY_BLOCK.matcher(value).find()) {
            return "a private key";
        }
        if ((shapes & TOKEN_SHAPE) != 0 && TOKEN.matcher(value).find()) {
            return "an access token";
        }
        return null;
    }
}
