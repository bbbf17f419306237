package io.aloft.application.data;

import io.aloft.application.port.codec.LiteralCodec;
import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.literal.Inputs;
import io.aloft.domain.literal.Literal;
import io.aloft.domain.literal.LiteralTypes;
import io.aloft.domain.literal.NamedLiteral;
import io.aloft.domain.literal.OffloadedLiteral;
import io.aloft.domain.literal.Outputs;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps metadata small (seed 001): a top-level input or output whose serialized form is above the
 * threshold is stored as its own object, {@code <directory>/offloaded/<name>.pb}, and replaced by
 * an offloaded literal (its URI, size and inferred type). inputs.pb and outputs.pb then stay small
 * whatever the values, so no API answer or executor resource ever nears a message-size limit;
 * readers that need the values (the copilot) fetch them, API clients get the reference.
 */
public final class LiteralOffloading {

  static final String DIRECTORY = "offloaded";

  /** How many large literals are written at once. */
  private static final int PARALLELISM = 8;

  private final DataStore store;
  private final LiteralCodec codec;
  private final long thresholdBytes;

  public LiteralOffloading(DataStore store, LiteralCodec codec, long thresholdBytes) {
    if (thresholdBytes < 1) {
      throw new IllegalArgumentException("the offloading threshold must be positive");
    }
    this.store = store;
    this.codec = codec;
    this.thresholdBytes = thresholdBytes;
  }

  public long thresholdBytes() {
    return thresholdBytes;
  }

  /**
   * Serialized inputs (an inputs.pb document) with their large literals stored under {@code
   * directoryUri}; the same bytes when the document is not above the threshold, since then no
   * literal in it can be.
   */
  public Mono<byte[]> offloadSerializedInputs(byte[] serialized, String directoryUri) {
    if (serialized.length <= thresholdBytes) {
      return Mono.just(serialized);
    }
    return Mono.fromCallable(() -> codec.decodeInputs(serialized))
        .flatMap(inputs -> offload(inputs, directoryUri))
        .map(codec::encodeInputs);
  }

  /** {@code inputs} with its large literals stored under {@code directoryUri}. */
  public Mono<Inputs> offload(Inputs inputs, String directoryUri) {
    return offload(inputs.literals(), directoryUri)
        .map(literals -> new Inputs(literals, inputs.context()));
  }

  /** {@code outputs} with its large literals stored under {@code directoryUri}. */
  public Mono<Outputs> offload(Outputs outputs, String directoryUri) {
    return offload(outputs.literals(), directoryUri).map(Outputs::new);
  }

  private Mono<List<NamedLiteral>> offload(List<NamedLiteral> literals, String directoryUri) {
    return Flux.fromIterable(literals)
        .flatMapSequential(named -> offload(named, directoryUri), PARALLELISM)
        .collectList();
  }

  private Mono<NamedLiteral> offload(NamedLiteral named, String directoryUri) {
    if (named.value() instanceof OffloadedLiteral) {
      return Mono.just(named);
    }
    return Mono.fromCallable(() -> codec.encodeLiteral(named.value()))
        .flatMap(
            bytes ->
                bytes.length <= thresholdBytes
                    ? Mono.just(named)
                    : store(named, bytes, directoryUri));
  }

  private Mono<NamedLiteral> store(NamedLiteral named, byte[] bytes, String directoryUri) {
    StorageUri uri = target(directoryUri, named.name());
    Literal offloaded =
        new OffloadedLiteral(
            uri.toString(), bytes.length, LiteralTypes.infer(named.value()).orElse(null));
    return store
        .put(uri, bytes, PutOptions.none())
        .thenReturn(new NamedLiteral(named.name(), offloaded));
  }

  private static StorageUri target(String directoryUri, String name) {
    if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
      throw new InvalidArgument(
          "literal '" + name + "' cannot be offloaded: its name is no single path segment");
    }
    String directory =
        directoryUri.endsWith("/")
            ? directoryUri.substring(0, directoryUri.length() - 1)
            : directoryUri;
    return StorageUri.parse(directory + "/" + DIRECTORY + "/" + name + ".pb");
  }
}
