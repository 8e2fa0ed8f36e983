package dev.composefix.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DockerCommandTest {

    static Optional<DockerCommand> docker(String script) {
        List<SimpleCommand> commands = ShellScript.parse(script);
        assertEquals(1, commands.size(), () -> "one command expected in " + script);
        return DockerCommand.parse(commands.get(0));
    }

    static DockerCommand require(String script) {
        return docker(script).orElseThrow(() -> new AssertionError("not a docker command: " + script));
    }

    static List<String> texts(List<Word> words) {
        return words.stream().map(Word::text).collect(Collectors.toList());
    }

    @Test
    void recognisesEachTool() {
        assertEquals(DockerTool.DOCKER, require("docker ps").tool());
        assertEquals(DockerTool.DOCKER, require("/usr/bin/docker ps").tool());
        assertEquals(DockerTool.DOCKER, require("docker.exe ps").tool());
        assertEquals(DockerTool.DOCKER_COMPOSE, require("docker-compose ps").tool());
        assertEquals(DockerTool.PODMAN, require("podman ps").tool());
        assertEquals(DockerTool.PODMAN, require("podman-remote ps").tool());
        assertEquals(DockerTool.PODMAN_COMPOSE, require("podman-compose ps").tool());
        assertEquals(DockerTool.NERDCTL, require("/usr/local/bin/nerdctl ps").tool());
        assertEquals(DockerTool.DOCKER, require("\\docker ps").tool());
    }

    @Test
    void otherCommandsAreNotDocker() {
        for (String s : List.of("echo docker rm -f x", "grep \"docker kill\" f", "dockerd", "docker2 ps",
                "kubectl delete pod x", "command -v docker", "sudo -l docker ps", "$DOCKER rm -f x")) {
            assertTrue(docker(s).isEmpty(), s);
        }
    }

    @Test
    void valueOptionWithoutItsValue() {
        assertEquals(List.of(), require("docker -H").subcommand());
        assertEquals(List.of(), require("docker -H").arguments());
        assertEquals(List.of("compose"), require("docker compose -f").subcommand());
        assertTrue(require("docker kill -s").options().value("-s").isEmpty());
    }

    @Test
    void subcommandPaths() {
        assertEquals(List.of("rm"), require("docker rm -f x").subcommand());
        assertEquals(List.of("container", "rm"), require("docker container rm -f x").subcommand());
        assertEquals(List.of("image", "rm"), require("docker image rm img").subcommand());
        assertEquals(List.of("compose", "down"), require("docker compose down -v").subcommand());
        assertEquals(List.of("kill"), require("docker-compose kill").subcommand());
        assertEquals(List.of("volume", "prune"), require("docker volume prune -f").subcommand());
        assertEquals(List.of(), require("docker --version").subcommand());
        assertEquals(List.of("container"), require("docker container --help").subcommand());
    }

    @Test
    void argumentsFollowTheSubcommand() {
        DockerCommand c = require("docker container rm -fv web db");
        assertEquals(List.of("-fv", "web", "db"), texts(c.arguments()));
        assertEquals(List.of("web", "db"), texts(c.options().operands()));
        assertEquals("docker container rm", c.display());
        assertEquals(c.command(), ShellScript.parse("docker container rm -fv web db").get(0));
    }

    @Test
    void globalOptionsAreSkipped() {
        DockerCommand c = require("docker -H tcp://x:2375 --context ctx --log-level debug --tls -D rm -f x");
        assertEquals(List.of("rm"), c.subcommand());
        assertEquals(List.of("-f", "x"), texts(c.arguments()));
        assertEquals(List.of("rm"), require("docker --host=tcp://x -lwarn rm").subcommand());
        assertEquals(List.of("kill"), require("docker-compose -f a.yml -p proj --verbose kill").subcommand());
        assertEquals(List.of("kill"), require("podman --root /r --remote kill x").subcommand());
        assertEquals(List.of("rm"), require("nerdctl -n k8s.io --address /run/c.sock rm -f x").subcommand());
    }

    @Test
    void composePluginOptions() {
        DockerCommand c = require("docker compose --project-name p -f x.yml --profile dev kill -s HUP web");
        assertEquals(List.of("compose", "kill"), c.subcommand());
        assertTrue(c.isCompose());
        assertEquals(List.of("kill"), c.composeSubcommand());
        assertEquals(List.of("-s", "HUP", "web"), texts(c.arguments()));
        assertEquals("docker compose", c.cliPrefix());
        assertEquals("docker compose kill", c.display());
    }

    @Test
    void composeTools() {
        DockerCommand c = require("docker-compose --file a.yml rm -f");
        assertTrue(c.isCompose());
        assertEquals(List.of("rm"), c.composeSubcommand());
        assertEquals("docker-compose", c.cliPrefix());
        assertFalse(require("docker rm").isCompose());
        assertEquals(List.of(), require("docker rm").composeSubcommand());
        assertEquals(List.of("kill"), require("nerdctl compose -f a.yml kill").composeSubcommand());
    }

    @Test
    void looksThroughPrefixes() {
        for (String s : List.of("sudo docker rm -f x", "sudo -u ops -E -- docker rm -f x", "sudo -Eu ops docker rm -f x",
                "exec docker rm -f x", "xargs docker rm -f x", "xargs -r -n 1 docker rm -f x",
                "xargs -I {} docker rm -f {}", "xargs -I{} docker rm -f {}", "time docker rm -f x",
                "time -p docker rm -f x", "nohup docker rm -f x", "command docker rm -f x",
                "env docker rm -f x", "env -i A=1 B=2 docker rm -f x", "env - docker rm -f x",
                "timeout 30 docker rm -f x", "timeout -s KILL 30s docker rm -f x", "nice -n 5 docker rm -f x",
                "nice -5 docker rm -f x", "watch -n 5 docker rm -f x", "sudo env A=1 timeout 5 nice docker rm -f x",
                "stdbuf -oL docker rm -f x", "ionice -c 3 docker rm -f x", "setsid docker rm -f x",
                "doas -u root docker rm -f x", "sudo A=1 docker rm -f x")) {
            DockerCommand c = docker(s).orElseThrow(() -> new AssertionError(s));
            assertEquals(List.of("rm"), c.subcommand(), s);
            assertEquals("docker", c.toolWord().text(), s);
        }
    }

    @Test
    void prefixesThatDoNotRunTheCommand() {
        assertTrue(docker("command -v docker").isEmpty());
        assertTrue(docker("sudo -l docker rm -f x").isEmpty());
        assertTrue(docker("sudo").isEmpty());
        assertTrue(docker("timeout 30").isEmpty());
    }

    @Test
    void commandsInsideScriptsAreFound() {
        List<DockerCommand> found = ShellScript.parse("for c in $(docker ps -q); do sh -c \"docker kill $c\"; done")
                .stream().map(DockerCommand::parse).flatMap(Optional::stream).collect(Collectors.toList());
        assertEquals(List.of(List.of("ps"), List.of("kill")),
                found.stream().map(DockerCommand::subcommand).collect(Collectors.toList()));
        assertEquals(1, found.get(1).command().loopDepth());
    }

    @Test
    void optionsUnderstandCombinedShortFlags() {
        CommandOptions o = require("docker rm -vf x").options();
        assertTrue(o.isSet("-f", "--force"));
        assertTrue(o.isSet("-v"));
        assertFalse(o.isSet("-l"));
        assertEquals("-vf", o.enabled("-f").orElseThrow().word().text());
    }

    @Test
    void optionsUnderstandLongFlagsAndBooleanValues() {
        assertTrue(require("docker rm --force x").options().isSet("-f", "--force"));
        assertTrue(require("docker rm --force=true x").options().isSet("-f", "--force"));
        assertFalse(require("docker rm --force=false x").options().isSet("-f", "--force"));
        assertFalse(require("docker rm -f --force=false x").options().isSet("-f", "--force"));
        assertTrue(require("docker rm --force=0 -f x").options().isSet("-f", "--force"));
        assertFalse(require("docker rm --force=FALSE x").options().isSet("-f", "--force"));
    }

    @Test
    void optionsWithValues() {
        CommandOptions kill = require("docker kill -s HUP nginx").options();
        assertEquals(Optional.of("HUP"), kill.value("-s", "--signal"));
        assertEquals(List.of("nginx"), texts(kill.operands()));
        assertEquals(Optional.of("TERM"), require("docker kill -sTERM nginx").options().value("-s", "--signal"));
        assertEquals(Optional.of("TERM"), require("docker kill --signal=TERM x").options().value("--signal"));
        assertEquals(Optional.of("TERM"), require("docker kill --signal TERM x").options().value("--signal"));
        CommandOptions ps = require("docker ps -f name=x -a").options();
        assertEquals(Optional.of("name=x"), ps.value("-f", "--filter"));
        assertTrue(ps.isSet("-a"));
        assertTrue(ps.operands().isEmpty());
    }

    @Test
    void nonInterspersedSubcommandsStopAtTheFirstOperand() {
        CommandOptions run = require("docker run --rm -e A=1 alpine rm -f /x").options();
        assertFalse(run.isSet("-f"));
        assertTrue(run.isSet("--rm"));
        assertEquals(List.of("alpine", "rm", "-f", "/x"), texts(run.operands()));
        CommandOptions rm = require("docker rm web -f").options();
        assertTrue(rm.isSet("-f"));
    }

    @Test
    void doubleDashEndsOptions() {
        CommandOptions o = require("docker rm -- -f").options();
        assertFalse(o.isSet("-f"));
        assertEquals(List.of("-f"), texts(o.operands()));
    }

    @Test
    void callerSuppliedOptionTable() {
        DockerCommand c = require("docker system prune -af --filter until=24h --volumes");
        CommandOptions o = c.options(Set.of("--filter"), true);
        assertTrue(o.isSet("-a"));
        assertTrue(o.isSet("-f", "--force"));
        assertTrue(o.isSet("--volumes"));
        assertEquals(Optional.of("until=24h"), o.value("--filter"));
        assertEquals(4, o.all().size());
    }

    @Test
    void wordsKeepTheirOffsets() {
        DockerCommand c = require("sudo docker rm -f web");
        assertEquals(5, c.toolWord().start());
        assertEquals(12, c.subcommandWords().get(0).start());
        assertEquals(15, c.options().enabled("-f").orElseThrow().word().start());
    }
}
