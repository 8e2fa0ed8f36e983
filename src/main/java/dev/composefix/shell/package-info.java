/**
 * Shell-word tokenizer ({@link dev.composefix.shell.ShellScript}) and a matcher for docker, podman and
 * nerdctl lifecycle commands ({@link dev.composefix.shell.DockerCommand}) with the hazards found on them.
 */
package dev.composefix.shell;
