package dev.composefix.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real programs the tests run (PostgreSQL, Redis): found in the given directories or on PATH. A
 * missing one skips the test with a message, except under CI (CI=true), where it fails: .ci/run
 * installs them, so nothing is skipped silently there.
 */
public final class Programs {

    /** What a finished program printed and returned. */
    public record Result(int exit, String out) {
    }

    private Programs() {
    }

    /**
     * The program {@code name}: in the newest of the directories matching {@code dirGlobParent/*}/{@code
     * subdir} (such as /usr/lib/postgresql/15/bin), else on PATH.
     */
    public static Path require(String name, String debianPackage, Path versionedParent, String subdir) {
        List<Path> candidates = new ArrayList<>();
        if (versionedParent != null && Files.isDirectory(versionedParent)) {
            try (Stream<Path> s = Files.list(versionedParent)) {
                s.sorted(Comparator.comparing((Path p) -> versionKey(p.getFileName().toString())).reversed())
                        .map(p -> p.resolve(subdir).resolve(name)).forEach(candidates::add);
            } catch (IOException e) {
                // fall back to PATH
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, name));
            }
        }
        for (Path p : candidates) {
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        String why = name + " is not installed (Debian package " + debianPackage + ", which .ci/run installs)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why + "; it is required under CI");
        }
        System.err.println("composefix tests: skipping a test that needs a real server: " + why);
        assumeTrue(false, "skipped: " + why);
        return null;
    }

    private static long versionKey(String name) {
        try {
            return Long.parseLong(name.replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Runs a command to its end (at most {@code seconds}), with output and errors together. */
    public static Result run(List<String> command, Path dir, int seconds) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, new String(out, StandardCharsets.UTF_8) + "\n(timed out)");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    /** Whether the tests run as root (as CI does), where PostgreSQL refuses to start. */
    public static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** A free TCP port on the loopback interface. */
    public static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
