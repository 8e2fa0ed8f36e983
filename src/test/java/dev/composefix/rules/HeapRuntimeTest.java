package dev.composefix.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.composefix.model.ByteSize;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.ComposeLoader;
import dev.composefix.model.EnvironmentVariable;
import dev.composefix.model.Variables;
import dev.composefix.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heap options the fixes write are the ones the real runtimes use. A compose file with one
 * service per memory limit (256M to 16G, in the states the rules fix) is rewritten by the real
 * {@code composefix rewrite}; each service's {@code NODE_OPTIONS} or {@code JAVA_TOOL_OPTIONS} is read
 * back from the output YAML and handed, as it is, to the runtime: {@code node} reports its
 * {@code heap_size_limit}, {@code java -XX:+PrintFlagsFinal -version} its {@code MaxHeapSize}.
 *
 * <p>Tolerances, and why: V8's {@code heap_size_limit} is the old space ({@code --max-old-space-size})
 * plus the young generation, three semi-spaces (3 x 16 MiB = 48 MiB on 64-bit Node.js 20), so it may
 * exceed the option by up to 96 MiB (room for V8 releases with larger semi-spaces) and never fall short.
 * The JVM rounds the maximum heap up to its heap alignment (the G1 region size, 1 to 8 MiB at these
 * sizes, and at least 2 MiB), so {@code MaxHeapSize} may exceed the option by less than that alignment
 * and never fall short. Both must stay below the service's memory limit.
 *
 * <p>The JVM is the one running this test. Without {@code node} the Node.js test skips with a message
 * outside CI and fails under CI ({@code CI=true}); .ci/run installs Debian's {@code nodejs}.
 */
class HeapRuntimeTest {

    private static final long MIB = 1L << 20;
    private static final List<String> LIMITS = List.of("256M", "300M", "512M", "700M", "1G", "1536M", "2G", "3G",
            "4G", "6G", "8G", "12G", "16G");
    private static final Pattern MAX_OLD_SPACE = Pattern.compile("--max-old-space-size=(\\d+)");

    @TempDir
    Path dir;

    @Test
    void nodeUsesTheHeapLimitTheFixWrites() throws Exception {
        String node = requireNode();
        StringBuilder compose = new StringBuilder("services:\n");
        for (int i = 0; i < LIMITS.size(); i++) {
            String limit = LIMITS.get(i);
            compose.append("  s").append(limit).append(":\n    image: node:20\n    mem_limit: ").append(limit)
                    .append('\n');
            switch (i % 3) {
                case 0 -> { } // no NODE_OPTIONS: the fix adds it
                case 1 -> compose.append("    environment:\n      - NODE_OPTIONS=--enable-source-maps"
                        + " --max-old-space-size=65536\n"); // too large: the number is lowered
                default -> compose.append("    environment:\n      NODE_OPTIONS: \"--enable-source-maps\"\n");
            }
        }
        ComposeFile fixed = rewrite(compose.toString(), "CF307");
        for (String limit : LIMITS) {
            long bytes = ByteSize.parse(limit).getAsLong();
            String options = variable(fixed, "s" + limit, "NODE_OPTIONS");
            Matcher m = MAX_OLD_SPACE.matcher(options);
            assertTrue(m.find(), limit + ": " + options);
            long mib = Long.parseLong(m.group(1));
            assertEquals(bytes * 3 / 4 / MIB, mib, limit + ": 75% of the limit in MiB, rounded down");
            String out = run(Map.of("NODE_OPTIONS", options), node, "-e",
                    "process.stdout.write(String(require('v8').getHeapStatistics().heap_size_limit))");
            long heapLimit = Long.parseLong(out.strip());
            long youngGeneration = heapLimit - mib * MIB;
            assertTrue(youngGeneration >= 0 && youngGeneration <= 96 * MIB, limit + ": NODE_OPTIONS=" + options
                    + " gave heap_size_limit " + heapLimit + ", " + youngGeneration / (double) MIB
                    + " MiB above the option");
            assertTrue(heapLimit < bytes, limit + ": heap_size_limit " + heapLimit + " is below the limit");
        }
    }

    @Test
    void theJvmUsesTheHeapLimitTheFixWrites() throws Exception {
        StringBuilder compose = new StringBuilder("services:\n");
        for (int i = 0; i < LIMITS.size(); i++) {
            String limit = LIMITS.get(i);
            String jvmSize = limit.replace("M", "m").replace("G", "g");
            compose.append("  s").append(limit).append(":\n    image: eclipse-temurin:21\n    mem_limit: ")
                    .append(limit).append("\n    environment:\n      JAVA_TOOL_OPTIONS: ");
            switch (i % 3) {
                case 0 -> compose.append("-Xms").append(jvmSize).append(" -Xmx").append(jvmSize); // at the limit
                case 1 -> compose.append("\"-XX:MaxRAMPercentage=90 -XX:MaxRAM=64g\"");
                default -> compose.append("-XX:MaxHeapSize=").append(jvmSize).append(" -XX:+UseStringDeduplication");
            }
            compose.append('\n');
        }
        ComposeFile fixed = rewrite(compose.toString(), "CF308");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String limit : LIMITS) {
            long bytes = ByteSize.parse(limit).getAsLong();
            String options = variable(fixed, "s" + limit, "JAVA_TOOL_OPTIONS");
            String out = run(Map.of("JAVA_TOOL_OPTIONS", options), java, "-XX:+PrintFlagsFinal", "-version");
            long maxHeap = flag(out, "MaxHeapSize");
            long region = out.contains("UseG1GC ") && flag(out, "UseG1GC") == 1 ? flag(out, "G1HeapRegionSize") : 0;
            long alignment = Math.max(region, 2 * MIB);
            long expected = bytes * 3 / 4 / MIB * MIB;
            assertTrue(maxHeap >= expected && maxHeap < expected + alignment, limit + ": JAVA_TOOL_OPTIONS=" + options
                    + " gave MaxHeapSize " + maxHeap + ", expected " + expected + " rounded up to " + alignment);
            assertTrue(maxHeap < bytes, limit + ": MaxHeapSize " + maxHeap + " is below the limit");
            if (options.contains("-Xms")) {
                assertEquals(maxHeap, flag(out, "InitialHeapSize"), limit + ": -Xms was lowered with -Xmx: " + options);
            }
        }
    }

    /** The real rewrite of {@code compose} with one rule, read back as a model. */
    private ComposeFile rewrite(String compose, String rule) throws Exception {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, compose);
        CliRun r = CliRun.run("rewrite", "--ignore-environment", "--only", rule, file.toString());
        assertEquals(0, r.exit(), r.err());
        return new ComposeLoader().load("compose.yaml", r.out(), Variables.NONE);
    }

    private static String variable(ComposeFile file, String service, String name) {
        assertNotNull(file.service(service), service);
        EnvironmentVariable v = file.service(service).environment().get(name);
        assertNotNull(v, service + " has " + name);
        assertTrue(v.value() != null && v.value().known(), service + ": " + name);
        return v.value().text();
    }

    /** A flag's value in {@code -XX:+PrintFlagsFinal} output ({@code true} is 1). */
    private static long flag(String printFlagsFinal, String name) {
        Matcher m = Pattern.compile("^\\s*\\S+\\s+" + name + "\\s+=\\s+(\\S+)", Pattern.MULTILINE).matcher(printFlagsFinal);
        if (!m.find()) {
            fail(name + " not in the JVM's flags:\n" + printFlagsFinal);
        }
        String v = m.group(1);
        return v.equals("true") ? 1 : v.equals("false") ? 0 : Long.parseLong(v);
    }

    /** Runs a program with extra environment variables (and none of the others that change heaps); its output. */
    private static String run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> e = pb.environment();
        for (String v : List.of("NODE_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS")) {
            e.remove(v);
        }
        e.putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", command) + " with " + env + " failed:\n" + text);
        return text;
    }

    /** The {@code node} program; skips (outside CI) or fails (under CI) when it is not installed. */
    private static String requireNode() {
        String why;
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            why = p.waitFor() == 0 ? null : "'node --version' failed";
        } catch (IOException | InterruptedException e) {
            why = "node is not installed (apt-get install nodejs)";
        }
        if (why != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("node is required under CI: " + why);
            }
            System.err.println("composefix tests: skipping the Node.js heap test: " + why);
            assumeTrue(false, "skipped: " + why);
        }
        return "node";
    }
}
