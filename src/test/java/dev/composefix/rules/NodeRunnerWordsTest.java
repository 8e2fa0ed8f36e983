package dev.composefix.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.composefix.testing.PieceTexts;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link NodeModulesBindMount#runs} against splitting with the expression it stands for. */
class NodeRunnerWordsTest {

    private static final Set<String> RUNNERS = Set.of("npm", "yarn", "pnpm", "npx", "node", "nodemon", "bun");

    private static boolean reference(String text) {
        for (String word : text.split("[\\s;&|()'\"]+")) {
            if (RUNNERS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void chosenCommands() {
        for (String text : List.of("", "npm", "npm start", "sh -c 'npm run dev'", "(node)", "nodejs app.js",
                "a;yarn", "x|pnpm|y", "node\u000Bx", "\"bun\"", "npm\u00a0start", "/usr/bin/node", "npx&&")) {
            assertEquals(reference(text), NodeModulesBindMount.runs(text), text);
        }
    }

    /** Replay one case with -Dcomposefix.runnerSeed=SEED. */
    @Test
    void generatedCommands() {
        PieceTexts.agree("composefix.runnerSeed", 20261124L, 20_000, List.of("npm", "node", "nodemon", "bun", "yarn",
                "pnpm", "npx", "no", "de", " ", "\t", "\n", ";", "&", "|", "(", ")", "'", "\"", "x", "/", "-", "\u00a0",
                "\f", "\r", "\u000B"), 6, NodeRunnerWordsTest::reference, NodeModulesBindMount::runs);
    }
}
