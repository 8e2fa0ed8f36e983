package dev.composefix.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
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
}
