package dev.composefix.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PgSizeTest {

    @Test
    void unitsAreCaseSensitiveAndPowersOf1024() {
        assertEquals(128L << 20, PgSize.parse("128MB", PgSize.Base.BLOCKS).getAsLong());
        assertEquals(2L << 30, PgSize.parse("2GB", PgSize.Base.KB).getAsLong());
        assertEquals(64L << 10, PgSize.parse("64kB", PgSize.Base.KB).getAsLong());
        assertEquals(1L << 40, PgSize.parse("1TB", PgSize.Base.MB).getAsLong());
        assertEquals(512L << 20, PgSize.parse(" 512 MB ", PgSize.Base.BLOCKS).getAsLong(), "spaces are allowed");
        assertTrue(PgSize.parse("32mb", PgSize.Base.KB).isEmpty(), "32mb stops the server");
        assertTrue(PgSize.parse("1Gb", PgSize.Base.KB).isEmpty());
        assertTrue(PgSize.parse("1KB", PgSize.Base.KB).isEmpty());
        assertTrue(PgSize.parse("lots", PgSize.Base.KB).isEmpty());
    }

    @Test
    void aBareNumberCountsTheSettingsBaseUnit() {
        assertEquals(16384L * 8192, PgSize.parse("16384", PgSize.Base.BLOCKS).getAsLong(), "shared_buffers in 8kB");
        assertEquals(4096L * 1024, PgSize.parse("4096", PgSize.Base.KB).getAsLong(), "work_mem in kB");
        assertEquals(1024L << 20, PgSize.parse("1024", PgSize.Base.MB).getAsLong(), "max_wal_size in MB");
    }

    @Test
    void fractionsRoundToTheBaseUnit() {
        assertEquals(1536L << 20, PgSize.parse("1.5GB", PgSize.Base.KB).getAsLong());
        assertEquals(984L << 10, PgSize.parse("983kB", PgSize.Base.BLOCKS).getAsLong(), "983kB is 122.9 blocks: 123");
    }

    @Test
    void formatUsesTheLargestExactUnit() {
        assertEquals("256MB", PgSize.format(262144));
        assertEquals("2GB", PgSize.format(2097152));
        assertEquals("7864kB", PgSize.format(7864));
        assertEquals("1536MB", PgSize.format(1572864));
        assertEquals("0kB", PgSize.format(0));
    }
}
