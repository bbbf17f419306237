package io.aloft.adapters.connect.actions;

import io.aloft.adapters.connect.errors.NotSupportedYet;
import io.aloft.adapters.connect.mapping.AbortReasons;
import io.aloft.adapters.connect.mapping.Caller;
import io.aloft.adapters.connect.mapping.Fields;
import io.aloft.adapters.connect.mapping.Ids;
import io.aloft.adapters.connect.mapping.ProtoBytes;
import io.aloft.adapters.connect.protocol.CallContext;
import io.aloft.adapters.connect.protocol.ConnectService;
import io.aloft.application.actions.EnqueueActionUseCase;
import io.aloft.application.run.AbortUseCase;
import io.aloft.application.signal.SignalUseCase;
import io.aloft.domain.id.ActionId;
import io.aloft.proto.actions.v1.AbortRequest;
import io.aloft.proto.actions.v1.AbortResponse;
import io.aloft.proto.actions.v1.EnqueueRequest;
import io.aloft.proto.actions.v1.EnqueueResponse;
import io.aloft.proto.actions.v1.SignalRequest;
import io.aloft.proto.actions.v1.SignalResponse;
import io.aloft.proto.actions.v1.UpdateRequest;
import io.aloft.proto.actions.v1.WatchForUpdatesRequest;
import io.aloft.proto.actions.v1.WatchForUpdatesResponse;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code aloft.actions.v1.ActionsService}, called by running tasks to spawn, follow and signal
 * children. Update arrives in a later release.
 */
public final class ActionsServiceBinding {

  public static final String SERVICE = "aloft.actions.v1.ActionsService";

  private final EnqueueActionUseCase enqueue;
  private final AbortUseCase abort;
  private final ChildUpdates childUpdates;
  private final SignalUseCase signal;
  private final Clock clock;

  public ActionsServiceBinding(
      EnqueueActionUseCase enqueue,
      AbortUseCase abort,
      ChildUpdates childUpdates,
      SignalUseCase signal,
      Clock clock) {
    this.enqueue = enqueue;
    this.abort = abort;
    this.childUpdates = childUpdates;
    this.signal = signal;
    this.clock = clock;
  }

  public ConnectService service() {
    return ConnectService.builder(SERVICE)
        .unary("Enqueue", EnqueueRequest.getDefaultInstance(), this::enqueue)
        .serverStream(
            "WatchForUpdates", WatchForUpdatesRequest.getDefaultInstance(), this::watchForUpdates)
        .unary(
            "Update",
            UpdateRequest.getDefaultInstance(),
            NotSupportedYet.unary("updating action status through ActionsService.Update"))
        .unary("Abort", AbortRequest.getDefaultInstance(), this::abort)
        .unary("Signal", SignalRequest.getDefaultInstance(), this::signal)
        .build();
  }

  public Mono<EnqueueResponse> enqueue(EnqueueRequest request, CallContext context) {
    return Mono.defer(
            () ->
                enqueue.enqueue(
                    EnqueueRequests.toCommand(request, Caller.identity(context), clock.instant())))
        .thenReturn(EnqueueResponse.getDefaultInstance());
  }

  public Flux<WatchForUpdatesResponse> watchForUpdates(
      WatchForUpdatesRequest request, CallContext context) {
    return Flux.defer(
        () -> {
          Fields.require(request.hasParentActionId(), "parent_action_id");
          return childUpdates.watch(Ids.actionId(request.getParentActionId(), "parent_action_id"));
        });
  }

  /** Aborts the action and every descendant still running. */
  public Mono<AbortResponse> abort(AbortRequest request, CallContext context) {
    return Mono.defer(
            () -> {
              Fields.require(request.hasActionId(), "action_id");
              ActionId action = Ids.actionId(request.getActionId(), "action_id");
              String reason = AbortReasons.of(request.hasReason(), request.getReason(), "reason");
              return abort.abort(action, reason, Caller.identity(context));
            })
        .thenReturn(AbortResponse.getDefaultInstance());
  }

  /** Gives a condition its value; the same value again succeeds, another one is refused. */
  public Mono<SignalResponse> signal(SignalRequest request, CallContext context) {
    return Mono.defer(
            () -> {
              Fields.require(request.hasActionId(), "action_id");
              ActionId action = Ids.actionId(request.getActionId(), "action_id");
              @Nullable String parent =
                  request.getParentActionName().isEmpty()
                      ? null
                      : Ids.actionName(
                              action.run(), request.getParentActionName(), "parent_action_name")
                          .name();
              Fields.require(request.hasValue(), "value");
              return signal.signal(action, parent, ProtoBytes.deterministic(request.getValue()));
            })
        .thenReturn(SignalResponse.getDefaultInstance());
  }
}
