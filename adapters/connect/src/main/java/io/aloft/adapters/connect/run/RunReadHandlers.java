package io.aloft.adapters.connect.run;

import io.aloft.adapters.connect.mapping.ActionDetailsMapper;
import io.aloft.adapters.connect.mapping.ActionMapper;
import io.aloft.adapters.connect.mapping.Fields;
import io.aloft.adapters.connect.mapping.Filters;
import io.aloft.adapters.connect.mapping.Ids;
import io.aloft.adapters.connect.mapping.Paging;
import io.aloft.adapters.connect.protocol.CallContext;
import io.aloft.application.port.query.ActionFilter;
import io.aloft.application.run.ActionDetails;
import io.aloft.application.run.RunReader;
import io.aloft.application.timetravel.TimeTravel;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import io.aloft.domain.query.PageRequest;
import io.aloft.proto.run.v1.GetActionDetailsRequest;
import io.aloft.proto.run.v1.GetActionDetailsResponse;
import io.aloft.proto.run.v1.GetRunDetailsRequest;
import io.aloft.proto.run.v1.GetRunDetailsResponse;
import io.aloft.proto.run.v1.ListActionsRequest;
import io.aloft.proto.run.v1.ListActionsResponse;
import io.aloft.proto.run.v1.ListRunsRequest;
import io.aloft.proto.run.v1.ListRunsResponse;
import reactor.core.publisher.Mono;

/** The RunService reads: run and action details, and the run and action lists. */
public final class RunReadHandlers {

  private final RunReader reader;
  private final TimeTravel timeTravel;

  public RunReadHandlers(RunReader reader, TimeTravel timeTravel) {
    this.reader = reader;
    this.timeTravel = timeTravel;
  }

  public Mono<GetRunDetailsResponse> getRunDetails(
      GetRunDetailsRequest request, CallContext context) {
    return Mono.defer(
            () -> {
              Fields.require(request.hasRunId(), "run_id");
              RunId run = Ids.runId(request.getRunId(), "run_id");
              return details(run.rootAction(), request.hasAsOf(), request.getAsOf());
            })
        .map(
            details ->
                GetRunDetailsResponse.newBuilder()
                    .setDetails(ActionDetailsMapper.runDetails(details))
                    .setPosition(details.action().position())
                    .build());
  }

  public Mono<GetActionDetailsResponse> getActionDetails(
      GetActionDetailsRequest request, CallContext context) {
    return Mono.defer(
            () -> {
              Fields.require(request.hasActionId(), "action_id");
              ActionId action = Ids.actionId(request.getActionId(), "action_id");
              return details(action, request.hasAsOf(), request.getAsOf());
            })
        .map(
            details ->
                GetActionDetailsResponse.newBuilder()
                    .setDetails(ActionDetailsMapper.details(details))
                    .setPosition(details.action().position())
                    .build());
  }

  /** The live details, or, with as_of, the details replayed from the event store. */
  private Mono<ActionDetails> details(
      ActionId id, boolean hasAsOf, io.aloft.proto.core.v1.AsOf asOf) {
    return hasAsOf ? timeTravel.details(id, RunRequests.asOf(asOf, "as_of")) : reader.details(id);
  }

  public Mono<ListRunsResponse> listRuns(ListRunsRequest request, CallContext context) {
    return Mono.defer(
            () -> {
              var scope = RunRequests.listScope(request);
              ActionFilter filter =
                  Filters.actionFilter(request.getRequest().getFiltersList(), "request.filters");
              PageRequest page = Paging.page(request.getRequest(), "request");
              return reader.listRuns(scope, filter, page);
            })
        .map(
            page -> {
              ListRunsResponse.Builder response = ListRunsResponse.newBuilder();
              page.items().forEach(view -> response.addRuns(ActionMapper.run(view)));
              return response.setToken(page.nextToken()).build();
            });
  }

  public Mono<ListActionsResponse> listActions(ListActionsRequest request, CallContext context) {
    return Mono.defer(
            () -> {
              Fields.require(request.hasRunId(), "run_id");
              RunId run = Ids.runId(request.getRunId(), "run_id");
              ActionFilter filter =
                  Filters.actionFilter(request.getRequest().getFiltersList(), "request.filters");
              PageRequest page = Paging.page(request.getRequest(), "request");
              return reader.listActions(run, filter, page);
            })
        .map(
            page -> {
              ListActionsResponse.Builder response = ListActionsResponse.newBuilder();
              page.items().forEach(view -> response.addActions(ActionMapper.action(view)));
              return response.setToken(page.nextToken()).build();
            });
  }
}
