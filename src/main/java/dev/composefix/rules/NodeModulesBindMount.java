package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.ServiceRule;
import dev.composefix.model.CommandLine;
import dev.composefix.model.Interpolated;
import dev.composefix.model.Service;
import dev.composefix.model.VolumeMount;
import dev.composefix.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CF624: a Node.js service bind-mounts a host directory over its app directory, where the image
 * installed {@code node_modules}, with no volume at {@code <app>/node_modules}: the host's modules (or
 * none) replace the container's, and native modules built for the host's OS crash. A service is
 * Node.js when its image is (the node-app kind), or its command or entrypoint runs npm, yarn, pnpm,
 * npx, node, nodemon or bun. Its app directory is its {@code working_dir}, else the bind mount's
 * target when that is a usual app directory ({@code /app}, {@code /usr/src/app}, ...).
 */
public final class NodeModulesBindMount extends ServiceRule {

    private static final Set<String> RUNNERS = Set.of("npm", "yarn", "pnpm", "npx", "node", "nodemon", "bun");
    private static final Set<String> APP_DIRS = Set.of("/app", "/usr/src/app", "/home/node/app", "/usr/app",
            "/opt/app", "/src", "/code", "/project", "/workspace", "/srv/app", "/var/www/app");

    @Override
    protected void checkService(Service s, RuleContext ctx) {
        List<VolumeMount> mounts = VolumeMount.of(s);
        if (mounts.isEmpty() || !node(s, ctx)) {
            return;
        }
        String workdir = workingDir(s);
        for (VolumeMount v : mounts) {
            if (v.type() != VolumeMount.Type.BIND || v.source() == null || v.target() == null || file(v.source())) {
                continue;
            }
            String target = SensitiveHostMount.normalize(v.target());
            String app = workdir != null ? workdir : APP_DIRS.contains(target) ? target : null;
            if (app == null || !(app.equals(target) || app.startsWith(target.equals("/") ? "/" : target + "/"))) {
                continue;
            }
            String modules = app + "/node_modules";
            if (covered(mounts, modules)) {
                continue;
            }
            ctx.report(s, v.node(), "'" + s.name() + "' bind-mounts " + v.source() + " over " + target + ", hiding the "
                    + "node_modules the image installed in " + app + ": the host's modules (built for the host's OS, "
                    + "or missing) are used instead; keep the container's with a volume at " + modules + " (add - "
                    + modules + " to volumes)");
        }
    }

    /** Whether another mount puts a volume (or anything) at the app's node_modules, or above it below the bind. */
    private static boolean covered(List<VolumeMount> mounts, String modules) {
        for (VolumeMount m : mounts) {
            if (m.target() != null && SensitiveHostMount.normalize(m.target()).equals(modules)) {
                return true;
            }
        }
        return false;
    }

    /** A source whose last component has an extension is most likely a file (./package.json, ./.env). */
    private static boolean file(String source) {
        String last = source.substring(source.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        return dot > 0 && dot < last.length() - 1;
    }

    private static String workingDir(Service s) {
        Interpolated t = s.file().text(s.value("working_dir"));
        return t == null || !t.known() || t.text().isBlank() ? null : SensitiveHostMount.normalize(t.text().strip());
    }

    private static boolean node(Service s, RuleContext ctx) {
        if (ctx.settings().kindOf(s).name().equals("node-app")) {
            return true;
        }
        List<CommandLine> lines = new ArrayList<>();
        Optional<CommandLine> command = s.command();
        if (command.isPresent()) {
            lines.add(command.get());
        }
        Optional<CommandLine> entrypoint = s.entrypoint();
        if (entrypoint.isPresent()) {
            lines.add(entrypoint.get());
        }
        for (CommandLine line : lines) {
            for (YScalar part : line.parts()) {
                if (runs(part.value())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a word of {@code text} is a Node.js runner; words are what {@code [\\s;&|()'"]+} separates,
     * found without compiling that expression for every command ({@code NodeRunnerWordsTest} holds the two
     * to the same answers).
     */
    static boolean runs(String text) {
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || separator(text.charAt(i))) {
                if (i > start && RUNNERS.contains(text.substring(start, i))) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    private static boolean separator(char c) {
        return dev.composefix.model.RegexChars.space(c) || c == ';' || c == '&' || c == '|' || c == '(' || c == ')'
                || c == '\'' || c == '"';
    }
}
