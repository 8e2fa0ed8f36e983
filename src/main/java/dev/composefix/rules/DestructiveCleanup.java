package dev.composefix.rules;

import dev.composefix.engine.Severity;
import dev.composefix.shell.DockerFinding;
import dev.composefix.shell.DockerHazard;
import dev.composefix.shell.VolumeDeletion;
import java.util.List;

/**
 * CF401: a command deletes named volumes (databases) or prunes without asking: {@code docker compose down -v},
 * {@code docker volume rm}, {@code docker volume prune -f}, {@code docker system prune -f} with {@code -a} or
 * {@code --volumes}; {@code docker network prune -f} is reported as info.
 */
public final class DestructiveCleanup extends DockerHazardRule {

    private static final VolumeDeletion HAZARD = new VolumeDeletion();

    @Override
    protected DockerHazard hazard() {
        return HAZARD;
    }

    @Override
    protected Severity severity(DockerFinding f) {
        return VolumeDeletion.isNetworkPrune(f) ? Severity.INFO : null;
    }

    @Override
    protected String message(DockerFinding f) {
        List<String> path = f.command().subcommand();
        String what;
        if (f.command().isCompose()) {
            what = "deletes the project's named volumes (databases included) along with its containers";
        } else if (path.equals(List.of("network", "prune"))) {
            what = "removes every network no running container uses, without asking";
        } else if (path.equals(List.of("system", "prune")) && !f.pattern().contains("--volumes")) {
            what = "deletes every image no container uses and the build cache, without asking";
        } else if (path.equals(List.of("system", "prune")) || path.equals(List.of("volume", "prune"))) {
            what = "deletes every volume no container uses (a stopped database's data too), without asking";
        } else {
            what = "deletes the volume and the data in it";
        }
        return "'" + f.pattern() + "' " + what + "; instead: " + f.alternative();
    }
}
