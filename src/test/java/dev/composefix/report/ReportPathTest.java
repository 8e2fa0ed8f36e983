package dev.composefix.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The report path of a file as {@link ReportPath#of(String)} gives it (keeping its last answer) is the one
 * made from the working directory for each call: on seeded runs of names, the same name often several times
 * in turn (as findings come), relative and absolute, under the working directory and outside it, with '.',
 * '..', backslashes and a character no path may hold.
 */
class ReportPathTest {

    @Test
    void keptAnswersAreThoseMadeEachTime() {
        Path cwd = Path.of("").toAbsolutePath();
        List<String> names = List.of("compose.yml", "./compose.yml", "a/../compose.yml", "dir/c.yml", "dir\\c.yml",
                cwd + "/compose.yml", cwd + "/dir/../x.yml", "/elsewhere/compose.yml", "/", "", ".", "caf\u00e9.yml",
                "bad\u0000name", cwd.toString(), "../up.yml");
        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            for (int i = 0; i < 50; i++) {
                String name = new String(names.get(random.nextInt(names.size()))); // equal, not the same string
                int times = 1 + random.nextInt(3);
                for (int t = 0; t < times; t++) {
                    assertEquals(ReportPath.of(name, cwd), ReportPath.of(name), "seed " + seed + ": " + name);
                }
            }
        }
    }
}
