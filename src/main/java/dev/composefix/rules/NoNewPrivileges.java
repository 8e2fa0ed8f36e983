package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.ServiceRule;
import dev.composefix.model.Interpolated;
import dev.composefix.model.Service;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YSequence;
import java.util.Locale;

/**
 * CF619: {@code security_opt} lacks {@code no-new-privileges:true} (or sets it to false). Privileged
 * services are reported by privileged instead; services that only overlay another file's service or use
 * {@code extends} may get it from elsewhere and are not judged.
 */
public final class NoNewPrivileges extends ServiceRule {

    @Override
    protected void checkService(Service s, RuleContext ctx) {
        if (!ResourceScope.judgesMissing(s) || privileged(s)) {
            return;
        }
        YNode off = null;
        if (s.value("security_opt") instanceof YSequence seq) {
            for (YNode item : seq.items()) {
                Interpolated t = s.file().text(item);
                if (t == null || !t.known()) {
                    return;
                }
                String opt = t.text().strip().toLowerCase(Locale.ROOT).replace('=', ':');
                if (opt.equals("no-new-privileges") || opt.equals("no-new-privileges:true")) {
                    return;
                }
                if (opt.equals("no-new-privileges:false")) {
                    off = item;
                }
            }
        } else if (s.has("security_opt")) {
            return;
        }
        // One concatenation: the message is built once, not its second half first.
        ctx.report(s, off != null ? off : s.key(), (off != null ? "no-new-privileges is turned off"
                : "security_opt does not set no-new-privileges") + ": a process in '" + s.name() + "' can gain "
                + "privileges through setuid and file-capability binaries (su, sudo, ping, ...), a common step from a "
                + "foothold to root in the container; add security_opt: [\"no-new-privileges:true\"] (images that "
                + "switch users with gosu or su-exec keep working)");
    }

    static boolean privileged(Service s) {
        Interpolated t = s.file().text(s.value("privileged"));
        return t != null && t.known() && t.text().strip().equalsIgnoreCase("true");
    }
}
