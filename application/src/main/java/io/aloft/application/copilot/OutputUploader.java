package io.aloft.application.copilot;

import io.aloft.application.port.codec.LiteralCodec;
import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.application.port.storage.TransferListener;
import io.aloft.domain.execution.AttemptPaths;
import io.aloft.domain.literal.Literal;
import io.aloft.domain.literal.LiteralType;
import io.aloft.domain.literal.NamedLiteral;
import io.aloft.domain.literal.Outputs;
import io.aloft.domain.literal.Variable;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Turns the files a task wrote into a stored outputs.pb (behaviour doc section 8, upload). */
final class OutputUploader {

  static final String OUTPUTS_PB = "outputs.pb";

  /**
   * The task's HTML report (a Flyte deck), if it writes one into its output directory; stored
   * beside outputs.pb, where the reference's executor reports it, for CreateDownloadLink.
   */
  static final String REPORT_HTML = AttemptPaths.REPORT_FILE;

  private final DataStore store;
  private final LiteralCodec codec;
  private final SimpleOutputs simple;
  private final BlobUploads blobs;

  OutputUploader(DataStore store, LiteralCodec codec) {
    this.store = store;
    this.codec = codec;
    this.simple = new SimpleOutputs(codec);
    this.blobs = new BlobUploads(store);
  }

  Mono<UploadResult> upload(
      Map<String, Variable> outputs, Path directory, String outputPrefix, String rawOutputPrefix) {
    return Mono.fromCallable(
            () -> new Targets(StorageUri.parse(outputPrefix), StorageUri.parse(rawOutputPrefix)))
        .flatMap(
            targets ->
                ErrorFile.read(directory)
                    .<UploadResult>map(UploadResult.Rejected::new)
                    .switchIfEmpty(Mono.defer(() -> store(outputs, directory, targets))))
        .onErrorResume(OutputRejected.class, r -> Mono.just(new UploadResult.Rejected(r.error())));
  }

  private Mono<UploadResult> store(Map<String, Variable> outputs, Path directory, Targets targets) {
    return Flux.fromIterable(outputs.entrySet())
        .flatMapSequential(
            output ->
                read(output.getKey(), output.getValue().type(), directory, targets.raw())
                    .map(value -> new NamedLiteral(output.getKey(), value)),
            Copilot.PARALLELISM)
        .collectList()
        .map(Outputs::new)
        .flatMap(
            values ->
                report(directory, targets.outputs())
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .flatMap(
                        report ->
                            put(
                                values,
                                targets.outputs().resolve(OUTPUTS_PB),
                                report.orElse(null))));
  }

  /**
   * Uploads the report, when the task wrote one as a regular file inside its directory (a link out
   * of it is refused like any output), before outputs.pb, so a visible outputs.pb means its report
   * is in place too. Empty when there is none.
   */
  private Mono<String> report(Path directory, StorageUri outputs) {
    Path file = directory.resolve(REPORT_HTML);
    StorageUri target = outputs.resolve(REPORT_HTML);
    return LocalFiles.attributes(file)
        .filter(attributes -> !attributes.isDirectory())
        .flatMap(
            attributes ->
                LocalFiles.requireInside(directory, file, "the report " + REPORT_HTML)
                    .then(
                        store.putFile(
                            target,
                            file,
                            new PutOptions("text/html", null, Map.of()),
                            TransferListener.NONE))
                    .thenReturn(target.toString()));
  }

  private Mono<Literal> read(String name, LiteralType type, Path directory, StorageUri raw) {
    if (!FileNames.isPlainSegment(name)) {
      return Mono.error(
          OutputRejected.because("output '" + name + "' cannot be read: its name is no file name"));
    }
    return switch (type) {
      case LiteralType.Simple declared ->
          OutputFiles.locate(directory, name).flatMap(file -> simple.read(file, declared.type()));
      case LiteralType.BlobType blob ->
          OutputFiles.locate(directory, name)
              .flatMap(file -> blobs.upload(file, blob, raw.resolve(name)));
      case LiteralType.CollectionType collection -> unsupported(name, "a collection");
      case LiteralType.MapType map -> unsupported(name, "a map");
      case LiteralType.UnionType union -> unsupported(name, "a union (e.g. Optional)");
    };
  }

  private Mono<UploadResult> put(Outputs outputs, StorageUri file, String report) {
    return Mono.fromCallable(() -> codec.encodeOutputs(outputs))
        .flatMap(bytes -> store.put(file, bytes, PutOptions.none()))
        .thenReturn(new UploadResult.Uploaded(file.toString(), outputs, report));
  }

  private static Mono<Literal> unsupported(String name, String kind) {
    return Mono.error(
        OutputRejected.because(
            "output "
                + name
                + " is "
                + kind
                + "; the copilot reads only simple types and blobs (files and directories)"));
  }

  private record Targets(StorageUri outputs, StorageUri raw) {}
}
