package dev.composefix.cli;

import java.nio.file.Path;

/**
 * One file to lint: the name reports use (as the user gave it), the path used to find its config and
 * .env (for standard input, the --stdin-filename or the working directory), and its bytes (null: read
 * it from {@code path} when needed).
 */
public record Input(String display, Path path, byte[] bytes) {
}
