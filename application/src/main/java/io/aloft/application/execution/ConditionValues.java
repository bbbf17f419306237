package io.aloft.application.execution;

import io.aloft.application.port.codec.LiteralCodec;
import io.aloft.application.port.query.ActionView;
import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.support.Bytes;
import reactor.core.publisher.Mono;

/**
 * The value a condition was signalled with, as ActionsService's ActionUpdate.value carries it. The
 * executor stores it as the condition's outputs ({@link ConditionOutputs}); this reads it back, so
 * the read model needs no copy of every value.
 */
public final class ConditionValues {

  private final DataStore store;
  private final LiteralCodec codec;

  public ConditionValues(DataStore store, LiteralCodec codec) {
    this.store = store;
    this.codec = codec;
  }

  /**
   * The serialized Literal of a succeeded condition; empty for any other row, and for a condition
   * whose outputs are gone. A storage failure fails the Mono (the caller's stream ends and the
   * client resumes), so no update is ever sent with its value silently missing.
   */
  public Mono<Bytes> of(ActionView row) {
    if (row.type() != ActionType.CONDITION
        || row.phase() != ActionPhase.SUCCEEDED
        || row.outputUri() == null
        || row.outputUri().isBlank()) {
      return Mono.empty();
    }
    return Mono.defer(() -> store.get(StorageUri.parse(row.outputUri())))
        .flatMap(
            bytes -> Mono.justOrEmpty(codec.decodeOutputs(bytes).get(ConditionOutputs.OUTPUT_NAME)))
        .map(literal -> Bytes.of(codec.encodeLiteral(literal)));
  }
}
