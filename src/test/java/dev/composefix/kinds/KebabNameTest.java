package dev.composefix.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.composefix.testing.PieceTexts;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link KindBuilder#kebab} against the expression it stands for. */
class KebabNameTest {

    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    @Test
    void chosenNames() {
        for (String name : List.of("", "a", "postgres", "jvm-app", "a-1", "a1-b2-c3", "-a", "a-", "a--b", "A", "aB",
                "1a", "a_b", "a.b", "é", "a-é", "a-\u0660")) {
            assertEquals(KEBAB.matcher(name).matches(), KindBuilder.kebab(name), name);
        }
    }

    /** Replay one case with -Dcomposefix.kebabSeed=SEED. */
    @Test
    void generatedNames() {
        PieceTexts.agree("composefix.kebabSeed", 20261124L, 20_000, PieceTexts.characters("az09--A_.\u00e9"), 6,
                name -> KEBAB.matcher(name).matches(), KindBuilder::kebab);
    }
}
