package dev.composefix.project;

import dev.composefix.model.ComposeFile;
import dev.composefix.model.DotEnv;
import dev.composefix.model.Interpolator;
import dev.composefix.model.Variables;
import dev.composefix.yaml.Position;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;
import dev.composefix.yaml.YamlDocument;
import dev.composefix.yaml.YamlException;
import dev.composefix.yaml.YamlLimits;
import dev.composefix.yaml.YamlLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a Compose project as {@code docker compose} does: each file with its {@code include}s
 * (merged first) and its services' {@code extends} resolved (in the same file or another, paths
 * relative to the file that declares them), then the files merged in order by the specification's
 * rules, then restricted to the active profiles. Every value keeps the file and position it is
 * written at. Cycles, missing files and references outside the repository root are
 * {@link ProjectException}s naming the file, line and column of the reference.
 */
public final class ProjectLoader {

    /** How the project is read: the repository root (references may not leave it), profiles, variables. */
    public record Options(Path repositoryRoot, List<String> profiles, Variables variables, YamlLimits limits) {

        public Options {
            profiles = List.copyOf(profiles);
        }

        public Options(Path repositoryRoot, List<String> profiles, Variables variables) {
            this(repositoryRoot, profiles, variables, YamlLimits.DEFAULT);
        }
    }

    /** Reads a file's bytes; the rewrite hands in its edited texts through this. */
    @FunctionalInterface
    public interface Reader {
        byte[] read(Path file) throws IOException;
    }

    private final Options options;
    private final Reader reader;
    private final YamlLoader yaml;
    private final Map<Path, YamlDocument> documents = new LinkedHashMap<>();
    private final Map<Path, String> names = new HashMap<>();
    private final Map<String, Interpolator> interpolators = new HashMap<>();

    public ProjectLoader(Options options, Reader reader) {
        this(options, reader, null);
    }

    /**
     * A loader that takes the files other files name ({@code extends: file:}, {@code include}) from
     * {@code referenced} when an earlier project of the same run parsed them, and leaves there the ones
     * it parses (by path and name; at most {@value #MAX_SHARED} files). A lint of many files sharing
     * one base file (extends of a common services file) parses it once, not once per file. Only for
     * loaders whose reader gives every file's text as it is on disk.
     */
    public ProjectLoader(Options options, Reader reader, Map<String, YamlDocument> referenced) {
        this.options = options;
        this.reader = reader;
        this.yaml = new YamlLoader(options.limits());
        this.shared = referenced;
    }

    /** How many referenced files a run keeps parsed. */
    public static final int MAX_SHARED = 256;

    private final Map<String, YamlDocument> shared;

    public ProjectLoader(Options options) {
        this(options, options.limits()::read);
    }

    /**
     * Loads the files (as the user named them, first the base) into one model.
     *
     * @throws ProjectException when a file cannot be read or parsed, or a reference cannot be followed
     */
    public ComposeFile load(List<String> files) throws ProjectException {
        return load(files, Map.of());
    }

    /**
     * Loads files named as the user gave them, read from {@code paths} where a name is not a path (a
     * file read from standard input stands for a path).
     */
    public ComposeFile load(List<String> files, Map<String, Path> paths) throws ProjectException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a project needs at least one file");
        }
        YMapping merged = null;
        List<Path> chain = new ArrayList<>();
        for (String name : files) {
            Path path = paths.containsKey(name) ? paths.get(name) : Path.of(name);
            YMapping processed = process(path, name, chain, null);
            merged = merged == null ? processed : Merger.mergeFiles(merged, processed);
        }
        merged = withoutIncludes(merged);
        if (!options.profiles().isEmpty()) {
            merged = activeProfiles(merged);
        }
        Interpolator main = new Interpolator(options.variables());
        return new ComposeFile(files.get(0), merged, new ArrayList<>(documents.values()), interpolators, main);
    }

    /** One file with its includes and extends applied, as a top-level mapping (empty for an empty file). */
    private YMapping process(Path path, String name, List<Path> chain, YNode reference) throws ProjectException {
        Path key = path.toAbsolutePath().normalize();
        if (chain.contains(key)) {
            throw new ProjectException("include cycle: " + cycle(chain, key), name(reference), position(reference));
        }
        YamlDocument doc = document(path, name, reference);
        YMapping root = doc.root() == null ? Merger.mapping(List.of(), spanStart(doc)) : (YMapping) doc.root().resolve();
        chain.add(key);
        YMapping result = null;
        YNode include = root.value("include");
        if (include instanceof YSequence items) {
            for (YNode item : items.items()) {
                YMapping included = include(path, item.resolve(), chain);
                result = result == null ? included : Merger.mergeFiles(result, included);
            }
        }
        chain.remove(chain.size() - 1);
        YMapping own = resolveExtends(doc, path, root);
        return result == null ? own : Merger.mergeFiles(result, own);
    }

    /** An {@code include} entry: a path (or list of paths) loaded as a project of its own. */
    private YMapping include(Path from, YNode item, List<Path> chain) throws ProjectException {
        List<YNode> paths = new ArrayList<>();
        Path projectDirectory = null;
        List<YNode> envFiles = new ArrayList<>();
        if (item instanceof YScalar s) {
            paths.add(s);
        } else if (item instanceof YMapping m) {
            YNode p = m.value("path");
            if (p instanceof YSequence seq) {
                paths.addAll(seq.items());
            } else if (p != null) {
                paths.add(p);
            }
            if (m.value("project_directory") instanceof YScalar d) {
                projectDirectory = resolve(from, d);
            }
            YNode env = m.value("env_file");
            if (env instanceof YSequence seq) {
                envFiles.addAll(seq.items());
            } else if (env != null) {
                envFiles.add(env);
            }
        }
        YMapping merged = null;
        for (YNode p : paths) {
            Path target = resolve(from, p);
            Path dir = projectDirectory != null ? projectDirectory : target.getParent();
            Variables vars = options.variables();
            List<Path> envs = new ArrayList<>();
            for (YNode e : envFiles) {
                envs.add(resolve(from, e));
            }
            if (envs.isEmpty() && dir != null) {
                envs.add(dir.resolve(".env"));
            }
            for (Path env : envs) {
                vars = withEnvFile(vars, env, p, envFiles.isEmpty());
            }
            String name = display(target);
            YMapping loaded = process(target, name, chain, p);
            interpolators.put(name, new Interpolator(vars));
            merged = merged == null ? loaded : Merger.mergeFiles(merged, loaded);
        }
        return merged == null ? Merger.mapping(List.of(), item.span()) : merged;
    }

    private Variables withEnvFile(Variables vars, Path env, YNode reference, boolean optional) throws ProjectException {
        if (!Files.isRegularFile(env)) {
            if (optional) {
                return vars;
            }
            throw new ProjectException("env file " + display(env) + " does not exist", name(reference),
                    position(reference));
        }
        try {
            String text = new String(reader.read(env), StandardCharsets.UTF_8);
            return vars.then(Variables.of(DotEnv.parse(text, vars)));
        } catch (IOException e) {
            throw new ProjectException("cannot read env file " + display(env) + ": " + e.getMessage(), name(reference),
                    position(reference));
        }
    }

    /** The file's root with every service's {@code extends} resolved (the same mapping when none extends). */
    private YMapping resolveExtends(YamlDocument doc, Path path, YMapping root) throws ProjectException {
        YEntry servicesEntry = root.get("services");
        if (servicesEntry == null || !(servicesEntry.value().resolve() instanceof YMapping services)) {
            return root;
        }
        boolean any = false;
        for (YEntry e : services.members()) {
            any |= e.value().resolve() instanceof YMapping m && m.get("extends") != null;
        }
        if (!any) {
            return root;
        }
        List<YEntry> resolved = new ArrayList<>();
        Map<String, YMapping> done = new HashMap<>();
        for (YEntry e : services.members()) {
            if (e.value().resolve() instanceof YMapping) {
                resolved.add(new YEntry(e.key(), service(path, services, e.keyText(), done, new ArrayList<>(), e.key())));
            } else {
                resolved.add(e);
            }
        }
        List<YEntry> top = new ArrayList<>();
        for (YEntry e : root.members()) {
            top.add(e == servicesEntry ? new YEntry(e.key(), Merger.mapping(resolved, services.span())) : e);
        }
        return Merger.mapping(top, root.span());
    }

    /** A service of the file at {@code path} with its extends chain applied. */
    private YMapping service(Path path, YMapping services, String name, Map<String, YMapping> done, List<String> chain,
            YNode reference) throws ProjectException {
        String id = path.toAbsolutePath().normalize() + "#" + name;
        YMapping cached = done.get(id);
        if (cached != null) {
            return cached;
        }
        if (chain.contains(id)) {
            chain.add(id);
            throw new ProjectException("extends cycle: " + String.join(" -> ", shortIds(chain)), name(reference),
                    position(reference));
        }
        YEntry entry = services.get(name);
        if (entry == null || !(entry.value().resolve() instanceof YMapping body)) {
            throw new ProjectException("extends names service '" + name + "', which " + display(path)
                    + " does not define", name(reference), position(reference));
        }
        YEntry ext = body.get("extends");
        if (ext == null) {
            done.put(id, body);
            return body;
        }
        chain.add(id);
        YNode spec = ext.value().resolve();
        String baseName;
        Path basePath = path;
        YMapping baseServices = services;
        YNode at = ext.value();
        if (spec instanceof YScalar s) {
            baseName = s.value();
        } else if (spec instanceof YMapping m && m.value("service") instanceof YScalar s) {
            baseName = s.value();
            if (m.value("file") instanceof YScalar f) {
                basePath = resolve(path, f);
                at = f;
                YamlDocument other = document(basePath, display(basePath), f);
                YMapping otherRoot = other.root() == null ? null : (YMapping) other.root().resolve();
                YNode otherServices = otherRoot == null ? null : otherRoot.value("services");
                if (!(otherServices instanceof YMapping os)) {
                    throw new ProjectException(display(basePath) + " defines no services to extend", name(f), position(f));
                }
                baseServices = os;
            }
        } else {
            throw new ProjectException("extends needs a service name", name(ext.value()), position(ext.value()));
        }
        YMapping base = service(basePath, baseServices, baseName, done, chain, at);
        chain.remove(chain.size() - 1);
        List<YEntry> own = new ArrayList<>();
        for (YEntry e : body.members()) {
            if (!"extends".equals(e.keyText())) {
                own.add(e);
            }
        }
        YMapping result = Merger.extend(base, Merger.mapping(own, body.span()));
        done.put(id, result);
        return result;
    }

    /** Removes services whose profiles are all inactive (services without profiles always stay). */
    private YMapping activeProfiles(YMapping root) {
        YEntry servicesEntry = root.get("services");
        if (servicesEntry == null || !(servicesEntry.value().resolve() instanceof YMapping services)) {
            return root;
        }
        Set<String> active = Set.copyOf(options.profiles());
        List<YEntry> kept = new ArrayList<>();
        for (YEntry e : services.members()) {
            YNode profiles = e.value().resolve() instanceof YMapping m ? m.value("profiles") : null;
            boolean on = !(profiles instanceof YSequence seq) || seq.items().isEmpty() || active.contains("*");
            if (!on) {
                for (YNode p : ((YSequence) profiles).items()) {
                    on |= p.resolve() instanceof YScalar s && active.contains(s.value());
                }
            }
            if (on) {
                kept.add(e);
            }
        }
        List<YEntry> top = new ArrayList<>();
        for (YEntry e : root.members()) {
            top.add(e == servicesEntry ? new YEntry(e.key(), Merger.mapping(kept, services.span())) : e);
        }
        return Merger.mapping(top, root.span());
    }

    private static YMapping withoutIncludes(YMapping root) {
        if (root.get("include") == null) {
            return root;
        }
        List<YEntry> top = new ArrayList<>();
        for (YEntry e : root.members()) {
            if (!"include".equals(e.keyText())) {
                top.add(e);
            }
        }
        return Merger.mapping(top, root.span());
    }

    /** Reads and parses a file once; {@code reference} is where it is named (null for a top-level file). */
    private YamlDocument document(Path path, String name, YNode reference) throws ProjectException {
        Path key = path.toAbsolutePath().normalize();
        YamlDocument doc = documents.get(key);
        if (doc != null) {
            return doc;
        }
        checkInsideRepository(key, reference);
        String sharedKey = shared != null && reference != null ? key + "\u0000" + name : null;
        if (sharedKey != null) {
            doc = shared.get(sharedKey);
            if (doc != null) {
                documents.put(key, doc);
                names.put(key, name);
                return doc;
            }
        }
        byte[] bytes;
        try {
            bytes = reader.read(path);
        } catch (NoSuchFileException e) {
            throw new ProjectException(name + ": no such file", name(reference), position(reference));
        } catch (IOException e) {
            throw new ProjectException(name + ": cannot read: " + e.getMessage(), name(reference), position(reference));
        }
        try {
            doc = yaml.load(name, bytes);
        } catch (YamlException e) {
            throw new ProjectException(e.getMessage(), name, e.position());
        }
        YNode root = doc.root() == null ? null : doc.root().resolve();
        if (root != null && !(root instanceof YMapping) && !(root instanceof YScalar s && s.isNull())) {
            throw new ProjectException("the top level of a compose file must be a mapping (services:, volumes:, "
                    + "...), found " + (root instanceof YSequence ? "a list" : "a scalar"), name, root.start());
        }
        if (root instanceof YScalar) {
            doc = new YamlDocument(doc.text(), doc.bom(), null, doc.comments(), doc.lines());
        }
        documents.put(key, doc);
        names.put(key, name);
        if (sharedKey != null && shared.size() < MAX_SHARED) {
            shared.putIfAbsent(sharedKey, doc);
        }
        return doc;
    }

    private void checkInsideRepository(Path file, YNode reference) throws ProjectException {
        Path root = options.repositoryRoot();
        if (root != null && reference != null && !file.startsWith(root.toAbsolutePath().normalize())) {
            throw new ProjectException(display(file) + " is outside the repository root " + root
                    + " (set --project-root to allow it)", name(reference), position(reference));
        }
    }

    /** {@code reference}'s path resolved from the directory of the file that declares it. */
    private Path resolve(Path declaringFile, YNode reference) throws ProjectException {
        if (!(reference.resolve() instanceof YScalar s) || s.isNull()) {
            throw new ProjectException("expected a path", name(reference), position(reference));
        }
        Path dir = declaringFile.getParent() == null ? Path.of("") : declaringFile.getParent();
        return dir.resolve(s.value()).normalize();
    }

    private static String display(Path p) {
        return p.normalize().toString();
    }

    private static String name(YNode reference) {
        return reference == null ? null : reference.start().source();
    }

    private static Position position(YNode reference) {
        return reference == null ? null : reference.start();
    }

    private static dev.composefix.yaml.Span spanStart(YamlDocument doc) {
        return dev.composefix.yaml.Span.at(doc.lines().at(0));
    }

    private String cycle(List<Path> chain, Path again) {
        List<String> out = new ArrayList<>();
        for (Path p : chain.subList(chain.indexOf(again), chain.size())) {
            out.add(names.getOrDefault(p, p.toString()));
        }
        out.add(names.getOrDefault(again, again.toString()));
        return String.join(" -> ", out);
    }

    private static List<String> shortIds(List<String> chain) {
        List<String> out = new ArrayList<>();
        for (String id : chain) {
            int hash = id.lastIndexOf('#');
            out.add(Path.of(id.substring(0, hash)).getFileName() + ":" + id.substring(hash + 1));
        }
        return out;
    }
}
