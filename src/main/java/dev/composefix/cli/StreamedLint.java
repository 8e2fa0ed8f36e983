package dev.composefix.cli;

import dev.composefix.config.Config;
import dev.composefix.config.ConfigException;
import dev.composefix.engine.Finding;
import dev.composefix.engine.InternalFailure;
import dev.composefix.engine.Severity;
import dev.composefix.report.EncodedOutput;
import dev.composefix.report.FileByFile;
import dev.composefix.report.Redaction;
import dev.composefix.report.SecretRedaction;
import dev.composefix.work.Workers;
import dev.composefix.yaml.LineMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A lint of many projects whose report ({@link FileByFile}: text, GitHub) is printed while the run goes on,
 * each file's part as soon as nothing later can change it, instead of holding every finding and every
 * file's lines to the end. The text is the one {@link LintRun#run} and the reporter write for the whole
 * report ({@code StreamedLintTest} holds the two to the same bytes): files in name order, each file's
 * findings masked with the secrets of the projects whose documents hold it (with every secret of the run
 * when none does), then the closing counts.
 *
 * <p>What makes a file's part final: every project that may report in it has been linted. A project whose
 * files neither {@code include} nor {@code extends} another file (as far as {@link #mayReference(byte[])} can
 * tell from their bytes, erring towards "may") reports only in its own files; those that
 * may are linted first, so that when the others run, every file shared between projects is known. The
 * others are then linted in the order of their file names, and a file's part is printed once no project
 * still to finish lists a file that sorts before it or is it.
 */
final class StreamedLint {

    /** How many projects make printing as the run goes worth it (fewer: the whole report, as before). */
    static final int FROM = 64;

    /** What the run found that the command's exit code and its closing messages need. */
    record Result(int exit, List<InternalFailure> failures) {
    }

    private final LintRun run;
    private final List<List<Input>> projects;
    private final FileByFile reporter;
    private final Appendable out;
    /** The output's charset when it takes bytes: parts are then encoded where they are rendered. */
    private final java.nio.charset.Charset charset;

    /** How many bytes of the files read first are kept for their lint, at most (by default). */
    private static final long HELD_BYTES = 32L << 20;
    private final long heldBytes;
    /** How many bytes of read files are kept (a total of what was kept, not less what was let go since). */
    private final java.util.concurrent.atomic.AtomicLong held = new java.util.concurrent.atomic.AtomicLong();

    // Set before the projects that do not reference other files are linted, read only afterwards.
    /** How many of those projects list each file. */
    private final Map<String, Integer> listed = new HashMap<>();
    /** The files the other projects read or reported in. */
    private Set<String> shared = Set.of();

    // Guarded by this object.
    /** Files whose part is known, or whose findings wait for the rest of their projects: by name. */
    private final TreeMap<String, Object> pending = new TreeMap<>();
    /** The files of projects still being linted (that do not reference other files), with how many list each. */
    private final TreeMap<String, Integer> outstanding = new TreeMap<>();
    private final Set<String>[] secrets;
    private final List<InternalFailure>[] failures;
    private final long[] counts = new long[Severity.values().length];
    private int files;
    private int exit = ExitCode.OK;
    private boolean failing;
    /** The last file whose part was printed. */
    private String printed;
    private boolean ended;

    /** Held while parts are printed, so they are printed in order. */
    private final ReentrantLock printing = new ReentrantLock();

    @SuppressWarnings("unchecked")
    private StreamedLint(LintRun run, List<List<Input>> projects, FileByFile reporter, Appendable out,
            long heldBytes) {
        this.heldBytes = heldBytes;
        this.run = run;
        this.projects = projects;
        this.reporter = reporter;
        this.out = out;
        this.charset = out instanceof EncodedOutput encoded ? encoded.charset() : null;
        this.secrets = new Set[projects.size()];
        this.failures = new List[projects.size()];
    }

    /**
     * Lints {@code projects} and prints their report to {@code out} as it goes.
     *
     * @throws ConfigException when a project's config is broken (before anything is printed)
     */
    static Result run(LintRun run, List<List<Input>> projects, FileByFile reporter, Appendable out)
            throws ConfigException {
        return run(run, projects, reporter, out, HELD_BYTES);
    }

    /** {@link #run(LintRun, List, FileByFile, Appendable)} keeping at most {@code heldBytes} of the files read first. */
    static Result run(LintRun run, List<List<Input>> projects, FileByFile reporter, Appendable out, long heldBytes)
            throws ConfigException {
        return new StreamedLint(run, projects, reporter, out, heldBytes).lint(run.configs(projects));
    }

    private Result lint(List<Config> configs) {
        int n = projects.size();
        // Each file is read once, here: a project that references no other file is linted from these bytes.
        Scan scan = new Scan(this, n);
        Workers.eachIndex(n, scan);
        List<Integer> first = new ArrayList<>();
        List<Integer> then = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (scan.read[i] == null ? first : then).add(i);
        }
        // The projects that may read other files, first: which files they share with the rest is then known.
        // The biggest first, so that neither thread is left with a big one alone at the end.
        first.sort(new BySize(scan.sizes));
        LintRun.Linted[] early = new LintRun.Linted[n];
        Workers.eachIndex(first.size(), new Each(this, first, configs, early, null));
        first.sort(null); // taken in project order: a file's findings from several projects merge in that order
        Set<String> touched = new HashSet<>();
        for (int p : first) {
            LintRun.Linted l = early[p];
            early[p] = null;
            touched.addAll(l.sources().keySet());
            for (Finding f : l.findings()) {
                touched.add(f.file());
            }
            take(p, l, List.of(), split(p, l, Set.of(), Map.of()), Map.of());
        }
        shared = touched;
        // The rest in the order of their least file names, so parts become final in the order they print.
        then.sort(new ByName(projects));
        for (int p : then) {
            for (Input in : projects.get(p)) {
                count(listed, in.display(), 1);
                count(outstanding, in.display(), 1);
            }
        }
        Workers.eachIndex(then.size(), new Each(this, then, configs, null, scan.read));
        synchronized (this) {
            ended = true;
        }
        print(true);
        StringBuilder closing = new StringBuilder();
        List<InternalFailure> all = new ArrayList<>();
        int code;
        synchronized (this) {
            reporter.closing(closing, counts, files);
            for (List<InternalFailure> f : failures) {
                if (f != null) {
                    all.addAll(f);
                }
            }
            code = failing ? Math.max(exit, ExitCode.FINDINGS) : exit;
        }
        printing.lock();
        try {
            write(closing.toString());
        } finally {
            printing.unlock();
        }
        return new Result(code, all);
    }

    /** Adds {@code by} to the count of {@code key}, which is removed at zero. */
    private static void count(Map<String, Integer> counts, String key, int by) {
        Integer known = counts.get(key);
        int now = (known == null ? 0 : known) + by;
        if (now == 0) {
            counts.remove(key);
        } else {
            counts.put(key, now);
        }
    }

    /**
     * Reads each project's files ({@link #read(List, long[], int)}): {@code read[i]} the files with their bytes,
     * null when the project may reference other files. Each index is written by one thread, and read after
     * {@link Workers#eachIndex} returns.
     */
    private static final class Scan implements java.util.function.IntConsumer {
        private final StreamedLint lint;
        final List<Input>[] read;
        final long[] sizes;

        @SuppressWarnings("unchecked")
        Scan(StreamedLint lint, int n) {
            this.lint = lint;
            this.read = new List[n];
            this.sizes = new long[n];
        }

        @Override
        public void accept(int i) {
            read[i] = lint.read(lint.projects.get(i), sizes, i);
        }
    }

    /**
     * Lints projects in the order given: those that may reference other files into {@code out}, kept for later
     * ({@code read} null); the others from the bytes read, printing what each makes final.
     */
    private static final class Each implements java.util.function.IntConsumer {
        private final StreamedLint lint;
        private final List<Integer> order;
        private final List<Config> configs;
        private final LintRun.Linted[] out;
        private final List<Input>[] read;

        Each(StreamedLint lint, List<Integer> order, List<Config> configs, LintRun.Linted[] out, List<Input>[] read) {
            this.lint = lint;
            this.order = order;
            this.configs = configs;
            this.out = out;
            this.read = read;
        }

        @Override
        public void accept(int k) {
            int p = order.get(k);
            if (read == null) {
                out[p] = lint.run.lintProject(lint.projects.get(p), configs.get(p));
                return;
            }
            List<Input> project = read[p];
            read[p] = null; // the bytes are not held past the lint
            lint.completed(p, lint.run.lintProject(project, configs.get(p)));
        }
    }

    /** Projects by the size of their files, biggest first. */
    private static final class BySize implements java.util.Comparator<Integer> {
        private final long[] sizes;

        BySize(long[] sizes) {
            this.sizes = sizes;
        }

        @Override
        public int compare(Integer a, Integer b) {
            return Long.compare(sizes[b], sizes[a]);
        }
    }

    /** Projects by their least file name, then in project order. */
    private static final class ByName implements java.util.Comparator<Integer> {
        private final List<List<Input>> projects;

        ByName(List<List<Input>> projects) {
            this.projects = projects;
        }

        @Override
        public int compare(Integer a, Integer b) {
            int c = firstName(projects.get(a)).compareTo(firstName(projects.get(b)));
            return c != 0 ? c : Integer.compare(a, b);
        }
    }

    private static String firstName(List<Input> project) {
        String least = null;
        for (Input in : project) {
            if (least == null || in.display().compareTo(least) < 0) {
                least = in.display();
            }
        }
        return least;
    }

    /**
     * A project's files with their bytes (adding up their sizes at {@code sizes[i]}), or null when one of them
     * may name another file ({@code include}, {@code extends}: {@link #mayReference(byte[])}) or cannot be read
     * (the lint then says what is wrong). Past {@code heldBytes} ({@link #HELD_BYTES}) in all, a file's bytes
     * are not kept: the lint reads it again, rather than the run holding the text of tens of thousands of
     * files at once.
     */
    private List<Input> read(List<Input> project, long[] sizes, int i) {
        List<Input> out = new ArrayList<>(project.size());
        for (Input in : project) {
            byte[] bytes;
            try {
                bytes = in.bytes() != null ? in.bytes() : run.limits().read(in.path());
            } catch (IOException | RuntimeException e) {
                return null;
            }
            sizes[i] += bytes.length; // what was read, as a measure of the project's work
            if (mayReference(bytes)) {
                return null;
            }
            boolean keep = in.bytes() != null || held.addAndGet(bytes.length) <= heldBytes;
            out.add(keep ? new Input(in.display(), in.path(), bytes) : in);
        }
        return out;
    }

    /**
     * Whether a compose file's bytes may hold the key {@code include} or {@code extends}, the two keys by which
     * a project reads another file: true when they hold either word followed by what may end a key (a quote,
     * blanks, then a colon, a comment, a line break, the end, or the end of a flow item: an anchored scalar
     * becomes a key through its alias); a backslash before {@code x}, {@code u}, {@code U} or a line break
     * (the escapes by which a double-quoted key spells a letter, or runs on across lines); or a NUL byte
     * (text in UTF-16 or UTF-32, where the words are not spelt in single bytes). Plain and single-quoted
     * scalars fold lines with a space, so nothing else spells either word. False for most files: theirs then
     * are the only files their project reports in.
     */
    static boolean mayReference(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == 0
                    || b == '\\' && (i + 1 == bytes.length || escape(bytes[i + 1]))
                    || b == 'i' && key(bytes, i, "include")
                    || b == 'e' && key(bytes, i, "extends")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a backslash before this byte in a double-quoted scalar may make a letter or join two lines. */
    private static boolean escape(byte next) {
        return next == 'x' || next == 'u' || next == 'U' || next == '\n' || next == '\r';
    }

    /** Whether {@code word} starts at {@code at} and what follows it may end a key. */
    private static boolean key(byte[] bytes, int at, String word) {
        int end = at + word.length();
        if (end > bytes.length) {
            return false;
        }
        for (int k = 1; k < word.length(); k++) {
            if (bytes[at + k] != word.charAt(k)) {
                return false;
            }
        }
        int p = end;
        if (p < bytes.length && (bytes[p] == '"' || bytes[p] == '\'')) {
            p++;
        }
        while (p < bytes.length && (bytes[p] == ' ' || bytes[p] == '\t')) {
            p++;
        }
        if (p == bytes.length) {
            return true;
        }
        byte c = bytes[p];
        return c == ':' || c == '#' || c == '\n' || c == '\r' || c == ',' || c == ']' || c == '}';
    }

    /**
     * Splits what project {@code p} found by file: the findings in files of {@code own} (its own alone) are
     * rendered into {@code rendered}, masked with its secrets; the rest become parts, each file's findings
     * (in report order) with the project's lines, whether its documents hold the file (and so its secrets
     * mask it) and the severity that fails the run there, and a part too for each file its documents hold
     * with no finding (its secrets and lines count for the others' findings there).
     */
    private List<Part> split(int p, LintRun.Linted l, Set<String> own, Map<String, Rendered> rendered) {
        List<Part> parts = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Redaction redaction = null;
        List<Finding> all = l.findings();
        for (int i = 0; i < all.size(); ) {
            String file = all.get(i).file();
            int j = runEnd(all, i);
            if (own.contains(file)) {
                if (redaction == null) {
                    redaction = redaction(l.secrets());
                }
                rendered.put(file, render(file, all.subList(i, j), l.sources().get(file), redaction,
                        l.failAt().get(file)));
            } else {
                parts.add(part(p, l, file, all.subList(i, j)));
                done.add(file);
            }
            i = j;
        }
        for (String file : l.sources().keySet()) {
            if (!own.contains(file) && !done.contains(file)) {
                parts.add(part(p, l, file, List.of()));
            }
        }
        return parts;
    }

    /** Where the run of findings in the file of {@code all.get(i)} ends (findings come in file order). */
    private static int runEnd(List<Finding> all, int i) {
        String file = all.get(i).file();
        int j = i + 1;
        while (j < all.size() && Objects.equals(all.get(j).file(), file)) {
            j++;
        }
        return j;
    }

    private static Part part(int p, LintRun.Linted l, String file, List<Finding> findings) {
        boolean read = l.sources().containsKey(file);
        return new Part(p, file, findings, l.sources().get(file), read ? l.secrets() : null, l.failAt().get(file));
    }

    /**
     * A project's findings in a file others may report in too: {@code secrets} is null when the project's
     * documents do not hold the file, {@code failAt} when the project's config never fails the run.
     */
    private record Part(int project, String file, List<Finding> findings, LineMap lines, Set<String> secrets,
            Severity failAt) {
    }

    /** Parts in project order. */
    private static final java.util.Comparator<Part> BY_PROJECT = new ByProject();

    private static final class ByProject implements java.util.Comparator<Part> {
        @Override
        public int compare(Part a, Part b) {
            return Integer.compare(a.project(), b.project());
        }
    }

    /** A file's findings from several projects, printed once the last of them is linted. */
    private static final class Held {
        final List<Part> parts = new ArrayList<>();

        /** Whether no project's documents hold the file: then every secret of the run masks it. */
        boolean ownerless() {
            for (Part part : parts) {
                if (part.secrets() != null) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A file's part of the report, rendered where its project was linted. */
    private record Rendered(Object text, long[] counts, boolean failing) {
    }

    /**
     * Takes what a project that references no other file found (on the thread that linted it), and prints what
     * is final.
     */
    private void completed(int p, LintRun.Linted l) {
        Set<String> own = new HashSet<>();
        for (Input in : projects.get(p)) {
            String name = in.display();
            // Its own: no other project lists it, and none of those linted first read it or reported in it.
            if (listed.get(name) == 1 && !shared.contains(name) && l.sources().containsKey(name)) {
                own.add(name);
            }
        }
        Map<String, Rendered> rendered = new HashMap<>();
        List<Part> parts = split(p, l, own, rendered);
        take(p, l, projects.get(p), parts, rendered);
        print(false);
    }

    private synchronized void take(int p, LintRun.Linted l, List<Input> listing, List<Part> parts,
            Map<String, Rendered> rendered) {
        secrets[p] = l.secrets();
        failures[p] = l.failures();
        files += l.files();
        exit = Math.max(exit, l.exit());
        for (Map.Entry<String, Rendered> e : rendered.entrySet()) {
            pending.put(e.getKey(), e.getValue());
        }
        for (Part part : parts) {
            Object known = pending.get(part.file());
            Held held = known instanceof Held h ? h : new Held();
            if (known instanceof Rendered || printed != null && part.file().compareTo(printed) <= 0) {
                // Cannot happen while mayReference is right about the project (did its files change as it ran?):
                // said, rather than printed out of order or masked with too few secrets.
                failures[p] = new ArrayList<>(failures[p]);
                failures[p].add(new InternalFailure("streamed report", part.file(), new IllegalStateException(
                        "project " + projects.get(p).get(0).display() + " read " + part.file()
                                + " after its part of the report was made")));
                continue;
            }
            if (known == null) {
                pending.put(part.file(), held);
            }
            held.parts.add(part);
        }
        for (Input in : listing) {
            count(outstanding, in.display(), -1);
        }
    }

    /** Prints every part that is final, in order; at the end, all of them. Returns at once while another thread prints. */
    private void print(boolean end) {
        if (end) {
            printing.lock();
        } else if (!printing.tryLock()) {
            return; // that thread prints this project's parts too, or the next one to finish does
        }
        try {
            while (true) {
                String file;
                Object next;
                Redaction everything = null;
                synchronized (this) {
                    if (pending.isEmpty()) {
                        return;
                    }
                    file = pending.firstKey();
                    if (!outstanding.isEmpty() && outstanding.firstKey().compareTo(file) <= 0) {
                        return; // a project still running lists this file or one before it
                    }
                    next = pending.get(file);
                    if (next instanceof Held held) {
                        if (held.ownerless()) {
                            if (!ended) {
                                return; // masked with every secret of the run: known at the end
                            }
                            everything = everything();
                        }
                        next = new ArrayList<>(held.parts);
                    }
                    pending.remove(file);
                }
                @SuppressWarnings("unchecked")
                Rendered part = next instanceof Rendered r ? r : render(file, (List<Part>) next, everything);
                synchronized (this) {
                    for (int s = 0; s < counts.length; s++) {
                        counts[s] += part.counts()[s];
                    }
                    failing |= part.failing();
                    printed = file;
                }
                if (part.text() != null) {
                    write(part.text());
                }
            }
        } finally {
            printing.unlock();
        }
    }

    /**
     * The redaction of these secret values: one for each set of values in the run, so the texts it has masked
     * are not masked again for the next file with the same secrets (most files have none), as in the report
     * of the whole run.
     */
    private Redaction redaction(Set<String> values) {
        synchronized (redactions) {
            Redaction known = redactions.get(values);
            if (known == null) {
                known = SecretRedaction.ofValues(values);
                redactions.put(values, known);
            }
            return known;
        }
    }

    private final Map<Set<String>, Redaction> redactions = new HashMap<>();

    /** Every secret of the run, in project order: what masks a file no project's documents hold. */
    private Redaction everything() {
        Set<String> all = new LinkedHashSet<>();
        for (Set<String> s : secrets) {
            if (s != null) {
                all.addAll(s);
            }
        }
        return SecretRedaction.ofValues(all);
    }

    /** A file's findings from several projects, merged as the whole report orders them. */
    private Rendered render(String file, List<Part> parts, Redaction everything) {
        parts.sort(BY_PROJECT);
        List<Finding> findings = new ArrayList<>();
        LineMap lines = null;
        Set<String> values = new LinkedHashSet<>();
        Severity failAt = null;
        for (Part part : parts) {
            findings.addAll(part.findings());
            if (part.lines() != null) {
                lines = part.lines();
            }
            if (part.secrets() != null) {
                values.addAll(part.secrets());
            }
            if (part.failAt() != null) { // as the whole report's map, which keeps only thresholds that fail
                failAt = part.failAt();
            }
        }
        findings.sort(Finding.ORDER);
        Redaction redaction = everything != null ? everything : redaction(values);
        return render(file, Finding.withoutRepeats(findings), lines, redaction, failAt);
    }

    private Rendered render(String file, List<Finding> findings, LineMap lines, Redaction redaction, Severity failAt) {
        long[] bySeverity = new long[Severity.values().length];
        boolean fails = false;
        for (Finding f : findings) {
            bySeverity[f.severity().ordinal()]++;
            fails |= failAt != null && f.severity().atLeast(failAt);
        }
        if (findings.isEmpty()) {
            return new Rendered(null, bySeverity, false);
        }
        // Sized from the text per finding so far, not grown from empty a doubling at a time.
        StringBuilder b = new StringBuilder(findings.size() * perFinding + 64);
        reporter.file(b, file, findings, lines, redaction);
        renderedChars += b.length();
        renderedFindings += findings.size();
        perFinding = (int) (renderedChars / renderedFindings * 5 / 4);
        return new Rendered(charset != null ? b.toString().getBytes(charset) : b.toString(), bySeverity, fails);
    }

    /**
     * A quarter more than the text a finding has taken on average so far: what a part's builder is sized by.
     * Read and written by both threads without a lock (a hint: an update lost now and then changes nothing).
     */
    private volatile int perFinding = 256;
    private long renderedChars;
    private long renderedFindings;

    private void write(Object text) {
        try {
            if (text instanceof byte[] bytes) {
                ((EncodedOutput) out).write(bytes);
            } else {
                out.append((String) text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
