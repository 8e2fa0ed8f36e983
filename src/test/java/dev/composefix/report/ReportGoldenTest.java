package dev.composefix.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every format's output on the same fixture stack equals its golden file, byte for byte
 * ({@code mvn test -Dtest=ReportGoldenTest -Dcomposefix.updateGoldens=true} rewrites them; read the
 * diff before committing).
 */
class ReportGoldenTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Format.class)
    void outputMatchesTheGolden(Format format) throws Exception {
        CliRun r = ReportGoldens.run(format);
        assertEquals(2, r.exit(), "the stack has a file that does not parse: exit 2\n" + r.err());
        assertEquals("", r.err());
        Path golden = ReportGoldens.golden(format);
        if (Boolean.getBoolean("composefix.updateGoldens")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, r.out(), StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.isRegularFile(golden), golden + " is missing; run with -Dcomposefix.updateGoldens=true");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), r.out(),
                format.id() + " output differs from " + golden);
    }

    /** {@code -o FILE} writes what standard output shows (both are written as they are rendered). */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Format.class)
    void outputFileMatchesStandardOutput(Format format, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.out");
        CliRun toFile = CliRun.run(java.util.Map.of(), "", "lint", "--ignore-environment", "--link-base",
                ReportGoldens.LINK_BASE, "--format", format.id(), "-o", file.toString(), ReportGoldens.stack());
        assertEquals(2, toFile.exit(), toFile.err());
        assertEquals(ReportGoldens.run(format).out(), Files.readString(file, StandardCharsets.UTF_8), format.id());
    }

    @Test
    void everyGoldenBelongsToAFormat() throws Exception {
        Set<String> expected = new TreeSet<>();
        for (Format f : Format.values()) {
            expected.add(ReportGoldens.golden(f).getFileName().toString());
        }
        Set<String> present = new TreeSet<>();
        try (Stream<Path> s = Files.list(ReportGoldens.expectedDir())) {
            s.forEach(p -> present.add(p.getFileName().toString()));
        }
        assertEquals(expected, present, "fixtures/reports/expected holds exactly one golden per format");
    }
}
