import dev.composefix.engine.ActiveRule;
import dev.composefix.engine.Linter;
import dev.composefix.engine.RuleCatalog;
import dev.composefix.engine.RuleMetadata;
import dev.composefix.engine.RuleOptions;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.ComposeLoader;
import dev.composefix.model.Variables;
import dev.composefix.rewrite.RewriteFailure;
import dev.composefix.rewrite.RewriteResult;
import dev.composefix.rewrite.Rewriter;
import dev.composefix.rules.Rules;
import dev.composefix.yaml.YamlException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many passes a rewrite takes, file by file: the last pass of a rewrite only checks, so a file that
 * takes two passes was fixed in one, and one that takes three or more needed more. Prints how many
 * files took each number of passes and names those that took three or more. Each file is rewritten on
 * its own (no override files, no variables) with every rule at its defaults, as a rewrite in one
 * process. Run by {@code src/bench/passes.sh}, on purpose.
 *
 * <p>Usage: {@code PassCensus FILE...} or {@code PassCensus @FILE_LIST}.
 */
public final class PassCensus {

    private PassCensus() {
    }

    public static void main(String[] args) throws Exception {
        List<String> files = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("@")) {
                files.addAll(Files.readAllLines(Path.of(a.substring(1))));
            } else {
                files.add(a);
            }
        }
        RuleCatalog catalog = Rules.catalog();
        List<ActiveRule> active = new ArrayList<>();
        for (var rule : catalog.rules()) {
            RuleMetadata m = catalog.metadata(rule);
            active.add(new ActiveRule(rule, m, null, new RuleOptions(m, Map.of())));
        }
        Linter linter = new Linter(catalog, active, f -> false);
        Map<Integer, Integer> byPasses = new TreeMap<>();
        List<String> more = new ArrayList<>();
        int unreadable = 0;
        int refused = 0;
        for (String name : files) {
            ComposeFile file;
            try {
                file = new ComposeLoader().load(name, Files.readString(Path.of(name)), Variables.NONE);
            } catch (YamlException | java.io.IOException e) {
                unreadable++;
                continue;
            }
            RewriteResult r;
            try {
                r = new Rewriter(linter, Variables.NONE, false).rewrite(name, file);
            } catch (RewriteFailure e) {
                refused++;
                continue;
            }
            byPasses.merge(r.passes(), 1, Integer::sum);
            if (r.passes() >= 3) {
                more.add(r.passes() + " passes: " + name);
            }
        }
        System.out.println(files.size() + " files; " + unreadable + " not read as compose files; " + refused
                + " rewrites refused");
        byPasses.forEach((passes, count) -> System.out.println("  " + passes + (passes == 1 ? " pass (nothing to fix): "
                : passes == 2 ? " passes (fixed in one): " : " passes (" + (passes - 1) + " fixing): ") + count));
        more.forEach(m -> System.out.println("    " + m));
    }
}
