package dev.composefix.rules;

import dev.composefix.shell.DockerFinding;
import dev.composefix.shell.DockerHazard;
import dev.composefix.shell.RestartInLoop;

/**
 * CF402: {@code docker restart} or {@code docker compose restart} inside a shell loop with no delay, or in a
 * retry loop with no bound: a container that keeps failing is restarted back to back, forever.
 */
public final class RestartLoop extends DockerHazardRule {

    private static final RestartInLoop HAZARD = new RestartInLoop();

    @Override
    protected DockerHazard hazard() {
        return HAZARD;
    }

    @Override
    protected String message(DockerFinding f) {
        boolean unbounded = f.detail().contains("no bound");
        return "'" + f.pattern() + "' " + f.detail() + (unbounded
                ? ": a container that keeps failing is restarted forever"
                : ": a container that keeps failing is restarted back to back, loading the daemon")
                + "; instead: " + f.alternative();
    }
}
