package dev.composefix.rules;

import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleContext;
import dev.composefix.fix.Fix;
import dev.composefix.fix.Fragment;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.Interpolated;
import dev.composefix.model.Service;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import java.util.List;
import java.util.Locale;

/**
 * CF623: a {@code logging} section for the {@code json-file} driver (named, or the default when no
 * driver is written) without {@code max-size}, or with {@code max-size: -1}: the log grows until the
 * disk is full. The {@code local} driver rotates by default (5 files of 20 MB) and is only reported
 * with {@code max-size: -1}; services without a {@code logging} section follow the daemon's settings
 * and are not judged. Fix (safe: only old log lines are dropped): add {@code max-size} and
 * {@code max-file} under {@code options}, with the values another service of the file already uses
 * (else 10m and 3), written in the file's style.
 */
public final class LoggingUnbounded implements Rule {

    @Override
    public void check(ComposeFile file, RuleContext ctx) {
        Rotation house = null;
        for (Service s : file.services()) {
            if (!(s.value("logging") instanceof YMapping logging)) {
                continue;
            }
            String driver = text(file, logging.value("driver"));
            String maxSize = logging.value("options") instanceof YMapping o ? text(file, o.value("max-size")) : "";
            if (driver == null || maxSize == null) {
                continue; // decided by a variable without a value
            }
            boolean jsonFile = driver.isEmpty() || driver.equals("json-file");
            boolean unbounded = jsonFile ? maxSize.isEmpty() || maxSize.equals("-1")
                    : driver.equals("local") && maxSize.equals("-1");
            if (!unbounded) {
                continue;
            }
            if (house == null) {
                house = Rotation.of(file);
            }
            YEntry driverEntry = logging.get("driver");
            YNode at = driverEntry != null ? driverEntry.value() : s.entry("logging").key();
            ctx.report(s, at, "logging driver " + (driver.isEmpty() ? "json-file (the default)" : driver)
                    + (maxSize.isEmpty() ? " without max-size" : " with max-size -1") + ": the log of '" + s.name()
                    + "' grows until the disk is full, and a chatty or crash-looping service fills it in hours; set "
                    + "options max-size and max-file (max-size: " + house.size() + ", max-file: \"" + house.files()
                    + "\")", fix(s, logging, house, ctx));
        }
    }

    private static Fix fix(Service s, YMapping logging, Rotation house, RuleContext ctx) {
        Fragment.Mapping options = Fragment.mapping();
        YMapping existing = logging.value("options") instanceof YMapping o ? o : null;
        options.entries().put("max-size", house.sizeNode() != null ? new Fragment.Copy(house.sizeNode())
                : Fragment.string(house.size()));
        if (existing == null || existing.get("max-file") == null) {
            options.entries().put("max-file", house.filesNode() != null ? new Fragment.Copy(house.filesNode())
                    : Fragment.quoted(house.files()));
        }
        return ServiceEdit.fix(s, ctx, Fragment.mapping("logging", Fragment.mapping("options", options)),
                "rotate logs at " + house.size() + " x " + house.files(),
                List.of(Fix.path("services", s.name(), "logging")));
    }

    /** A scalar's interpolated, lower-cased text; empty when absent or null, null when unknown. */
    private static String text(ComposeFile file, YNode node) {
        if (node == null || (node instanceof YScalar sc && sc.isNull())) {
            return "";
        }
        Interpolated t = file.text(node);
        return t == null ? "" : t.known() ? t.text().strip().toLowerCase(Locale.ROOT) : null;
    }

    /**
     * The rotation a file already uses for json-file logs (with the nodes, to copy them as written),
     * else 10m and 3 files.
     */
    private record Rotation(String size, String files, YNode sizeNode, YNode filesNode) {

        static Rotation of(ComposeFile file) {
            for (Service s : file.services()) {
                if (s.value("logging") instanceof YMapping logging && logging.value("options") instanceof YMapping o) {
                    String size = text(file, o.value("max-size"));
                    String files = text(file, o.value("max-file"));
                    if (size != null && !size.isEmpty() && !size.equals("-1") && size.matches("\\d+[kmg]?")
                            && files != null && files.matches("\\d+")) {
                        return new Rotation(size, files, o.value("max-size"), o.value("max-file"));
                    }
                }
            }
            return new Rotation("10m", "3", null, null);
        }
    }
}
