package dev.composefix.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Temporary: explicit files and a plain recursive walk, until the discovery package lands. */
final class FileDiscovery {

    record Result(List<Path> files, List<String> problems) {
    }

    static Result find(List<String> args) throws IOException {
        List<Path> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String a : args) {
            Path p = Path.of(a);
            if (Files.isRegularFile(p)) {
                files.add(p);
            } else if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile)
                            .filter(x -> x.getFileName().toString().matches("(?i)(docker-)?compose([.-][^/]*)?\\.ya?ml"))
                            .sorted().forEach(files::add);
                }
            } else {
                problems.add(a + ": no such file or directory");
            }
        }
        return new Result(files, problems);
    }
}
