package io.aloft.adapters.connect.run;

import io.aloft.adapters.connect.mapping.ActionDetailsMapper;
import io.aloft.adapters.connect.mapping.ActionMapper;
import io.aloft.adapters.connect.mapping.Fields;
import io.aloft.adapters.connect.mapping.Filters;
import io.aloft.adapters.connect.mapping.Ids;
import io.aloft.adapters.connect.protocol.CallContext;
import io.aloft.application.port.query.ActionFilter;
import io.aloft.application.run.RunWatches;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import io.aloft.proto.run.v1.WatchActionDetailsRequest;
import io.aloft.proto.run.v1.WatchActionDetailsResponse;
import io.aloft.proto.run.v1.WatchActionsRequest;
import io.aloft.proto.run.v1.WatchActionsResponse;
import io.aloft.proto.run.v1.WatchRunDetailsRequest;
import io.aloft.proto.run.v1.WatchRunDetailsResponse;
import io.aloft.proto.run.v1.WatchRunsRequest;
import io.aloft.proto.run.v1.WatchRunsResponse;
import reactor.core.publisher.Flux;

/** The RunService streams: a snapshot, then every change, as {@link RunWatches} provides them. */
public final class RunWatchHandlers {

  private final RunWatches watches;

  public RunWatchHandlers(RunWatches watches) {
    this.watches = watches;
  }

  /** Ends after the run reaches a terminal phase. */
  public Flux<WatchRunDetailsResponse> watchRunDetails(
      WatchRunDetailsRequest request, CallContext context) {
    return Flux.defer(
            () -> {
              Fields.require(request.hasRunId(), "run_id");
              RunId run = Ids.runId(request.getRunId(), "run_id");
              return watches.details(run.rootAction());
            })
        .map(
            details ->
                WatchRunDetailsResponse.newBuilder()
                    .setDetails(ActionDetailsMapper.runDetails(details))
                    .build());
  }

  /** Ends after the action reaches a terminal phase. */
  public Flux<WatchActionDetailsResponse> watchActionDetails(
      WatchActionDetailsRequest request, CallContext context) {
    return Flux.defer(
            () -> {
              Fields.require(request.hasActionId(), "action_id");
              ActionId action = Ids.actionId(request.getActionId(), "action_id");
              return watches.details(action);
            })
        .map(
            details ->
                WatchActionDetailsResponse.newBuilder()
                    .setDetails(ActionDetailsMapper.details(details))
                    .build());
  }

  /** One run per message, so that each change reaches the client as soon as it is read. */
  public Flux<WatchRunsResponse> watchRuns(WatchRunsRequest request, CallContext context) {
    return Flux.defer(
            () -> {
              RunRequests.WatchTarget target = RunRequests.watchTarget(request);
              return watches.runs(target.scope(), ActionFilter.NONE).filter(target::matches);
            })
        .map(run -> WatchRunsResponse.newBuilder().addRuns(ActionMapper.run(run)).build());
  }

  /**
   * Every action of the run, parents first, each marked with whether it meets the filters: an
   * action that stops matching is still sent, with {@code meets_filter} false, so the client can
   * drop it.
   */
  public Flux<WatchActionsResponse> watchActions(WatchActionsRequest request, CallContext context) {
    return Flux.defer(
        () -> {
          Fields.require(request.hasRunId(), "run_id");
          RunId run = Ids.runId(request.getRunId(), "run_id");
          ActionFilter filter = Filters.actionFilter(request.getFiltersList(), "filters");
          return watches
              .actions(run)
              .map(
                  view ->
                      WatchActionsResponse.newBuilder()
                          .addEnrichedActions(ActionMapper.enriched(view, filter.matches(view)))
                          .build());
        });
  }
}
