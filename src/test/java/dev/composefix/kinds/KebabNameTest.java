package dev.composefix.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
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
        long seed = Long.getLong("composefix.kebabSeed", 20261124L);
        Random random = new Random(seed);
        String alphabet = "az09--A_.\u00e9";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(7);
            for (int i = 0; i < length; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String name = b.toString();
            assertEquals(KEBAB.matcher(name).matches(), KindBuilder.kebab(name), () -> "'" + name + "' (seed " + seed + ")");
        }
    }
}
