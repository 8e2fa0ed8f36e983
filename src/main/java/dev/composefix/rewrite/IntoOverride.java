package dev.composefix.rewrite;

import dev.composefix.fix.Fix;
import dev.composefix.fix.Fragment;
import dev.composefix.fix.TextEdit;
import dev.composefix.fix.YamlEditor;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.Service;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YamlDocument;
import dev.composefix.yaml.YamlException;
import dev.composefix.yaml.YamlLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code rewrite --into}: the override file gets an empty entry for every service of the project
 * before the rewrite (so each service's additions have a place of their own and many fixes can land
 * in one pass), and the entries still empty afterwards are taken out again.
 */
public final class IntoOverride {

    private IntoOverride() {
    }

    /** The override's text with an empty entry ({@code name:}) for each project service it lacks. */
    public static String seed(ComposeFile project, YamlDocument into) {
        YNode root = into.root() == null ? null : into.root().resolve();
        if (!(root instanceof YMapping top)) {
            return into.text();
        }
        Fragment.Mapping missing = Fragment.mapping();
        YEntry services = top.own("services");
        YMapping existing = services != null && services.value() instanceof YMapping m ? m : null;
        for (Service s : project.services()) {
            if (existing == null || existing.get(s.name()) == null) {
                missing.entries().put(s.name(), Fragment.raw(""));
            }
        }
        if (missing.entries().isEmpty()) {
            return into.text();
        }
        YamlEditor editor = new YamlEditor(into);
        List<TextEdit> edits = existing != null ? List.of(editor.insertAll(existing, missing))
                : editor.merge(top, Fragment.mapping("services", missing));
        return Fix.apply(into.text(), edits);
    }

    /** Removes the entries {@link #seed} added that are still empty; other text stays as it is. */
    public static String unseed(String seeded, String source, Set<String> seededNames) throws YamlException {
        YamlDocument doc = new YamlLoader().load(source, seeded);
        YNode root = doc.root() == null ? null : doc.root().resolve();
        if (!(root instanceof YMapping top) || !(top.own("services") != null
                && top.own("services").value() instanceof YMapping services)) {
            return seeded;
        }
        YamlEditor editor = new YamlEditor(doc);
        List<TextEdit> edits = new ArrayList<>();
        for (YEntry e : services.entries()) {
            if (seededNames.contains(e.keyText()) && e.value() instanceof YScalar v && v.isNull()) {
                edits.add(editor.removeEntry(services, e));
            }
        }
        return Fix.apply(seeded, edits);
    }

    /** The service names {@link #seed} adds to {@code into}. */
    public static Set<String> seededNames(ComposeFile project, YamlDocument into) {
        Set<String> out = new TreeSet<>();
        YNode root = into.root() == null ? null : into.root().resolve();
        YEntry services = root instanceof YMapping top ? top.own("services") : null;
        YMapping existing = services != null && services.value() instanceof YMapping m ? m : null;
        for (Service s : project.services()) {
            if (existing == null || existing.get(s.name()) == null) {
                out.add(s.name());
            }
        }
        return out;
    }
}
