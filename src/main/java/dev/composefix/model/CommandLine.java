package dev.composefix.model;

import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import java.util.List;

/**
 * A {@code command}, {@code entrypoint}, {@code healthcheck.test} or lifecycle-hook command as
 * written: a single string that the shell (or Compose's word splitting) reads, or a list of
 * arguments. For {@code healthcheck.test} lists, {@code parts} excludes the leading
 * {@code CMD}/{@code CMD-SHELL}, and {@code shell} says a {@code CMD-SHELL} string follows.
 */
public record CommandLine(YNode node, boolean list, boolean shell, List<YScalar> parts) {

    public CommandLine {
        parts = List.copyOf(parts);
    }
}
