/**
 * Commands outside compose files: shell scripts, Makefile recipes, GitHub Actions and GitLab CI steps,
 * package.json scripts and literal docker calls in Python, JavaScript and TypeScript, each read by a real
 * parser of its language into {@link dev.composefix.script.ShellSnippet}s and
 * {@link dev.composefix.script.ArgvSnippet}s whose every char maps back to its offset in the file.
 */
package dev.composefix.script;
