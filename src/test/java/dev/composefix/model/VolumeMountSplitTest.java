package dev.composefix.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Splitting a short volume at its colons answers as copying it char by char into parts does. */
class VolumeMountSplitTest {

    /** The split as it was written first: each part built char by char. */
    private static String[] reference(String spec) {
        List<String> parts = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c == '$' && i + 1 < spec.length() && spec.charAt(i + 1) == '$') {
                b.append("$$");
                i++;
                continue;
            }
            if (c == '$' && i + 1 < spec.length() && spec.charAt(i + 1) == '{') {
                depth++;
                b.append("${");
                i++;
                continue;
            }
            if (depth > 0 && c == '}') {
                depth--;
            }
            boolean drive = c == ':' && b.length() == 1 && Character.isLetter(b.charAt(0))
                    && i + 1 < spec.length() && (spec.charAt(i + 1) == '\\' || spec.charAt(i + 1) == '/');
            if (c == ':' && depth == 0 && !drive) {
                parts.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        parts.add(b.toString());
        return parts.toArray(new String[0]);
    }

    @Test
    void splitsAsCharByCharDoes() {
        Random r = new Random(5);
        String alphabet = "::$${}}C/\\.ab-é1";
        for (int round = 0; round < 50_000; round++) {
            StringBuilder b = new StringBuilder();
            for (int n = r.nextInt(14); n > 0; n--) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String spec = b.toString();
            assertArrayEquals(reference(spec), VolumeMount.split(spec), spec);
        }
        for (String spec : List.of("", "data", "./data:/data:ro", "C:\\data:/data", "c:/x:/y:rw", "${DIR:-./d}:/d",
                "$${X}:y", "a:b:c:d", ":", "C:", "C:/")) {
            assertArrayEquals(reference(spec), VolumeMount.split(spec), spec);
        }
    }
}
