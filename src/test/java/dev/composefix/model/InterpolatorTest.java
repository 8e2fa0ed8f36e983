package dev.composefix.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InterpolatorTest {

    private static final Interpolator I = new Interpolator(Variables.of(Map.of("SET", "val", "EMPTY", "",
            "INNER", "in")));

    @ParameterizedTest(name = "{0} -> [{1}] known={2}")
    @CsvSource(delimiter = '|', value = {
        "plain text             | plain text     | true",
        "${SET}                 | val            | true",
        "$SET                   | val            | true",
        "$SET-suffix            | val-suffix     | true",
        "${UNSET}               | ''             | false",
        "$UNSET                 | ''             | false",
        "${UNSET:-def}          | def            | true",
        "${UNSET-def}           | def            | true",
        "${EMPTY:-def}          | def            | true",
        "${EMPTY-def}           | ''             | true",
        "${SET:-def}            | val            | true",
        "${UNSET:?must be set}  | ''             | false",
        "${SET:?must be set}    | val            | true",
        "${EMPTY:?must be set}  | ''             | false",
        "${UNSET?err}           | ''             | false",
        "${EMPTY?err}           | ''             | true",
        "${SET:+alt}            | alt            | true",
        "${EMPTY:+alt}          | ''             | true",
        "${UNSET:+alt}          | ''             | false",
        "${SET+alt}             | alt            | true",
        "${EMPTY+alt}           | alt            | true",
        "${UNSET:-${INNER}}     | in             | true",
        "${UNSET:-${NOPE:-x}y}  | xy             | true",
        "${UNSET:-${NOPE}}      | ''             | false",
        "$$SET                  | $SET           | true",
        "$${SET}                | ${SET}         | true",
        "cost: 5$               | cost: 5$       | true",
        "${SET}/${UNSET:-d}/x   | val/d/x        | true",
        "${UNCLOSED             | ${UNCLOSED     | false",
    })
    void interpolatesAsCompose(String text, String expected, boolean known) {
        Interpolated r = I.apply(text);
        assertEquals(expected, r.text(), text);
        assertEquals(known, r.known(), text);
    }
}
