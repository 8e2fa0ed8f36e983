package dev.composefix.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.testing.CliRun;
import dev.composefix.testing.TestFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Docker hazard in a service that an included file defines is found in that file, at its own place: the
 * rule once mapped the command's offsets into the project's first file's text, which threw (an internal
 * error, exit 3) where that text was shorter, and pointed at the wrong place where it was not.
 */
class IncludedFileSpanTest {

    @TempDir
    Path dir;

    @Test
    void aHazardInAnIncludedFileIsMarkedThere() throws Exception {
        Path shared = TestFiles.write(dir, "common/shared.yml", "services:\n  job:\n    image: alpine:3\n"
                + "    command: [\"sh\", \"-c\", \"docker rm -f old\"]\n");
        Path main = TestFiles.write(dir, "a/compose.yaml", "include:\n  - ../common/shared.yml\nservices:\n"
                + "  web:\n    image: nginx:1.27\n");
        CliRun r = CliRun.run("lint", "--only", "force-remove", "--format", "github", main.toString());
        assertEquals(1, r.exit(), r.err() + r.out());
        assertTrue(r.err().isEmpty(), r.err());
        // "docker rm -f old" starts at column 27 of line 4; its -f is columns 38 to 40.
        assertTrue(r.out().contains("file=" + shared.toString().replace(":", "%3A").replace(",", "%2C")
                + ",line=4,endLine=4,col=38,endColumn=40,"), r.out());
    }
}
