package dev.composefix.cli;

import dev.composefix.engine.RuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** Options every command that lints shares: rule selection, config, variables, standard input, debug. */
final class RunOptions {

    Path config;
    List<String> only = new ArrayList<>();
    List<String> skip = new ArrayList<>();
    Path envFile;
    boolean ignoreEnvironment;
    String stdinFilename;
    String hostMemory;
    Double hostCpus;
    List<String> files = new ArrayList<>();
    List<String> profiles = new ArrayList<>();
    Path projectRoot;
    String maxFileSize;
    boolean debug;

    /** Adds these options to a command. */
    static void declare(CommandSpec spec) {
        spec.addOption(Specs.option("--config", "FILE", Path.class,
                "Use this config file instead of searching for .composefix.yml.").build());
        spec.addOption(Specs.repeatable(new String[] {"--only"}, "RULES",
                "Only these rules (codes or names, comma-separated).").splitRegex(",").build());
        spec.addOption(Specs.repeatable(new String[] {"--skip"}, "RULES",
                "Not these rules (codes or names, comma-separated).").splitRegex(",").build());
        spec.addOption(Specs.option("--env-file", "FILE", Path.class,
                "Read interpolation variables from FILE instead of the .env beside each compose file.").build());
        spec.addOption(Specs.flag("--ignore-environment",
                "Interpolate from env files and defaults only, not the process environment "
                        + "(reproducible reports).").build());
        spec.addOption(Specs.option("--stdin-filename", "NAME", String.class,
                "The path standard input stands for (names it in reports; finds its config and .env).").build());
        spec.addOption(Specs.option("--host-memory", "SIZE", String.class,
                "Memory the stack must fit in, such as 6G (config: host.memory).").build());
        spec.addOption(Specs.option("--host-cpus", "N", Double.class,
                "CPUs the stack may use (config: host.cpus).").build());
        spec.addOption(Specs.repeatable(new String[] {"-f", "--file"}, "FILE",
                "A file of the project, in merge order (repeatable), as for docker compose -f.").build());
        spec.addOption(Specs.repeatable(new String[] {"--profile"}, "NAME",
                "Only services of this profile (repeatable) and those without one; default: all.").build());
        spec.addOption(Specs.option("--project-root", "DIR", Path.class,
                "References (extends, include) may not leave DIR (default: the directory holding .git).").build());
        spec.addOption(Specs.option("--max-file-size", "SIZE", String.class,
                "Refuse compose files larger than SIZE, such as 20M (default: 10M).").build());
        spec.addOption(Specs.flag("--debug", "Print stack traces of internal errors.").build());
    }

    /** Takes the values parsed for these options. */
    void read(CommandSpec spec) {
        config = Specs.value(spec, "--config");
        only = Specs.list(spec, "--only");
        skip = Specs.list(spec, "--skip");
        envFile = Specs.value(spec, "--env-file");
        ignoreEnvironment = Specs.flag(spec, "--ignore-environment");
        stdinFilename = Specs.value(spec, "--stdin-filename");
        hostMemory = Specs.value(spec, "--host-memory");
        hostCpus = Specs.value(spec, "--host-cpus");
        files = Specs.list(spec, "--file");
        profiles = Specs.list(spec, "--profile");
        projectRoot = Specs.value(spec, "--project-root");
        maxFileSize = Specs.value(spec, "--max-file-size");
        debug = Specs.flag(spec, "--debug");
    }

    /** For a {@link PlainLine}: sets the boolean flag {@code arg} names and returns its name, when it is one of these. */
    String plainFlag(String arg) {
        switch (arg) {
            case "--debug" -> debug = true;
            case "--ignore-environment" -> ignoreEnvironment = true;
            default -> {
                return null;
            }
        }
        return arg;
    }

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
        // Without a catalog given, the run asks for composefix's own when it first needs it (after reading its
        // first file: meanwhile Main's other thread builds it).
        return new LintRun(catalog,
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
