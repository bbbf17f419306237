package io.aloft.application.copilot;

import io.aloft.application.port.codec.LiteralCodec;
import io.aloft.application.port.storage.DataStore;
import io.aloft.domain.literal.Inputs;
import io.aloft.domain.literal.TypedInterface;
import java.nio.file.Path;
import reactor.core.publisher.Mono;

/**
 * Moves a task's data between object storage and a local directory (seed 003, behaviour doc section
 * 8): inputs become files before the task runs, files become outputs after it. The local plugin
 * uses it in-process; the copilot CLI (the pod's init container and sidecar) wraps the same class.
 */
public final class Copilot {

  private final DataStore store;
  private final LiteralCodec codec;

  public Copilot(DataStore store, LiteralCodec codec) {
    this.store = store;
    this.codec = codec;
  }

  /**
   * Writes each input of {@code inputsFile} (an inputs.pb URI) into {@code directory}: primitives
   * as text files, blobs as files or directories, collections as numbered directories, maps by key;
   * then {@code inputs.pb} (with local URIs) and {@code inputs.json}. Variables download in
   * parallel.
   *
   * @return the inputs as read from storage
   */
  public Mono<Inputs> download(String inputsFile, Path directory) {
    throw new UnsupportedOperationException("being implemented");
  }

  /**
   * Reads the outputs {@code outputs} declares from {@code directory}, uploads blobs under {@code
   * rawOutputPrefix}, and writes {@code <outputPrefix>/outputs.pb}. An {@code _ERROR} file in the
   * directory makes it a {@link UploadResult.Rejected} user error.
   */
  public Mono<UploadResult> upload(
      TypedInterface outputs, Path directory, String outputPrefix, String rawOutputPrefix) {
    throw new UnsupportedOperationException("being implemented");
  }
}
