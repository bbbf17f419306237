package io.aloft.application.signal;

import io.aloft.application.port.codec.LiteralCodec;
import io.aloft.application.port.execution.TaskActionStore;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.error.ConcurrentModification;
import io.aloft.domain.execution.TaskAction;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.literal.Inputs;
import io.aloft.domain.literal.Literal;
import io.aloft.domain.literal.Outputs;
import io.aloft.domain.literal.Primitive;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** An in-memory TaskAction store and a text codec for primitives. */
final class SignalFakes {

  private SignalFakes() {}

  /** Optimistic like the real stores; can be told to lose the next few races. */
  static final class Store implements TaskActionStore {
    final Map<ActionId, TaskAction> actions = new ConcurrentHashMap<>();
    final AtomicInteger conflictsToInject = new AtomicInteger();
    final AtomicInteger updates = new AtomicInteger();

    @Override
    public Mono<TaskAction> create(TaskActionSpec spec) {
      return Mono.fromSupplier(
          () -> actions.computeIfAbsent(spec.action(), id -> TaskAction.create(spec)));
    }

    @Override
    public Mono<TaskAction> get(ActionId action) {
      return Mono.fromSupplier(() -> actions.get(action));
    }

    @Override
    public Mono<TaskAction> updateStatus(TaskAction updated) {
      return Mono.defer(
          () -> {
            ActionId id = updated.spec().action();
            TaskAction stored = actions.get(id);
            if (stored == null) {
              return Mono.empty();
            }
            if (conflictsToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                || stored.resourceVersion() != updated.resourceVersion()) {
              // Someone else wrote first: bump the version, as their write would.
              actions.put(id, bump(stored));
              return Mono.error(new ConcurrentModification("conflict on " + id.key()));
            }
            TaskAction next = bump(updated);
            actions.put(id, next);
            updates.incrementAndGet();
            return Mono.just(next);
          });
    }

    private static TaskAction bump(TaskAction action) {
      return new TaskAction(
          action.spec(),
          action.status(),
          action.deletionRequestedAt(),
          action.deletionReason(),
          action.resourceVersion() + 1);
    }

    @Override
    public Mono<Void> requestDeletion(ActionId action, String reason, Instant at) {
      return Mono.error(new UnsupportedOperationException());
    }

    @Override
    public Mono<Void> removeFinalizer(ActionId action) {
      return Mono.error(new UnsupportedOperationException());
    }

    @Override
    public Mono<Void> delete(ActionId action) {
      return Mono.error(new UnsupportedOperationException());
    }

    @Override
    public Mono<Long> deleteFinishedBefore(Instant cutoff) {
      return Mono.error(new UnsupportedOperationException());
    }

    @Override
    public Flux<TaskAction> listActive() {
      return Flux.empty();
    }

    @Override
    public Flux<io.aloft.application.port.execution.TaskActionChange> changes() {
      return Flux.never();
    }
  }

  /** Literals as text: {@code BOOLEAN:true}, {@code INTEGER:42}, ... */
  static final class Codec implements LiteralCodec {

    @Override
    public byte[] encodeLiteral(Literal literal) {
      String text =
          switch (literal) {
            case Primitive.BooleanValue v -> "BOOLEAN:" + v.value();
            case Primitive.IntegerValue v -> "INTEGER:" + v.value();
            case Primitive.FloatValue v -> "FLOAT:" + v.value();
            case Primitive.StringValue v -> "STRING:" + v.value();
            default -> throw new UnsupportedOperationException(literal.toString());
          };
      return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Literal decodeLiteral(byte[] bytes) {
      String text = new String(bytes, StandardCharsets.UTF_8);
      int colon = text.indexOf(':');
      String value = text.substring(colon + 1);
      return switch (text.substring(0, colon)) {
        case "BOOLEAN" -> Literal.of(Boolean.parseBoolean(value));
        case "INTEGER" -> Literal.of(Long.parseLong(value));
        case "FLOAT" -> Literal.of(Double.parseDouble(value));
        default -> Literal.of(value);
      };
    }

    @Override
    public byte[] encodeInputs(Inputs inputs) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Inputs decodeInputs(byte[] bytes) {
      throw new UnsupportedOperationException();
    }

    @Override
    public byte[] encodeOutputs(Outputs outputs) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Outputs decodeOutputs(byte[] bytes) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String inputsYaml(Inputs inputs) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String inputsJson(Inputs inputs) {
      throw new UnsupportedOperationException();
    }

    @Override
    public byte[] encodeError(ExecutionError error) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ExecutionError decodeError(byte[] bytes) {
      throw new UnsupportedOperationException();
    }
  }
}
