package dev.composefix.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {

    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource({
        "268435456, 268435456",
        "512M, 536870912",
        "512m, 536870912",
        "512mb, 536870912",
        "512MB, 536870912",
        "512MiB, 536870912",
        "1.5G, 1610612736",
        "1gb, 1073741824",
        "1g, 1073741824",
        "64k, 65536",
        "64kb, 65536",
        "100b, 100",
        "100, 100",
        "'2 GB', 2147483648",
        "1t, 1099511627776",
        "0, 0",
    })
    void parsesWhatComposeAccepts(String text, long bytes) {
        assertEquals(OptionalLong.of(bytes), ByteSize.parse(text));
    }

    @ParameterizedTest(name = "{0} is not a size")
    @ValueSource(strings = {"", "abc", "-1", "1.2.3", "512x", "G", "1e3", "512 M B", "1,5G", "0x10"})
    void rejectsWhatComposeRejects(String text) {
        assertTrue(ByteSize.parse(text).isEmpty(), text);
    }

    @ParameterizedTest(name = "{0} formats as {1}")
    @CsvSource({"536870912, 512M", "1610612736, 1.5G", "1073741824, 1G", "100, 100B", "65536, 64K"})
    void formatsShort(long bytes, String text) {
        assertEquals(text, ByteSize.format(bytes));
    }

    /** The grammar as the regular expression it was read with before: the reference for the hand-written reader. */
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?) ?([kmgtp])?i?b?", Pattern.CASE_INSENSITIVE);

    private static OptionalLong reference(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        long unit = m.group(2) == null ? 1 : 1L << (10 * (1 + "kmgtp".indexOf(Character.toLowerCase(m.group(2).charAt(0)))));
        double bytes = Double.parseDouble(m.group(1)) * unit;
        return bytes >= Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of((long) bytes);
    }

    /** Generated texts (seeded; -Dcomposefix.byteSizeSeed=N replays) read alike by hand and by the expression. */
    @Test
    void readsAsTheRegularExpressionDid() {
        String given = System.getProperty("composefix.byteSizeSeed");
        long seed = given != null ? Long.parseLong(given) : new Random().nextLong();
        Random random = new Random(seed);
        String[] pieces = {"0", "1", "5", "9", "12", "512", "0000", "99999999999", ".", ".5", " ", "k", "K", "m", "M",
            "g", "G", "t", "T", "p", "P", "i", "I", "b", "B", "e", "x", "-", "\t", "\u212a", "\u0660", "\u00a0", "ib",
            "iB", "Mi", "10000000000000000000"};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(6);
            for (int k = 0; k < length; k++) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = b.toString();
            assertEquals(reference(text), ByteSize.parse(text), "seed " + seed + ": '" + text + "'");
        }
    }
}
