package io.aloft.application.copilot;

import io.aloft.application.port.codec.LiteralCodec;
import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.literal.Literal;
import io.aloft.domain.literal.LiteralType;
import io.aloft.domain.literal.NamedLiteral;
import io.aloft.domain.literal.Outputs;
import io.aloft.domain.literal.Variable;
import java.nio.file.Path;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Turns the files a task wrote into a stored outputs.pb (behaviour doc section 8, upload). */
final class OutputUploader {

  static final String OUTPUTS_PB = "outputs.pb";

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
        .flatMap(values -> put(values, targets.outputs().resolve(OUTPUTS_PB)));
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

  private Mono<UploadResult> put(Outputs outputs, StorageUri file) {
    return Mono.fromCallable(() -> codec.encodeOutputs(outputs))
        .flatMap(bytes -> store.put(file, bytes, PutOptions.none()))
        .thenReturn(new UploadResult.Uploaded(file.toString(), outputs));
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
