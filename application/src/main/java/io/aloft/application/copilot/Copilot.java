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

  /**
   * How many variables, collection entries or blob parts move at once per level: enough to hide
   * storage latency, few enough not to exhaust the store's connections or local file handles.
   */
  static final int PARALLELISM = 16;

  private final InputDownloader downloader;
  private final OutputUploader uploader;

  public Copilot(DataStore store, LiteralCodec codec) {
    this.downloader = new InputDownloader(store, codec);
    this.uploader = new OutputUploader(store, codec);
  }

  /**
   * Writes each input of {@code inputsFile} (an inputs.pb URI) into {@code directory}: primitives
   * as text files, blobs as files or directories, collections as numbered directories, maps by key;
   * then {@code inputs.pb} (with local URIs) and {@code inputs.json}. Variables download in
   * parallel.
   *
   * <p>A missing inputs file is {@link io.aloft.domain.error.NotFound}; an empty one holds no
   * inputs. Storage failures stay errors.
   *
   * @return the inputs as read from storage, offloaded literals resolved (blob uris stay remote)
   */
  public Mono<Inputs> download(String inputsFile, Path directory) {
    return download(inputsFile, directory, MetadataFormat.JSON);
  }

  /** As above, with the readable copy of the inputs in {@code format} instead of JSON. */
  public Mono<Inputs> download(String inputsFile, Path directory, MetadataFormat format) {
    return download(inputsFile, directory, format, CopilotProgress.NONE);
  }

  /**
   * As above, telling {@code progress} how the blob transfers advance. Each call bounds its own
   * blob transfers to {@value Transfers#MAX_CONCURRENT} at a time.
   */
  public Mono<Inputs> download(
      String inputsFile, Path directory, MetadataFormat format, CopilotProgress progress) {
    return downloader
        .download(inputsFile, directory, format)
        .contextWrite(Transfers.context(progress));
  }

  /**
   * Reads the outputs {@code outputs} declares from {@code directory}, uploads blobs under {@code
   * rawOutputPrefix}, and writes {@code <outputPrefix>/outputs.pb}. An {@code _ERROR} file in the
   * directory makes it a {@link UploadResult.Rejected} user error, and so does an output that is
   * missing, mistyped or too large. Storage failures stay errors, for the caller to treat as system
   * failures.
   */
  public Mono<UploadResult> upload(
      TypedInterface outputs, Path directory, String outputPrefix, String rawOutputPrefix) {
    return upload(outputs, directory, outputPrefix, rawOutputPrefix, CopilotProgress.NONE);
  }

  /**
   * As above, telling {@code progress} how the blob transfers advance. Each call bounds its own
   * blob transfers to {@value Transfers#MAX_CONCURRENT} at a time.
   */
  public Mono<UploadResult> upload(
      TypedInterface outputs,
      Path directory,
      String outputPrefix,
      String rawOutputPrefix,
      CopilotProgress progress) {
    return uploader
        .upload(outputs.outputs(), directory, outputPrefix, rawOutputPrefix)
        .contextWrite(Transfers.context(progress));
  }
}
