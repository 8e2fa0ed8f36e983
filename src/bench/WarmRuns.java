import dev.composefix.cli.Io;
import dev.composefix.cli.Main;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one composefix command several times in one JVM and prints each round's wall and CPU time, so a
 * cold process's time can be split into what the code costs once the JIT has compiled it (the later
 * rounds) and what the first round pays on top (interpreting, compiling, loading and initialising).
 * Standard output goes to a null stream that stands in for {@code System.out}, so reports are rendered
 * and encoded as they are for a terminal or pipe. Run by {@code src/bench/warm.sh}, on purpose.
 *
 * <p>Usage: {@code WarmRuns ROUNDS COMMAND [ARG...] [@FILE_LIST]}: an argument {@code @F} stands for the
 * lines of file F.
 */
public final class WarmRuns {

    private WarmRuns() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: WarmRuns ROUNDS COMMAND [ARG...] [@FILE_LIST]");
            System.exit(2);
        }
        int rounds = Integer.parseInt(args[0]);
        List<String> command = new ArrayList<>();
        for (String a : Arrays.asList(args).subList(1, args.length)) {
            if (a.startsWith("@")) {
                command.addAll(Files.readAllLines(Path.of(a.substring(1))));
            } else {
                command.add(a);
            }
        }
        String[] line = command.toArray(new String[0]);
        PrintStream log = System.err;
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), false);
        System.setOut(nowhere);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] wall = new double[rounds];
        double[] cpu = new double[rounds];
        int firstCode = 0;
        for (int r = 0; r < rounds; r++) {
            long t = System.nanoTime();
            long c = os.getProcessCpuTime();
            int code = Main.run(new Io(System.in, nowhere, nowhere, System.getenv(), Path.of(""), false), line);
            wall[r] = (System.nanoTime() - t) / 1e9;
            cpu[r] = (os.getProcessCpuTime() - c) / 1e9;
            if (r == 0) {
                firstCode = code;
            } else if (code != firstCode) {
                log.printf("round %d exited %d, round 1 %d%n", r + 1, code, firstCode);
                System.exit(3);
            }
            log.printf("  round %2d: wall %6.3f s, cpu %6.3f s%n", r + 1, wall[r], cpu[r]);
        }
        if (rounds > 1) {
            double w = median(Arrays.copyOfRange(wall, 1, rounds));
            double c = median(Arrays.copyOfRange(cpu, 1, rounds));
            log.printf("  first round %.3f s (cpu %.3f); later rounds median %.3f s (cpu %.3f); the first pays %.3f s more"
                    + " (exit code %d)%n", wall[0], cpu[0], w, c, wall[0] - w, firstCode);
        }
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
