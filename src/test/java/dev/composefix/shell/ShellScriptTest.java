package dev.composefix.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ShellScriptTest {

    static List<List<String>> argvs(String script) {
        return ShellScript.parse(script).stream().map(SimpleCommand::argv).collect(Collectors.toList());
    }

    static SimpleCommand only(String script) {
        List<SimpleCommand> commands = ShellScript.parse(script);
        assertEquals(1, commands.size(), () -> "commands of " + script + ": " + commands);
        return commands.get(0);
    }

    static SimpleCommand first(String script, String name) {
        return ShellScript.parse(script).stream().filter(c -> c.argv().get(0).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + argvs(script)));
    }

    @Nested
    class Words {
        @Test
        void splitsOnBlanks() {
            SimpleCommand c = only("docker  rm\t-f x");
            assertEquals(List.of("docker", "rm", "-f", "x"), c.argv());
            assertEquals(0, c.start());
            assertEquals(15, c.end());
            Word f = c.words().get(2);
            assertEquals(11, f.start());
            assertEquals(13, f.end());
        }

        @Test
        void quotedPatternIsOneWordNotACommand() {
            SimpleCommand c = only("echo \"never run docker rm -f\"");
            assertEquals(List.of("echo", "never run docker rm -f"), c.argv());
            assertEquals(5, c.words().get(1).start());
            assertEquals(29, c.words().get(1).end());
            assertTrue(c.words().get(1).isQuoted());
            assertFalse(c.words().get(1).hasExpansion());
        }

        @Test
        void singleQuotesKeepEverything() {
            assertEquals(List.of("echo", "a $X `b` \\n \" c"), only("echo 'a $X `b` \\n \" c'").argv());
            assertFalse(only("echo '$X'").words().get(1).hasExpansion());
        }

        @Test
        void doubleQuotesUnescapeOnlyTheirSpecials() {
            assertEquals(List.of("echo", "a\"b\\c$d`e\\n"), only("echo \"a\\\"b\\\\c\\$d\\`e\\n\"").argv());
            assertFalse(only("echo \"\\$HOME\"").words().get(1).hasExpansion());
        }

        @Test
        void backslashEscapesOutsideQuotes() {
            SimpleCommand c = only("echo a\\ b \\; \\\\");
            assertEquals(List.of("echo", "a b", ";", "\\"), c.argv());
            assertTrue(c.words().get(1).isQuoted());
        }

        @Test
        void adjacentQuotedPartsFormOneWord() {
            assertEquals(List.of("docker", "rm", "-f", "x y z"), only("docker rm -f 'x'\" y\"\\ z").argv());
        }

        @Test
        void emptyQuotesMakeAnEmptyWord() {
            SimpleCommand c = only("printf '' \"\"");
            assertEquals(List.of("printf", "", ""), c.argv());
            assertEquals(7, c.words().get(1).start());
            assertEquals(9, c.words().get(1).end());
        }

        @Test
        void ansiCQuotes() {
            assertEquals(List.of("echo", "a\nb'c\t\u0041\u00e9!"), only("echo $'a\\nb\\'c\\t\\x41\\u00e9\\041'").argv());
            assertFalse(only("echo $'$X'").words().get(1).hasExpansion());
            assertEquals("\uD83D\uDE00", only("echo $'\\U0001F600'").argv().get(1));
        }

        @Test
        void localeQuotesActLikeDoubleQuotes() {
            assertEquals(List.of("echo", "hi there"), only("echo $\"hi there\"").argv());
        }

        @Test
        void expansionsAreKeptLiterally() {
            SimpleCommand c = first("docker rm -f $NAME ${ID:-x} \"$1\" $(cat id) `cat id` $((1+2)) ~/x", "docker");
            assertEquals(List.of("docker", "rm", "-f", "$NAME", "${ID:-x}", "$1", "$(cat id)", "`cat id`",
                    "$((1+2))", "~/x"), c.argv());
            List<Boolean> expansions = c.words().stream().map(Word::hasExpansion).collect(Collectors.toList());
            assertEquals(List.of(false, false, false, true, true, true, true, true, true, false), expansions);
        }

        @Test
        void lonelyDollarIsNotAnExpansion() {
            SimpleCommand c = only("echo $ a$ \"$\"");
            assertEquals(List.of("echo", "$", "a$", "$"), c.argv());
            assertTrue(c.words().stream().noneMatch(Word::hasExpansion));
        }

        @Test
        void parameterExpansionWithSpacesAndBracesIsOneWord() {
            assertEquals(List.of("echo", "${x:-a b}", "${x//\\}/}"), only("echo ${x:-a b} ${x//\\}/}").argv());
        }

        @Test
        void hashStartsACommentOnlyAtWordStart() {
            assertEquals(List.of(List.of("echo", "a#b", "$#")), argvs("echo a#b $# #docker rm -f x"));
            assertEquals(List.of(List.of("echo", "#not")), argvs("echo '#not'"));
            assertEquals(List.of(List.of("ls")), argvs("# docker kill x\nls # docker kill y"));
        }

        @Test
        void sourceOffsetMapsTextBackToTheScript() {
            Word w = only("echo a\"b\\\"c\"").words().get(1);
            assertEquals("ab\"c", w.text());
            assertEquals(5, w.sourceOffset(0));
            assertEquals(7, w.sourceOffset(1));
            assertEquals(8, w.sourceOffset(2));
            assertEquals(10, w.sourceOffset(3));
            assertEquals(11, w.sourceOffset(4));
        }

        @Test
        void sourceOffsetOfWordsWhoseCharsComeOneToOne() {
            // Kept without per-char offsets: a plain word, a wholly quoted one, one inside sh -c's script.
            Word plain = only("echo abc").words().get(1);
            Word quoted = only("echo 'abc'").words().get(1);
            assertEquals(List.of(5, 6, 7, 8), List.of(plain.sourceOffset(0), plain.sourceOffset(1),
                    plain.sourceOffset(2), plain.sourceOffset(3)));
            assertEquals(List.of(6, 7, 8, 9), List.of(quoted.sourceOffset(0), quoted.sourceOffset(1),
                    quoted.sourceOffset(2), quoted.sourceOffset(3)));
            assertEquals(plain, only("echo abc").words().get(1));
            assertNotEquals(plain, quoted);
            String script = "sh -c 'docker rm -f x'";
            List<Word> inner = ShellScript.parse(script).stream()
                    .filter(c -> c.argv().get(0).equals("docker")).findFirst().orElseThrow().words();
            Word force = inner.get(2);
            assertEquals("-f", force.text());
            assertEquals(script.indexOf("-f"), force.sourceOffset(0));
            assertEquals(script.indexOf("-f") + 2, force.sourceOffset(2));
        }
    }

    @Nested
    class Separators {
        @Test
        void operatorsSplitCommands() {
            assertEquals(List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d"), List.of("e"),
                    List.of("f"), List.of("g")), argvs("a; b & c && d || e | f |& g"));
            assertEquals(List.of(List.of("a"), List.of("b")), argvs("a;b"));
            assertEquals(List.of(List.of("a"), List.of("b")), argvs("a\nb\n"));
        }

        @Test
        void bangNegatesAPipeline() {
            assertEquals(List.of(List.of("docker", "kill", "x")), argvs("! docker kill x"));
        }

        @Test
        void lineContinuationJoinsAndKeepsTheFirstLine() {
            String script = "echo hi\ndocker rm \\\n  -f \\\n  web\necho bye";
            SimpleCommand c = first(script, "docker");
            assertEquals(List.of("docker", "rm", "-f", "web"), c.argv());
            assertEquals(8, c.start());
            assertEquals(32, c.end());
            assertEquals(22, c.words().get(2).start());
            assertEquals(24, c.words().get(2).end());
            assertEquals("2:1", ShellScript.lineOf(script, c.start()).toString());
            assertEquals("3:3", ShellScript.lineOf(script, c.words().get(2).start()).toString());
        }

        @Test
        void continuationInsideAWordJoinsIt() {
            assertEquals(List.of("docker", "kill"), only("doc\\\nker kill").argv());
        }

        @Test
        void crlfLineEndings() {
            assertEquals(List.of(List.of("a", "b"), List.of("c")), argvs("a b\r\nc\r\n"));
            assertEquals(List.of(List.of("a", "b")), argvs("a \\\r\nb"));
        }

        @Test
        void subshellsAndBraceGroups() {
            assertEquals(List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d")),
                    argvs("(a; (b)) && { c; d; }"));
            assertEquals(List.of(List.of("echo", "{a,b}"), List.of("echo", "}")), argvs("echo {a,b}; echo }"));
        }
    }

    @Nested
    class Substitutions {
        @Test
        void commandSubstitutionIsParsedInSourceOrder() {
            String script = "echo $(docker ps -q) done";
            List<SimpleCommand> commands = ShellScript.parse(script);
            assertEquals(List.of(List.of("echo", "$(docker ps -q)", "done"), List.of("docker", "ps", "-q")),
                    argvs(script));
            SimpleCommand inner = commands.get(1);
            assertEquals(7, inner.start());
            assertEquals(19, inner.end());
            assertEquals(17, inner.words().get(2).start());
        }

        @Test
        void nestedSubstitutionsInsideQuotes() {
            String script = "x=\"$(docker inspect \"$(docker ps -lq)\")\"";
            assertEquals(List.of(List.of("docker", "inspect", "$(docker ps -lq)"), List.of("docker", "ps", "-lq")),
                    argvs(script));
            SimpleCommand inner = ShellScript.parse(script).get(1);
            assertEquals(script.indexOf("docker ps"), inner.start());
        }

        @Test
        void backticksAreParsedWithTheirEscapes() {
            String script = "echo `docker ps -q --filter \\`cat f\\``";
            assertEquals(List.of(List.of("echo", "`docker ps -q --filter \\`cat f\\``"),
                    List.of("docker", "ps", "-q", "--filter", "`cat f`"), List.of("cat", "f")), argvs(script));
            SimpleCommand cat = first(script, "cat");
            assertEquals(script.indexOf("cat f"), cat.start());
            assertEquals(script.indexOf("cat f") + 5, cat.end());
        }

        @Test
        void arithmeticIsNotACommand() {
            assertEquals(List.of(List.of("echo", "$((a + (b * 2)))")), argvs("echo $((a + (b * 2)))"));
            assertEquals(List.of(List.of("echo")), argvs("(( i++ )); echo"));
            assertEquals(List.of(List.of("echo", "$(( $(nproc) * 2 ))"), List.of("nproc")),
                    argvs("echo $(( $(nproc) * 2 ))"));
        }

        @Test
        void subshellInsideSubstitutionIsNotArithmetic() {
            assertEquals(List.of(List.of("echo", "$((docker ps) | wc)"), List.of("docker", "ps"), List.of("wc")),
                    argvs("echo $((docker ps) | wc)"));
        }

        @Test
        void parameterDefaultsMayRunCommands() {
            assertEquals(List.of(List.of("echo", "${ID:-$(docker ps -q)}"), List.of("docker", "ps", "-q")),
                    argvs("echo ${ID:-$(docker ps -q)}"));
        }

        @Test
        void processSubstitution() {
            assertEquals(List.of(List.of("diff", "<(docker ps)", "f"), List.of("docker", "ps")),
                    argvs("diff <(docker ps) f"));
        }

        @Test
        void caseInsideSubstitution() {
            assertEquals(List.of(List.of("echo", "$(case $x in a) docker kill y;; esac)"),
                    List.of("docker", "kill", "y")), argvs("echo $(case $x in a) docker kill y;; esac)"));
        }
    }

    @Nested
    class Redirections {
        @Test
        void redirectionsAreRemovedFromWords() {
            String script = "docker rm -f x >/dev/null 2>&1 <in 3<>f &>>log >|g";
            SimpleCommand c = only(script);
            assertEquals(List.of("docker", "rm", "-f", "x"), c.argv());
            assertEquals(50, c.end());
            assertEquals(script.length(), c.end());
        }

        @Test
        void redirectionBeforeTheCommand() {
            assertEquals(List.of(List.of("docker", "kill", "x")), argvs(">log 2>&1 docker kill x"));
            assertEquals(List.of(List.of("docker", "kill", "x")), argvs("{fd}>log docker kill x"));
        }

        @Test
        void hereDocumentBodyIsSkipped() {
            String script = "cat <<EOF > x.sh\ndocker rm -f web\n$(docker kill db)\nEOF\ndocker ps";
            assertEquals(List.of(List.of("cat"), List.of("docker", "ps")), argvs(script));
        }

        @Test
        void hereDocumentWithTabsAndQuotedDelimiter() {
            String script = "if true; then\n\tcat <<-'END'\n\tdocker rm -f web\n\tEND\n\tdocker ps\nfi";
            assertEquals(List.of(List.of("true"), List.of("cat"), List.of("docker", "ps")), argvs(script));
            assertEquals(List.of(List.of("cat"), List.of("echo")), argvs("cat <<\"E F\"\nx\nE F\necho"));
        }

        @Test
        void twoHereDocumentsOnOneLine() {
            assertEquals(List.of(List.of("cat"), List.of("cat"), List.of("ls")),
                    argvs("cat <<A; cat <<B\ndocker kill a\nA\ndocker kill b\nB\nls"));
        }

        @Test
        void hereStringIsAWord() {
            assertEquals(List.of(List.of("grep", "x")), argvs("grep x <<< \"docker rm -f\""));
        }

        @Test
        void unterminatedHereDocumentSwallowsTheRest() {
            assertEquals(List.of(List.of("cat")), argvs("cat <<EOF\ndocker kill x"));
        }
    }

    @Nested
    class Assignments {
        @Test
        void leadingAssignmentsAreDropped() {
            SimpleCommand c = only("FOO=1 BAR=\"a b\" docker rm -f x");
            assertEquals(List.of("docker", "rm", "-f", "x"), c.argv());
            assertEquals(0, c.start());
            assertEquals(16, c.words().get(0).start());
        }

        @Test
        void assignmentOnlyIsNoCommandButItsSubstitutionIs() {
            assertEquals(List.of(List.of("docker", "ps", "-q")), argvs("ids=$(docker ps -q)"));
            assertEquals(List.of(), argvs("a=1 b+=2 arr=(x y) c[1]=3"));
        }

        @Test
        void assignmentAfterTheCommandIsAWord() {
            assertEquals(List.of("env", "A=1"), only("env A=1").argv());
            assertEquals(List.of("=x", "a"), only("=x a").argv());
        }
    }

    @Nested
    class Keywords {
        @Test
        void ifBranchesAreCommands() {
            assertEquals(List.of(List.of("test", "-f", "x"), List.of("docker", "kill", "a"), List.of("b"),
                    List.of(":"), List.of("c")), argvs("if test -f x; then docker kill a; elif b; then :; else c; fi"));
        }

        @Test
        void whileConditionAndBodyAreInTheLoop() {
            List<SimpleCommand> commands = ShellScript.parse("while docker ps; do docker restart x; done; after");
            assertEquals(List.of(1, 1, 0), commands.stream().map(SimpleCommand::loopDepth).collect(Collectors.toList()));
            assertEquals(List.of("docker", "ps"), commands.get(0).argv());
            assertEquals(List.of("docker", "restart", "x"), commands.get(1).argv());
        }

        @Test
        void forWordsAreNotACommand() {
            String script = "for c in docker rm -f $(docker ps -q); do\n  docker stop \"$c\"\ndone";
            List<SimpleCommand> commands = ShellScript.parse(script);
            assertEquals(List.of(List.of("docker", "ps", "-q"), List.of("docker", "stop", "$c")), argvs(script));
            assertEquals(0, commands.get(0).loopDepth());
            assertEquals(1, commands.get(1).loopDepth());
        }

        @Test
        void nestedLoopsAndUntil() {
            String script = "for i in 1 2\ndo\n until false; do\n  while :; do docker kill x; done\n done\n "
                    + "echo $i\ndone\necho end";
            assertEquals(List.of(2, 3, 3, 1, 0), ShellScript.parse(script).stream().map(SimpleCommand::loopDepth)
                    .collect(Collectors.toList()));
        }

        @Test
        void arithmeticForAndSelect() {
            List<SimpleCommand> commands = ShellScript.parse("for ((i=0; i<3; i++)); do docker kill x$i; done");
            assertEquals(List.of(List.of("docker", "kill", "x$i")),
                    commands.stream().map(SimpleCommand::argv).collect(Collectors.toList()));
            assertEquals(1, commands.get(0).loopDepth());
            assertEquals(List.of(List.of("echo", "$x")), argvs("select x in a b; do echo $x; done"));
        }

        @Test
        void forWithoutInList() {
            assertEquals(List.of(List.of("echo", "$a")), argvs("for a; do echo $a; done"));
            assertEquals(List.of(List.of("echo", "$a")), argvs("for a\ndo echo $a; done"));
        }

        @Test
        void casePatternsAreNotCommands() {
            String script = "case \"$1\" in\n  stop|kill) docker kill web ;;\n  (rm) docker rm -f web;;\n"
                    + "  *) echo usage ;;\nesac\necho done";
            assertEquals(List.of(List.of("docker", "kill", "web"), List.of("docker", "rm", "-f", "web"),
                    List.of("echo", "usage"), List.of("echo", "done")), argvs(script));
        }

        @Test
        void emptyCaseAndFallthrough() {
            assertEquals(List.of(List.of("echo", "x")), argvs("case a in esac; echo x"));
            assertEquals(List.of(List.of("a"), List.of("b")), argvs("case x in x) a;& y) b;;& esac"));
        }

        @Test
        void keywordsOnlyCountInCommandPosition() {
            assertEquals(List.of(List.of("echo", "if", "then", "done", "for", "in", "{")),
                    argvs("echo if then done for in {"));
            assertEquals(List.of(List.of("if")), argvs("'if'"));
        }

        @Test
        void functionDefinitions() {
            assertEquals(List.of(List.of("docker", "kill", "x"), List.of("echo"), List.of("cleanup")),
                    argvs("cleanup() {\n docker kill x\n}\nfunction other { echo; }\ncleanup"));
            assertEquals(List.of(List.of("echo")), argvs("function f () ( echo )"));
        }

        @Test
        void doubleBracketConditionIsOneCommand() {
            assertEquals(List.of(List.of("[[", "-n", "$x", "&&", "$y", "<", "z", "]]"), List.of("docker", "ps")),
                    argvs("[[ -n $x && $y < z ]] && docker ps"));
        }
    }

    @Nested
    class ShellInvocations {
        @Test
        void shDashCScriptIsParsedWithExactOffsets() {
            String script = "sh -c 'docker kill x'";
            List<SimpleCommand> commands = ShellScript.parse(script);
            assertEquals(List.of(List.of("sh", "-c", "docker kill x"), List.of("docker", "kill", "x")),
                    argvs(script));
            SimpleCommand inner = commands.get(1);
            assertEquals(7, inner.start());
            assertEquals(20, inner.end());
            assertEquals(19, inner.words().get(2).start());
        }

        @Test
        void escapedInnerScriptStillMapsExactly() {
            String script = "bash -ec \"docker rm -f \\\"$NAME\\\"\"";
            SimpleCommand inner = ShellScript.parse(script).get(1);
            assertEquals(List.of("docker", "rm", "-f", "$NAME"), inner.argv());
            assertEquals(10, inner.start());
            Word name = inner.words().get(3);
            assertEquals(script.indexOf("\\\"$NAME"), name.start());
            assertEquals(script.indexOf("$NAME") + 7, name.end());
            assertTrue(name.hasExpansion());
        }

        @Test
        void nestedShells() {
            String script = "sudo -u ops sh -c \"bash -xc 'docker rm -f web'\"";
            assertEquals(List.of("docker", "rm", "-f", "web"), ShellScript.parse(script).get(2).argv());
            SimpleCommand innermost = ShellScript.parse(script).get(2);
            assertEquals(script.indexOf("docker"), innermost.start());
            assertEquals(script.indexOf("web") + 3, innermost.end());
        }

        @Test
        void shellNamesFlagsAndPrefixes() {
            for (String s : List.of("sh -c 'docker kill x'", "/bin/sh -c 'docker kill x'",
                    "/usr/bin/env bash -c 'docker kill x'", "env -i PATH=/bin dash -ec 'docker kill x'",
                    "zsh -o pipefail -c 'docker kill x'", "ash -euxc 'docker kill x'", "nohup ksh -c 'docker kill x'",
                    "busybox sh -c 'docker kill x'", "bash --norc -c 'docker kill x' arg0",
                    "exec sh -c 'docker kill x'", "eval 'docker kill x'", "xargs -r sh -c 'docker kill x'")) {
                assertTrue(argvs(s).contains(List.of("docker", "kill", "x")), s);
            }
        }

        @Test
        void notAShellScript() {
            for (String s : List.of("sh 'docker kill x'", "bash script.sh 'docker kill x'", "echo sh -c 'docker kill x'",
                    "sh -c", "command -v sh -c 'docker kill x'", "python -c 'docker kill x'")) {
                assertFalse(argvs(s).contains(List.of("docker", "kill", "x")), s);
            }
        }

        @Test
        void loopDepthFlowsIntoTheScript() {
            SimpleCommand inner = ShellScript.parse("while true; do sh -c 'docker restart x'; done").get(2);
            assertEquals(List.of("docker", "restart", "x"), inner.argv());
            assertEquals(1, inner.loopDepth());
        }
    }

    @Nested
    class Garbage {
        @Test
        void unbalancedInputNeverThrows() {
            for (String s : List.of("'", "\"", "$(", "`", "${", "(((", ")))", "$((", "<<", "a <<", "case", "for",
                    "if", "}", "{", "esac", "done", "fi", "\\", "$'", "$'\\", "$'\\x", "$'\\c", "a=(", "[[", "<(",
                    ";;", "|", "&&", "2>", "{x}>", "function", "f(", "echo \"$(echo 'x", "sh -c \"docker kill",
                    "$'\\U110000'")) {
                ShellScript.parse(s);
            }
        }

        @Test
        void unterminatedQuoteRunsToTheEnd() {
            assertEquals(List.of(List.of("echo", "docker kill x")), argvs("echo \"docker kill x"));
            assertEquals(List.of(List.of("echo", "$(docker kill x"), List.of("docker", "kill", "x")),
                    argvs("echo $(docker kill x"));
        }

        @Test
        void strayClosersAreSkipped() {
            assertEquals(List.of(List.of("a"), List.of("b")), argvs(") a ;; b"));
            assertEquals(List.of(List.of("a"), List.of("b")), argvs("done; a; fi; b"));
        }

        @Test
        void deepNestingIsBoundedAndFast() {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                String deep = "$(".repeat(5000) + "docker kill x" + ")".repeat(5000);
                ShellScript.parse("echo " + deep);
                ShellScript.parse("echo " + "\"${x:-".repeat(3000));
                ShellScript.parse("(".repeat(100_000));
                ShellScript.parse("$((".repeat(30_000));
                ShellScript.parse("sh -c \"".repeat(200));
                ShellScript.parse("`".repeat(10_000));
            });
        }

        @Test
        void nullAndEmpty() {
            assertEquals(List.of(), ShellScript.parse(null));
            assertEquals(List.of(), ShellScript.parse(""));
            assertEquals(List.of(), ShellScript.parse("  \n\t# only a comment\n"));
        }
    }
}
