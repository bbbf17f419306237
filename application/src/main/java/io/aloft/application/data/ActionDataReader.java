package io.aloft.application.data;

import io.aloft.application.port.query.ActionView;
import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.application.run.ActionDetails;
import io.aloft.application.run.AttemptView;
import io.aloft.application.run.RunReader;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.error.FailedPrecondition;
import io.aloft.domain.error.Unavailable;
import io.aloft.domain.execution.AttemptPaths;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.support.Bytes;
import reactor.core.publisher.Mono;

/**
 * DataProxyService.GetActionData and RunService.GetActionDataURIs: where an action's inputs and
 * outputs are, and their content.
 *
 * <p>As in the reference, inputs are always read and outputs only for SUCCEEDED and RECOVERED
 * actions, from the last attempt's output URI (both reads at once); a missing file reads as empty.
 * Unlike the reference, an action that succeeded without outputs (its task returns nothing) has
 * empty outputs instead of a NotFound error. Storage that does not answer stays {@code Unavailable}
 * (retry), a missing bucket {@code FailedPrecondition}; anything else (a stored URI this server
 * cannot read) is an internal error.
 */
public final class ActionDataReader {

  private final RunReader reader;
  private final DataStore store;

  public ActionDataReader(RunReader reader, DataStore store) {
    this.reader = reader;
    this.store = store;
  }

  /** NotFound when the action does not exist. */
  public Mono<ActionDataLocations> locations(ActionId id) {
    return reader.details(id).map(ActionDataReader::locationsOf);
  }

  /** NotFound when the action does not exist. */
  public Mono<ActionData> read(ActionId id) {
    return locations(id)
        .flatMap(
            where -> {
              String inputsFile =
                  where.inputsUri() == null ? null : AttemptPaths.inputsFile(where.inputsUri());
              return Mono.zip(fetch(inputsFile), fetch(where.outputsUri()));
            })
        .map(files -> new ActionData(files.getT1(), files.getT2()));
  }

  static ActionDataLocations locationsOf(ActionDetails details) {
    ActionView action = details.action();
    String inputs = blankToNull(action.inputUri());
    if (!hasOutputs(action.phase())) {
      return new ActionDataLocations(inputs, null);
    }
    String outputs = null;
    if (!details.attempts().isEmpty()) {
      AttemptView last = details.attempts().getLast();
      outputs = blankToNull(last.outputUri());
    }
    if (outputs == null) {
      // Traces and signalled conditions report their outputs on the action itself.
      outputs = blankToNull(action.outputUri());
    }
    return new ActionDataLocations(inputs, outputs);
  }

  private static boolean hasOutputs(ActionPhase phase) {
    return phase == ActionPhase.SUCCEEDED || phase == ActionPhase.RECOVERED;
  }

  private Mono<Bytes> fetch(String uri) {
    if (uri == null) {
      return Mono.just(Bytes.EMPTY);
    }
    return Mono.defer(() -> store.get(StorageUri.parse(uri)))
        .map(Bytes::of)
        .defaultIfEmpty(Bytes.EMPTY)
        .onErrorMap(error -> !passesThrough(error), error -> unreadable(uri, error));
  }

  private static boolean passesThrough(Throwable error) {
    return error instanceof Unavailable || error instanceof FailedPrecondition;
  }

  private static IllegalStateException unreadable(String uri, Throwable error) {
    return new IllegalStateException("cannot read the action data at " + uri, error);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
