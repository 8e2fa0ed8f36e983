package dev.composefix.testing;

import java.util.Random;

/**
 * A seeded generator of YAML-like text: mostly compose-shaped lines with indentation, keys,
 * sequences, flow collections, anchors, aliases, merge keys, quotes, comments, interpolation and
 * odd characters, so that both valid and subtly broken documents come out.
 */
public final class YamlishText {

    private static final String[] KEYS = {"services", "web", "db", "image", "mem_limit", "cpus", "deploy",
        "resources", "limits", "memory", "healthcheck", "interval", "timeout", "retries", "test", "depends_on",
        "condition", "command", "entrypoint", "environment", "version", "ports", "volumes", "<<", "x-base",
        "disable", "restart", "reservations", "start_period", "build", "extends", "post_start", "pre_stop"};
    private static final String[] VALUES = {"nginx:1.27", "512m", "1.5G", "0.5", "10s", "1m30s", "true", "~",
        "\"quoted # not comment\"", "'single'", "${MEM:-1g}", "${UNSET}", "$$HOME", "[CMD, true]",
        "{a: 1, b: [2, 3]}", "*a", "&a {x: 1}", "service_healthy", "-1", "0", "|\n  block\n  text",
        ">-\n  folded", "\"\\u263A\"", "\uD83D\uDE00", "sh -c \"docker rm -f x\"", "!reset null", "!!str 5",
        "abc", "1h2m3s4ms", "NONE", "[\"NONE\"]", "", "0x1F", ".inf", "9999999999999999999999"};
    private static final String[] NOISE = {"\t", "\r\n", "\r", "#", ":", "- ", "[", "]", "{", "}", ",", "&",
        "*", "!", "?", "|", ">", "'", "\"", "\\", "---\n", "...\n", "%YAML 1.2\n", "\u0000", "\uFEFF", "\u2028",
        "\u0085", "  ", "\n"};

    private YamlishText() {
    }

    public static String generate(long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder();
        int lines = 1 + r.nextInt(40);
        int indent = 0;
        for (int i = 0; i < lines; i++) {
            int roll = r.nextInt(100);
            if (roll < 5) {
                b.append(NOISE[r.nextInt(NOISE.length)]);
                continue;
            }
            indent = Math.max(0, Math.min(12, indent + (r.nextInt(3) - 1) * 2));
            b.append(" ".repeat(indent));
            if (roll < 15) {
                b.append("- ").append(VALUES[r.nextInt(VALUES.length)]);
            } else if (roll < 20) {
                b.append("# ").append(r.nextBoolean() ? "composefix: ignore[CF101]" : "comment");
            } else {
                b.append(KEYS[r.nextInt(KEYS.length)]).append(':');
                if (r.nextInt(3) > 0) {
                    b.append(' ').append(VALUES[r.nextInt(VALUES.length)]);
                }
                if (r.nextInt(10) == 0) {
                    b.append("  # trailing");
                }
            }
            if (r.nextInt(30) == 0) {
                b.append(NOISE[r.nextInt(NOISE.length)]);
            }
            b.append(r.nextInt(15) == 0 ? "\r\n" : "\n");
        }
        return b.toString();
    }

    /** Random bytes, sometimes invalid UTF-8, around a valid head. */
    public static byte[] bytes(long seed) {
        Random r = new Random(seed);
        byte[] head = generate(seed).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + r.nextInt(16)];
        System.arraycopy(head, 0, out, 0, head.length);
        for (int i = head.length; i < out.length; i++) {
            out[i] = (byte) r.nextInt(256);
        }
        if (out.length > 0 && r.nextInt(4) == 0) {
            out[r.nextInt(out.length)] = (byte) r.nextInt(256);
        }
        return out;
    }
}
