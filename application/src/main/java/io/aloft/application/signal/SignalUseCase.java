package io.aloft.application.signal;

import io.aloft.application.port.codec.LiteralCodec;
import io.aloft.application.port.execution.ActionSpecReader;
import io.aloft.application.port.execution.TaskActionStore;
import io.aloft.application.port.query.ActionQueries;
import io.aloft.application.run.RunReader;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.error.ConcurrentModification;
import io.aloft.domain.error.FailedPrecondition;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.error.Unavailable;
import io.aloft.domain.execution.ConditionSpec;
import io.aloft.domain.execution.TaskAction;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.execution.TaskActionStatus;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.literal.Literal;
import io.aloft.domain.support.Bytes;
import java.time.Clock;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * RunService.SignalEvent and ActionsService.Signal: gives a condition action (waiting in PAUSED)
 * its value. The value is stored in the TaskAction's status; the controller, which follows the
 * store's changes, then reports the condition SUCCEEDED with the value as its output {@code o0}.
 *
 * <p>Rules, as in the reference: a missing action is NotFound; an action that is not a condition,
 * has ended, or holds a different value already is FailedPrecondition; the same value again is
 * accepted (a retried call succeeds); a value whose type is not the condition's is InvalidArgument.
 * The update is optimistic: on a concurrent change the TaskAction is read again and the rules
 * applied again, up to {@value #MAX_TRIES} times.
 */
public final class SignalUseCase {

  static final int MAX_TRIES = 5;

  private final TaskActionStore store;
  private final ActionQueries queries;
  private final ActionSpecReader specs;
  private final LiteralCodec codec;
  private final Clock clock;

  public SignalUseCase(
      TaskActionStore store,
      ActionQueries queries,
      ActionSpecReader specs,
      LiteralCodec codec,
      Clock clock) {
    this.store = store;
    this.queries = queries;
    this.specs = specs;
    this.codec = codec;
    this.clock = clock;
  }

  /**
   * @param parentName nullable: when set, it must name the action's parent
   * @param value the value as a serialized {@code Literal} (the API's protobuf)
   */
  public Mono<Void> signal(ActionId id, String parentName, byte[] value) {
    return Mono.defer(
        () -> {
          Literal literal = decode(value);
          return Mono.defer(() -> once(id, parentName, literal))
              .retryWhen(
                  Retry.max(MAX_TRIES - 1L)
                      .filter(ConcurrentModification.class::isInstance)
                      .onRetryExhaustedThrow((spec, retry) -> retry.failure()));
        });
  }

  private Literal decode(byte[] value) {
    try {
      return codec.decodeLiteral(value);
    } catch (InvalidArgument invalid) {
      throw new InvalidArgument("value: " + invalid.getMessage(), invalid);
    }
  }

  private Mono<Void> once(ActionId id, String parentName, Literal value) {
    return store
        .get(id)
        .flatMap(action -> apply(action, parentName, value).thenReturn(Boolean.TRUE))
        .switchIfEmpty(Mono.defer(() -> withoutTaskAction(id)))
        .then();
  }

  private Mono<Void> apply(TaskAction action, String parentName, Literal value) {
    ConditionSpec condition = acceptedCondition(action.spec(), parentName, value);
    TaskActionStatus status = action.status();
    if (status.signal() != null) {
      return alreadySignalled(action.spec().action(), condition, status.signal(), value);
    }
    requireWaiting(action);
    TaskActionStatus next =
        status.toBuilder()
            .signal(Bytes.of(codec.encodeLiteral(value)))
            .updatedAt(clock.instant())
            .build();
    return store
        .updateStatus(action.withStatus(next))
        .switchIfEmpty(
            Mono.error(
                () ->
                    new ConcurrentModification(
                        "action " + action.spec().action().key() + " went away meanwhile")))
        .then();
  }

  /** The condition, if this action is one, under this parent, and takes values of this type. */
  private ConditionSpec acceptedCondition(TaskActionSpec spec, String parentName, Literal value) {
    ActionId id = spec.action();
    if (spec.type() != ActionType.CONDITION) {
      throw notACondition(id, spec.type());
    }
    requireParent(spec, parentName);
    ConditionSpec condition = condition(spec);
    if (!SignalValues.matches(condition.type(), value)) {
      throw new InvalidArgument(
          "condition '"
              + condition.name()
              + "' of action "
              + id.key()
              + " takes a value of type "
              + condition.type()
              + "; got one of type "
              + SignalValues.typeOf(value));
    }
    return condition;
  }

  private static void requireWaiting(TaskAction action) {
    ActionId id = action.spec().action();
    if (action.isDeleting()) {
      throw new FailedPrecondition(
          "action " + id.key() + " is being aborted; it can no longer be signalled");
    }
    if (action.status().isTerminal()) {
      throw ended(id, action.status().phase());
    }
  }

  /** The same value again is a retried call and succeeds; another value is refused. */
  private Mono<Void> alreadySignalled(
      ActionId id, ConditionSpec condition, Bytes stored, Literal value) {
    Literal existing = codec.decodeLiteral(stored.toArray());
    if (existing.equals(value)) {
      return Mono.empty();
    }
    return Mono.error(
        new FailedPrecondition(
            "condition '"
                + condition.name()
                + "' of action "
                + id.key()
                + " was signalled with "
                + SignalValues.show(existing)
                + " already; a condition takes one value"));
  }

  private static void requireParent(TaskActionSpec spec, String parentName) {
    if (parentName == null || parentName.isEmpty()) {
      return;
    }
    ActionId parent = spec.parent();
    if (parent == null || !parent.name().equals(parentName)) {
      throw new InvalidArgument(
          "action "
              + spec.action().key()
              + (parent == null ? " has no parent" : " is a child of '" + parent.name() + "'")
              + ", not of '"
              + parentName
              + "'; leave the parent action name empty or fix it");
    }
  }

  private ConditionSpec condition(TaskActionSpec spec) {
    try {
      return specs.condition(spec.spec());
    } catch (InvalidArgument unreadable) {
      throw new FailedPrecondition(
          "action "
              + spec.action().key()
              + " has an unusable condition and cannot be signalled: "
              + unreadable.getMessage(),
          unreadable);
    }
  }

  /** No TaskAction: the action does not exist, has not been dispatched yet, or was aborted. */
  private Mono<Boolean> withoutTaskAction(ActionId id) {
    return queries
        .find(id)
        .switchIfEmpty(Mono.error(() -> RunReader.missing(id)))
        .flatMap(
            view -> {
              if (view.type() != ActionType.CONDITION) {
                return Mono.error(notACondition(id, view.type()));
              }
              if (view.phase().isTerminal()) {
                return Mono.error(ended(id, view.phase()));
              }
              return Mono.error(
                  new Unavailable(
                      "action " + id.key() + " is not executing yet; signal it again shortly"));
            });
  }

  private static FailedPrecondition notACondition(ActionId id, ActionType type) {
    return new FailedPrecondition(
        "action "
            + id.key()
            + " is a "
            + type.name().toLowerCase(java.util.Locale.ROOT)
            + ", not a condition; only condition actions can be signalled");
  }

  private static FailedPrecondition ended(ActionId id, ActionPhase phase) {
    return new FailedPrecondition(
        "action "
            + id.key()
            + " has ended ("
            + phase
            + "); a condition can only be signalled while it waits");
  }
}
