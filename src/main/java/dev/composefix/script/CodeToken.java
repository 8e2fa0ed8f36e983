package dev.composefix.script;

/**
 * One token of Python or JavaScript/TypeScript source, as far as finding calls needs: a name, a string
 * literal (its decoded value mapped to the file), a template literal with substitutions, or any other
 * punctuation char; {@code start} and {@code end} are its file offsets.
 */
record CodeToken(Type type, String text, ShellSnippet value, int start, int end) {

    enum Type { NAME, STRING, PUNCT }

    boolean is(String punct) {
        return type == Type.PUNCT && text.equals(punct);
    }

    boolean isName(String name) {
        return type == Type.NAME && text.equals(name);
    }
}
