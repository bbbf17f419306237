package io.aloft.application.copilot;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * Finds what a task wrote for an output: {@code <dir>/<name>}, or else the one {@code
 * <dir>/<name>.*} (tasks often add an extension, e.g. {@code result.txt}).
 */
final class OutputFiles {

  private OutputFiles() {}

  static Mono<OutputFile> locate(Path directory, String output) {
    Path exact = directory.resolve(output);
    return LocalFiles.attributes(exact)
        .map(attributes -> new OutputFile(output, exact, attributes))
        .switchIfEmpty(Mono.defer(() -> withExtension(directory, output)))
        .flatMap(
            file ->
                LocalFiles.requireInside(directory, file.path(), "output " + output)
                    .thenReturn(file));
  }

  private static Mono<OutputFile> withExtension(Path directory, String output) {
    return LocalFiles.entriesStartingWith(directory, output + ".")
        .flatMap(
            candidates ->
                switch (candidates.size()) {
                  case 0 ->
                      Mono.error(
                          OutputRejected.because(
                              "output "
                                  + output
                                  + " was declared but not written to "
                                  + directory.resolve(output)));
                  case 1 ->
                      LocalFiles.attributes(candidates.getFirst())
                          .map(
                              attributes ->
                                  new OutputFile(output, candidates.getFirst(), attributes));
                  default -> Mono.error(ambiguous(output, candidates));
                });
  }

  private static OutputRejected ambiguous(String output, List<Path> candidates) {
    String names =
        candidates.stream()
            .map(candidate -> candidate.getFileName().toString())
            .collect(Collectors.joining(", "));
    return OutputRejected.because(
        "output " + output + " matches several files (" + names + "); keep only one of them");
  }
}
