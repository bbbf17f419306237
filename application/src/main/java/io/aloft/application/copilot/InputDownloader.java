package io.aloft.application.copilot;

import io.aloft.application.port.codec.LiteralCodec;
import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.error.NotFound;
import io.aloft.domain.literal.Inputs;
import io.aloft.domain.literal.NamedLiteral;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Turns a stored inputs.pb into the files a task reads (behaviour doc section 8, download). */
final class InputDownloader {

  static final String INPUTS_PB = "inputs.pb";

  private final DataStore store;
  private final LiteralCodec codec;
  private final OffloadedLiterals offloaded;
  private final LiteralFiles files;

  InputDownloader(DataStore store, LiteralCodec codec) {
    this.store = store;
    this.codec = codec;
    this.offloaded = new OffloadedLiterals(store, codec);
    this.files = new LiteralFiles(new BlobDownloads(store));
  }

  Mono<Inputs> download(String inputsFile, Path directory, MetadataFormat format) {
    return Mono.fromCallable(() -> StorageUri.parse(inputsFile))
        .flatMap(this::read)
        .flatMap(offloaded::resolve)
        .flatMap(
            inputs ->
                LocalFiles.createDirectories(directory)
                    .then(writeVariables(inputs, directory))
                    .flatMap(local -> writeMetadata(local, directory, format))
                    .thenReturn(inputs));
  }

  private Mono<Inputs> read(StorageUri uri) {
    return store
        .get(uri)
        .switchIfEmpty(
            Mono.error(
                () ->
                    new NotFound(
                        "inputs file " + uri + " does not exist; check the action's input uri")))
        .map(
            bytes -> {
              try {
                return codec.decodeInputs(bytes);
              } catch (InvalidArgument e) {
                throw new InvalidArgument(uri + ": " + e.getMessage(), e);
              }
            });
  }

  private Mono<Inputs> writeVariables(Inputs inputs, Path directory) {
    return Flux.fromIterable(inputs.literals())
        .flatMapSequential(
            named ->
                Mono.fromCallable(() -> variablePath(directory, named.name()))
                    .flatMap(path -> files.write(named.value(), path))
                    .map(local -> new NamedLiteral(named.name(), local)),
            Copilot.PARALLELISM)
        .collectList()
        .map(literals -> new Inputs(literals, inputs.context()));
  }

  private Mono<Void> writeMetadata(Inputs local, Path directory, MetadataFormat format) {
    return Mono.fromCallable(() -> readable(local, format).getBytes(StandardCharsets.UTF_8))
        .flatMap(
            text ->
                Mono.when(
                    LocalFiles.write(directory.resolve(INPUTS_PB), codec.encodeInputs(local)),
                    LocalFiles.write(directory.resolve(format.fileName()), text)));
  }

  private String readable(Inputs local, MetadataFormat format) {
    return format == MetadataFormat.YAML ? codec.inputsYaml(local) : codec.inputsJson(local);
  }

  private static Path variablePath(Path directory, String name) {
    if (!FileNames.isPlainSegment(name)) {
      throw new InvalidArgument(
          "input '" + name + "' cannot be written to " + directory + ": its name is no file name");
    }
    if (name.equals(INPUTS_PB)
        || name.equals(MetadataFormat.JSON.fileName())
        || name.equals(MetadataFormat.YAML.fileName())) {
      throw new InvalidArgument(
          "input '" + name + "' would be overwritten by the copilot's own " + name + "; rename it");
    }
    return directory.resolve(name);
  }
}
