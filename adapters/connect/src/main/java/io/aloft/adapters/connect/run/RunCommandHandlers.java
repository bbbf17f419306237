package io.aloft.adapters.connect.run;

import io.aloft.adapters.connect.mapping.AbortReasons;
import io.aloft.adapters.connect.mapping.ActionMapper;
import io.aloft.adapters.connect.mapping.Caller;
import io.aloft.adapters.connect.mapping.Fields;
import io.aloft.adapters.connect.mapping.Ids;
import io.aloft.adapters.connect.protocol.CallContext;
import io.aloft.application.run.AbortUseCase;
import io.aloft.application.run.CreateRunUseCase;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import io.aloft.proto.run.v1.AbortActionRequest;
import io.aloft.proto.run.v1.AbortActionResponse;
import io.aloft.proto.run.v1.AbortRunRequest;
import io.aloft.proto.run.v1.AbortRunResponse;
import io.aloft.proto.run.v1.CreateRunRequest;
import io.aloft.proto.run.v1.CreateRunResponse;
import reactor.core.publisher.Mono;

/** The RunService calls that change state: CreateRun, AbortRun and AbortAction. */
public final class RunCommandHandlers {

  private final CreateRunUseCase createRun;
  private final AbortUseCase abort;

  public RunCommandHandlers(CreateRunUseCase createRun, AbortUseCase abort) {
    this.createRun = createRun;
    this.abort = abort;
  }

  public Mono<CreateRunResponse> createRun(CreateRunRequest request, CallContext context) {
    return Mono.defer(
            () ->
                createRun.create(
                    CreateRunRequests.toApplication(request, Caller.identity(context))))
        .map(root -> CreateRunResponse.newBuilder().setRun(ActionMapper.run(root)).build());
  }

  /** Aborting a run aborts its root action, and with it every action still running. */
  public Mono<AbortRunResponse> abortRun(AbortRunRequest request, CallContext context) {
    return Mono.defer(
            () -> {
              Fields.require(request.hasRunId(), "run_id");
              RunId run = Ids.runId(request.getRunId(), "run_id");
              String reason = AbortReasons.of(request.hasReason(), request.getReason(), "reason");
              return abort.abort(run.rootAction(), reason, Caller.identity(context));
            })
        .thenReturn(AbortRunResponse.getDefaultInstance());
  }

  public Mono<AbortActionResponse> abortAction(AbortActionRequest request, CallContext context) {
    return Mono.defer(
            () -> {
              Fields.require(request.hasActionId(), "action_id");
              ActionId action = Ids.actionId(request.getActionId(), "action_id");
              String reason = AbortReasons.of(true, request.getReason(), "reason");
              return abort.abort(action, reason, Caller.identity(context));
            })
        .thenReturn(AbortActionResponse.getDefaultInstance());
  }
}
