package dev.composefix.cli;

import dev.composefix.engine.RuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command that lints shares: rule selection, config, variables, standard input, debug. */
final class RunOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Use this config file instead of searching for .composefix.yml.")
    Path config;

    @Option(names = "--only", paramLabel = "RULES", split = ",",
            description = "Only these rules (codes or names, comma-separated).")
    List<String> only = new ArrayList<>();

    @Option(names = "--skip", paramLabel = "RULES", split = ",",
            description = "Not these rules (codes or names, comma-separated).")
    List<String> skip = new ArrayList<>();

    @Option(names = "--env-file", paramLabel = "FILE",
            description = "Read interpolation variables from FILE instead of the .env beside each compose file.")
    Path envFile;

    @Option(names = "--ignore-environment",
            description = "Interpolate from env files and defaults only, not the process environment "
                    + "(reproducible reports).")
    boolean ignoreEnvironment;

    @Option(names = "--stdin-filename", paramLabel = "NAME",
            description = "The path standard input stands for (names it in reports; finds its config and .env).")
    String stdinFilename;

    @Option(names = "--host-memory", paramLabel = "SIZE",
            description = "Memory the stack must fit in, such as 6G (config: host.memory).")
    String hostMemory;

    @Option(names = "--host-cpus", paramLabel = "N", description = "CPUs the stack may use (config: host.cpus).")
    Double hostCpus;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "A file of the project, in merge order (repeatable), as for docker compose -f.")
    List<String> files = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Only services of this profile (repeatable) and those without one; default: all.")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--project-root", paramLabel = "DIR",
            description = "References (extends, include) may not leave DIR (default: the directory holding .git).")
    Path projectRoot;

    @Option(names = "--max-file-size", paramLabel = "SIZE",
            description = "Refuse compose files larger than SIZE, such as 20M (default: 10M).")
    String maxFileSize;

    @Option(names = "--debug", description = "Print stack traces of internal errors.")
    boolean debug;

    /** Checks the files the options name, then builds the run. */
    LintRun run(Io io, RuleCatalog catalog, String failOn) throws UsageException {
        if (envFile != null && !Files.isRegularFile(envFile)) {
            throw new UsageException("--env-file " + envFile + ": no such file");
        }
        if (config != null && !Files.isRegularFile(config)) {
            throw new UsageException("--config " + config + ": no such file");
        }
        Long memory = null;
        if (hostMemory != null) {
            java.util.OptionalLong bytes = dev.composefix.model.ByteSize.parse(hostMemory);
            if (bytes.isEmpty() || bytes.getAsLong() <= 0) {
                throw new UsageException("--host-memory: '" + hostMemory + "' is not a byte size such as 6G");
            }
            memory = bytes.getAsLong();
        }
        if (hostCpus != null && !(hostCpus > 0)) {
            throw new UsageException("--host-cpus must be a positive number");
        }
        dev.composefix.yaml.YamlLimits limits = limits();
        return new LintRun(catalog != null ? catalog : dev.composefix.rules.Rules.catalog(),
                new LintRun.Options(config, only, skip, envFile, ignoreEnvironment, failOn,
                        new dev.composefix.engine.Host(memory, hostCpus), profiles, projectRoot, limits), io.env());
    }

    /** The YAML limits, with --max-file-size applied. */
    dev.composefix.yaml.YamlLimits limits() throws UsageException {
        dev.composefix.yaml.YamlLimits limits = dev.composefix.yaml.YamlLimits.DEFAULT;
        if (maxFileSize != null) {
            java.util.OptionalLong bytes = dev.composefix.model.ByteSize.parse(maxFileSize);
            if (bytes.isEmpty() || bytes.getAsLong() <= 0 || bytes.getAsLong() > Integer.MAX_VALUE - 16) {
                throw new UsageException("--max-file-size: '" + maxFileSize + "' is not a size from 1 byte to 2G");
            }
            limits = limits.withMaxBytes((int) bytes.getAsLong());
        }
        return limits;
    }

    /** The project the -f options name, or null when there are none. */
    List<Input> explicitProject(Io io) throws UsageException {
        if (files.isEmpty()) {
            return null;
        }
        List<Input> out = new ArrayList<>();
        for (String f : files) {
            if (f.equals("-")) {
                try {
                    out.add(stdin(io));
                } catch (java.io.IOException e) {
                    throw new UsageException("cannot read standard input: " + e.getMessage());
                }
            } else {
                if (!Files.isRegularFile(Path.of(f))) {
                    throw new UsageException("-f " + f + ": no such file");
                }
                out.add(new Input(f, Path.of(f), null));
            }
        }
        return out;
    }

    /** The input standard input stands for. */
    Input stdin(Io io) throws java.io.IOException {
        int max;
        try {
            max = limits().maxBytes();
        } catch (UsageException e) {
            max = dev.composefix.yaml.YamlLimits.DEFAULT.maxBytes();
        }
        byte[] bytes = io.in().readNBytes(max + 1); // more than the limit is refused by the loader
        String name = stdinFilename != null ? stdinFilename : "<stdin>";
        Path path = stdinFilename != null ? Path.of(stdinFilename) : io.workingDirectory().resolve("compose.yaml");
        return new Input(name, path, bytes);
    }
}
