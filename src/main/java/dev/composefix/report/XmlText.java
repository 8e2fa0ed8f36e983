package dev.composefix.report;

/**
 * Escaping for the XML formats (checkstyle, junit): markup characters become entities, and
 * characters XML 1.0 cannot carry at all (most control characters, lone surrogates) become U+FFFD.
 */
public final class XmlText {

    private XmlText() {
    }

    /** {@code s} as element content. */
    public static String content(String s) {
        return escape(s, false);
    }

    /** {@code s} as a double- or single-quoted attribute value; line breaks and tabs survive as references. */
    public static String attribute(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean attribute) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
                continue;
            }
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                case '\'' -> b.append(attribute ? "&apos;" : "'");
                case '\n' -> b.append(attribute ? "&#10;" : "\n");
                case '\r' -> b.append("&#13;");
                case '\t' -> b.append(attribute ? "&#9;" : "\t");
                default -> b.append(allowed(c) ? c : '\uFFFD');
            }
        }
        return b.toString();
    }

    /** Whether XML 1.0 allows the (non-surrogate-pair) char {@code c}. */
    private static boolean allowed(char c) {
        return c >= 0x20 && !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF;
    }
}
