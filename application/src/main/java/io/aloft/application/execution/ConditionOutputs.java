package io.aloft.application.execution;

import io.aloft.application.port.codec.LiteralCodec;
import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.execution.AttemptPaths;
import io.aloft.domain.literal.NamedLiteral;
import io.aloft.domain.literal.Outputs;
import io.aloft.domain.support.Bytes;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Stores a condition's signalled value as its outputs ({@code o0}), so readers find it where they
 * find any action's outputs.
 */
final class ConditionOutputs {

  static final String OUTPUT_NAME = "o0";

  private final DataStore store;
  private final LiteralCodec codec;

  ConditionOutputs(DataStore store, LiteralCodec codec) {
    this.store = store;
    this.codec = codec;
  }

  /** Writes the outputs and returns the outputs.pb URI. */
  Mono<String> write(String outputPrefix, Bytes signal) {
    return Mono.fromCallable(
            () ->
                codec.encodeOutputs(
                    new Outputs(
                        List.of(
                            new NamedLiteral(OUTPUT_NAME, codec.decodeLiteral(signal.toArray()))))))
        .flatMap(
            bytes -> {
              String file = AttemptPaths.outputsFile(outputPrefix);
              return store.put(StorageUri.parse(file), bytes, PutOptions.none()).thenReturn(file);
            });
  }
}
