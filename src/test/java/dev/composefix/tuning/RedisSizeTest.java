package dev.composefix.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedisSizeTest {

    @Test
    void singleLetterUnitsAreDecimalAndTwoLetterOnesBinary() {
        assertEquals(200_000_000L, RedisSize.parse("200m").getAsLong());
        assertEquals(200L << 20, RedisSize.parse("200mb").getAsLong());
        assertEquals(200L << 20, RedisSize.parse("200MB").getAsLong());
        assertEquals(1_000_000_000L, RedisSize.parse("1G").getAsLong());
        assertEquals(1L << 30, RedisSize.parse("1gb").getAsLong());
        assertEquals(1000L, RedisSize.parse("1k").getAsLong());
        assertEquals(1024L, RedisSize.parse("1kb").getAsLong());
        assertEquals(12345L, RedisSize.parse("12345").getAsLong());
        assertTrue(RedisSize.parse("1.5gb").isEmpty());
        assertTrue(RedisSize.parse("1 gb").isEmpty());
    }

    @Test
    void ambiguousUnitsAreTheSingleLetters() {
        assertTrue(RedisSize.decimalUnit("200m"));
        assertTrue(RedisSize.decimalUnit("2G"));
        assertFalse(RedisSize.decimalUnit("200mb"));
        assertFalse(RedisSize.decimalUnit("1024"));
        assertFalse(RedisSize.decimalUnit("100b"));
    }

    @Test
    void formatWritesBinaryUnitsRoundedDown() {
        assertEquals("128mb", RedisSize.format(128L << 20));
        assertEquals("2gb", RedisSize.format(2L << 30));
        assertEquals("1536mb", RedisSize.format(1536L << 20));
        assertEquals("190mb", RedisSize.format(200_000_000L));
    }
}
