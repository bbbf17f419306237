package io.aloft.adapters.local.process;

import io.aloft.application.copilot.Copilot;
import io.aloft.application.copilot.UploadResult;
import io.aloft.domain.literal.TypedInterface;
import java.nio.file.Path;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * How the plugin moves an attempt's data: in production the {@link Copilot}; tests can put a
 * stand-in here to look at the process side alone.
 */
interface TaskData {

  /** Materialises {@code inputsFile} (an inputs.pb URI) as files in {@code directory}. */
  Mono<Void> download(String inputsFile, Path directory);

  /** Uploads the outputs {@code iface} declares from {@code directory}. */
  Mono<UploadResult> upload(
      TypedInterface iface, Path directory, String outputPrefix, String rawOutputPrefix);

  static TaskData of(Copilot copilot) {
    Objects.requireNonNull(copilot, "copilot");
    return new TaskData() {
      @Override
      public Mono<Void> download(String inputsFile, Path directory) {
        return Mono.defer(() -> copilot.download(inputsFile, directory)).then();
      }

      @Override
      public Mono<UploadResult> upload(
          TypedInterface iface, Path directory, String outputPrefix, String rawOutputPrefix) {
        return Mono.defer(() -> copilot.upload(iface, directory, outputPrefix, rawOutputPrefix));
      }
    };
  }
}
