package dev.composefix.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ForcedRemovalTest {
    private static final ForcedRemoval HAZARD = new ForcedRemoval();

    static List<DockerFinding> findings(String script) {
        return ShellScript.parse(script).stream().map(DockerCommand::parse).flatMap(Optional::stream)
                .map(HAZARD::find).flatMap(Optional::stream).collect(Collectors.toList());
    }

    static List<DockerFinding> findings(List<String> argv) {
        return ShellScript.fromArgv(argv).stream().map(c -> DockerCommand.parse(c.command()))
                .flatMap(Optional::stream).map(HAZARD::find).flatMap(Optional::stream).collect(Collectors.toList());
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", value = {
        "docker rm -f web => docker rm -f",
        "docker rm --force web => docker rm --force",
        "docker rm --force=true web => docker rm --force",
        "docker rm -vf web => docker rm -f",
        "docker rm web -f => docker rm -f",
        "docker container rm -f web => docker container rm -f",
        "docker container remove -f web => docker container remove -f",
        "docker rmi -f img => docker rmi -f",
        "docker image rm --force img => docker image rm --force",
        "docker kill web => docker kill",
        "docker container kill web => docker container kill",
        "docker kill -s KILL web => docker kill -s KILL",
        "docker kill --signal=SIGKILL web => docker kill --signal SIGKILL",
        "docker kill -s 9 web => docker kill -s 9",
        "docker compose kill => docker compose kill",
        "docker compose -f x.yml kill web => docker compose kill",
        "docker compose --project-name p -f x.yml kill => docker compose kill",
        "docker-compose kill => docker-compose kill",
        "docker-compose -f a.yml -p proj kill -s sigkill => docker-compose kill -s sigkill",
        "podman rm -f web => podman rm -f",
        "podman rmi -f img => podman rmi -f",
        "podman kill web => podman kill",
        "podman-compose kill => podman-compose kill",
        "nerdctl rm -f web => nerdctl rm -f",
        "nerdctl compose kill => nerdctl compose kill",
        "/usr/bin/docker -H tcp://x --context ctx --log-level debug rm -f x => docker rm -f",
        "sudo -u ops docker rm -f web => docker rm -f",
        "docker ps -aq | xargs -r docker rm -f => docker rm -f",
        "FOO=1 docker rm -f x => docker rm -f",
        "timeout 30 docker kill web => docker kill",
        "docker rm -f $(docker ps -aq) => docker rm -f",
        "echo start && docker kill web || true => docker kill",
    })
    void flagged(String script, String pattern) {
        List<DockerFinding> found = findings(script);
        assertEquals(1, found.size(), () -> script + " -> " + found);
        assertEquals(pattern, found.get(0).pattern());
        assertEquals(ForcedRemoval.ID, found.get(0).hazard());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "docker compose rm -f",
        "docker-compose rm -f web",
        "docker compose rm -sf",
        "podman-compose rm -f",
        "docker stop web",
        "docker stop -t 30 web && docker rm web",
        "docker rm web",
        "docker rm --force=false web",
        "docker run --rm alpine true",
        "docker run --rm alpine rm -f /tmp/x",
        "docker ps -f name=x",
        "docker ps --filter status=exited -q",
        "docker images -f dangling=true",
        "docker rmi img",
        "docker kill -s HUP nginx",
        "docker kill --signal=SIGUSR1 web",
        "docker kill -sTERM web",
        "docker kill -s \"$SIG\" web",
        "docker compose kill -s SIGHUP",
        "docker-compose kill -s INT",
        "docker volume rm -f data",
        "docker network rm -f net",
        "docker compose down",
        "podman rm -f -t 30 web",
        "podman rm --force --time=10 web",
        "echo docker rm -f web",
        "echo \"docker kill web\"",
        "grep \"docker kill\" log",
        "# docker rm -f web",
        "ls # docker kill web",
        "cat <<EOF\ndocker rm -f web\nEOF",
        "docker exec db sh -c 'kill -9 1'",
        "docker rm -- -f",
        "$DOCKER rm -f web",
    })
    void notFlagged(String script) {
        assertEquals(List.of(), findings(script), script);
    }

    @Test
    void findingPointsAtTheFlag() {
        String script = "set -e\nsudo docker rm -fv web\n";
        DockerFinding f = findings(script).get(0);
        assertEquals("-fv", f.word().text());
        assertEquals(script.indexOf("-fv"), f.word().start());
        assertEquals(script.indexOf("sudo"), f.start());
        assertEquals(script.indexOf("web") + 3, f.end());
        assertEquals("2:16", ShellScript.lineOf(script, f.word().start()).toString());
    }

    @Test
    void killFindingPointsAtTheSubcommandOrTheSignal() {
        String script = "docker kill web; docker kill -s KILL db";
        List<DockerFinding> found = findings(script);
        assertEquals(2, found.size());
        assertEquals(script.indexOf("kill"), found.get(0).word().start());
        assertEquals(script.indexOf("-s"), found.get(1).word().start());
    }

    @Test
    void alternatives() {
        assertEquals("docker stop -t <seconds> <container>, then docker rm <container>",
                findings("docker rm -f web").get(0).alternative());
        assertEquals("podman stop -t <seconds> <container>, then podman rm <container>",
                findings("podman container rm -f web").get(0).alternative());
        assertEquals("docker rmi <image> without -f, after removing the containers that use it",
                findings("docker rmi -f img").get(0).alternative());
        assertEquals("docker stop -t <seconds> <container>", findings("docker kill web").get(0).alternative());
        assertEquals("docker compose stop -t <seconds> [service]",
                findings("docker compose kill").get(0).alternative());
        assertEquals("docker-compose stop -t <seconds> [service]",
                findings("docker-compose kill").get(0).alternative());
    }

    @Test
    void composeListFormWithShell() {
        List<String> argv = List.of("sh", "-c", "docker rm -f old || true; exec app");
        assertEquals(1, findings(argv).size());
        for (ArgvCommand command : ShellScript.fromArgv(argv)) {
            Optional<DockerFinding> found = DockerCommand.parse(command.command()).flatMap(HAZARD::find);
            if (found.isPresent()) {
                DockerFinding f = found.get();
                assertEquals("docker rm -f", f.pattern());
                assertEquals(10, f.word().start());
                assertEquals(12, f.word().end());
                assertEquals(2, command.elementOf(f.word()));
                assertEquals(0, f.start());
                assertEquals(16, f.end());
            }
        }
    }

    @Test
    void composeListFormWithoutShell() {
        List<String> argv = List.of("docker", "kill", "web");
        ArgvCommand only = ShellScript.fromArgv(argv).get(0);
        DockerFinding f = DockerCommand.parse(only.command()).flatMap(HAZARD::find).orElseThrow();
        assertEquals("kill", f.word().text());
        assertEquals(1, only.elementOf(f.word()));
        assertEquals(0, f.word().start());
    }

    @Test
    void loopContextIsAvailable() {
        List<DockerFinding> found = findings("while true; do\n  docker kill web\n  sleep 1\ndone");
        assertEquals(1, found.get(0).command().command().loopDepth());
    }

    @Test
    void isKillSignal() {
        for (String s : List.of("KILL", "kill", "SIGKILL", "sigkill", "9", " 9 ")) {
            assertTrue(ForcedRemoval.isKill(s), s);
        }
        for (String s : List.of("TERM", "HUP", "SIGINT", "15", "", "$SIG", "KILLX")) {
            assertTrue(!ForcedRemoval.isKill(s), s);
        }
    }
}
