package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.ServiceRule;
import dev.composefix.fix.Fix;
import dev.composefix.fix.Fragment;
import dev.composefix.fix.TextEdit;
import dev.composefix.fix.YamlEditor;
import dev.composefix.kinds.ServiceKind;
import dev.composefix.model.PortMapping;
import dev.composefix.model.Service;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;
import dev.composefix.yaml.YamlDocument;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * CF621: a database, cache or search engine (by service kind; not the minio object store, whose API
 * serves presigned URLs to browsers) publishes a port on every interface:
 * no host IP, {@code 0.0.0.0} or {@code ::}, including a port Docker picks ({@code - "5432"}). Fix
 * (unsafe: clients on other machines, and containers reaching it through the host, lose access): bind
 * to the loopback address of the same family, keeping the item's form: {@code 127.0.0.1:} before a
 * short-syntax item (quoted or not, variables kept), {@code 0.0.0.0} replaced, {@code [::]} becoming
 * {@code [::1]}, and {@code host_ip} added or replaced in the long syntax.
 */
public final class DatabasePortExposed extends ServiceRule {

    private static final Set<ServiceKind.Category> STORES = EnumSet.of(ServiceKind.Category.DATABASE,
            ServiceKind.Category.CACHE, ServiceKind.Category.SEARCH);

    @Override
    protected void checkService(Service s, RuleContext ctx) {
        if (s.ports().isEmpty()) {
            return;
        }
        ServiceKind kind = ctx.settings().kindOf(s);
        if (!STORES.contains(kind.category()) || kind.name().equals("minio")) {
            return;
        }
        for (PortMapping p : PortMapping.of(s)) {
            if (!p.allInterfaces()) {
                continue;
            }
            String loopback = p.ipv6() ? "::1" : "127.0.0.1";
            String interfaces = p.hostIp().isEmpty() ? "all interfaces" : "all interfaces (" + p.hostIp() + ")";
            String port = p.published() ? "port " + p.hostPorts()
                    : "container port " + p.containerText() + " on a host port Docker picks,";
            String passwords = kind.category() == ServiceKind.Category.CACHE
                    ? "connect, often without any password" : "connect and try its passwords";
            ctx.report(s, p.node(), "'" + s.name() + "' (" + kind.name() + ") publishes " + port + " on " + interfaces
                    + ": anyone who can reach this machine can " + passwords + ", and Docker's port rules bypass host "
                    + "firewalls such as ufw; bind it to " + loopback + " (" + suggestion(p, loopback) + "), or drop "
                    + "the port and let other services reach it over the Compose network", fix(s, p, loopback, ctx));
        }
    }

    private static String suggestion(PortMapping p, String loopback) {
        String ip = p.ipv6() ? "[" + loopback + "]" : loopback;
        String protocol = p.protocol().equals("tcp") ? "" : "/" + p.protocol();
        return "\"" + ip + ":" + p.hostPorts() + ":" + p.containerText() + protocol + "\"";
    }

    /** The edit that binds one port item to the loopback address, or null when it cannot be made here. */
    private static Fix fix(Service s, PortMapping p, String loopback, RuleContext ctx) {
        if (ctx.settings().into() != null) {
            return null; // Compose appends an override's ports to the base's: the item cannot be rebound there
        }
        YamlDocument doc = s.file().document(p.node().start().source());
        YMapping body = doc == null ? null : ServiceEdit.ownBody(doc, s.name());
        if (body == null || ServiceEdit.leaks(doc, s.name(), "ports")) {
            return null;
        }
        YEntry ports = body.own("ports");
        if (ports == null || !(ports.value() instanceof YSequence seq) || !seq.items().contains(p.node())) {
            return null; // inherited through a merge key or an alias: editing it would change other services
        }
        YamlEditor editor = ctx.editor(doc);
        TextEdit edit = p.longSyntax() ? longSyntax((YMapping) p.node(), loopback, editor)
                : shortSyntax((YScalar) p.node(), p, loopback, editor);
        return edit == null ? null : new Fix("bind to " + loopback, ctx.fixSafety(), List.of(edit),
                List.of(Fix.path("services", s.name(), "ports")));
    }

    private static TextEdit shortSyntax(YScalar item, PortMapping p, String loopback, YamlEditor editor) {
        String raw = item.value();
        String bound;
        if (p.hostIp().isEmpty()) {
            bound = loopback + ":" + (p.published() ? "" : ":") + raw.strip();
        } else if (raw.startsWith("0.0.0.0:")) {
            bound = loopback + raw.substring("0.0.0.0".length());
        } else if (raw.startsWith("[::]:")) {
            bound = "[" + loopback + "]" + raw.substring("[::]".length());
        } else {
            return null; // the address comes from a variable, or is written in another form
        }
        if (item.style() == YScalar.Style.LITERAL || item.style() == YScalar.Style.FOLDED) {
            return null;
        }
        return editor.replaceScalar(item, bound);
    }

    private static TextEdit longSyntax(YMapping item, String loopback, YamlEditor editor) {
        YEntry ip = item.own("host_ip");
        if (ip == null) {
            return item.get("host_ip") == null ? editor.insert(item, "host_ip", Fragment.string(loopback)) : null;
        }
        YNode v = ip.value();
        if (v instanceof YScalar s && !s.isNull() && s.value().indexOf('$') < 0) {
            return editor.replaceScalar(s, loopback);
        }
        return null;
    }
}
