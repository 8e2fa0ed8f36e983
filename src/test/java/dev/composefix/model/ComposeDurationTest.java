package dev.composefix.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ComposeDurationTest {

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({
        "1m30s, 90000",
        "90s, 90000",
        "500ms, 500",
        "1h2m3s4ms, 3723004",
        "1.5s, 1500",
        ".5s, 500",
        "1.s, 1000",
        "0, 0",
        "0s, 0",
        "2h, 7200000",
        "1500us, 1",
        "-5s, -5000",
        "+5s, 5000",
        "30s, 30000",
    })
    void parsesGoDurations(String text, long millis) {
        assertEquals(Optional.of(Duration.ofMillis(millis)), ComposeDuration.parse(text).map(d -> Duration.ofMillis(d.toMillis())));
    }

    @ParameterizedTest(name = "{0} is not a duration")
    @ValueSource(strings = {"", "30", "1d", "s", "1m 30s", "abc", "1.2.3s", "-", ".s", "10 s", "1ss"})
    void rejectsWhatGoRejects(String text) {
        assertTrue(ComposeDuration.parse(text).isEmpty(), text);
    }

    @ParameterizedTest(name = "{0} ms formats as {1}")
    @CsvSource({"30000, 30s", "90000, 1m30s", "500, 500ms", "3600000, 1h", "600000, 10m", "0, 0s"})
    void formatsInComposeSyntax(long millis, String text) {
        assertEquals(text, ComposeDuration.format(Duration.ofMillis(millis)));
    }
}
