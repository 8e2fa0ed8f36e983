package dev.composefix.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.composefix.testing.PieceTexts;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link CommandWrappers#assignment} against the expression it stands for. */
class CommandWrappersTest {

    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);

    @Test
    void assignmentsAsTheExpressionFindsThem() {
        for (String arg : List.of("", "=", "A=", "A=b", "_=x", "_1=x", "1A=x", "A-B=x", "A", "A B=c", "a=\nb",
                "PATH=/bin:$PATH", "--opt=1", "Ä=1", "A\u0660=1", "x==", " A=1")) {
            assertEquals(ASSIGNMENT.matcher(arg).matches(), CommandWrappers.assignment(arg), arg);
        }
    }

    /** Replay one case with -Dcomposefix.assignmentSeed=SEED. */
    @Test
    void generatedWordsAsTheExpressionFindsThem() {
        PieceTexts.agree("composefix.assignmentSeed", 20261124L, 20_000,
                PieceTexts.characters("aZ_09=-. \n$\u00e9\u0660"), 7, arg -> ASSIGNMENT.matcher(arg).matches(),
                CommandWrappers::assignment);
    }
}
