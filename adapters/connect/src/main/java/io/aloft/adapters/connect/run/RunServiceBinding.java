package io.aloft.adapters.connect.run;

import io.aloft.adapters.connect.errors.NotSupportedYet;
import io.aloft.adapters.connect.protocol.ConnectService;
import io.aloft.proto.run.v1.AbortActionRequest;
import io.aloft.proto.run.v1.AbortRunRequest;
import io.aloft.proto.run.v1.CreateRunRequest;
import io.aloft.proto.run.v1.GetActionDataURIsRequest;
import io.aloft.proto.run.v1.GetActionDetailsRequest;
import io.aloft.proto.run.v1.GetActionLogContextRequest;
import io.aloft.proto.run.v1.GetRunDetailsRequest;
import io.aloft.proto.run.v1.ListActionEventsRequest;
import io.aloft.proto.run.v1.ListActionsRequest;
import io.aloft.proto.run.v1.ListRunsRequest;
import io.aloft.proto.run.v1.SignalEventRequest;
import io.aloft.proto.run.v1.WatchActionDetailsRequest;
import io.aloft.proto.run.v1.WatchActionEventsRequest;
import io.aloft.proto.run.v1.WatchActionsRequest;
import io.aloft.proto.run.v1.WatchClusterEventsRequest;
import io.aloft.proto.run.v1.WatchGroupsRequest;
import io.aloft.proto.run.v1.WatchRunDetailsRequest;
import io.aloft.proto.run.v1.WatchRunsRequest;

/**
 * {@code aloft.run.v1.RunService}: every RPC of the proto is registered; those a later release
 * implements answer {@code unimplemented}.
 */
public final class RunServiceBinding {

  public static final String SERVICE = "aloft.run.v1.RunService";

  private final RunCommandHandlers commands;
  private final RunReadHandlers reads;
  private final RunWatchHandlers watches;
  private final EventLogHandlers eventLog;
  private final SignalEventHandler signal;
  private final ActionDataUrisHandler dataUris;

  public RunServiceBinding(
      RunCommandHandlers commands,
      RunReadHandlers reads,
      RunWatchHandlers watches,
      EventLogHandlers eventLog,
      SignalEventHandler signal,
      ActionDataUrisHandler dataUris) {
    this.commands = commands;
    this.reads = reads;
    this.watches = watches;
    this.eventLog = eventLog;
    this.signal = signal;
    this.dataUris = dataUris;
  }

  public ConnectService service() {
    ConnectService.Builder service = ConnectService.builder(SERVICE);
    registerCommandsAndReads(service);
    registerWatches(service);
    service
        .unary(
            "ListActionEvents",
            ListActionEventsRequest.getDefaultInstance(),
            eventLog::listActionEvents)
        .serverStream(
            "WatchActionEvents",
            WatchActionEventsRequest.getDefaultInstance(),
            eventLog::watchActionEvents);
    return registerLaterCapabilities(service).build();
  }

  private void registerCommandsAndReads(ConnectService.Builder service) {
    service
        .unary("CreateRun", CreateRunRequest.getDefaultInstance(), commands::createRun)
        .unary("AbortRun", AbortRunRequest.getDefaultInstance(), commands::abortRun)
        .unary("AbortAction", AbortActionRequest.getDefaultInstance(), commands::abortAction)
        .unary("SignalEvent", SignalEventRequest.getDefaultInstance(), signal::signalEvent)
        .unary("GetRunDetails", GetRunDetailsRequest.getDefaultInstance(), reads::getRunDetails)
        .unary(
            "GetActionDetails",
            GetActionDetailsRequest.getDefaultInstance(),
            reads::getActionDetails)
        .unary("ListRuns", ListRunsRequest.getDefaultInstance(), reads::listRuns)
        .unary("ListActions", ListActionsRequest.getDefaultInstance(), reads::listActions)
        .unary(
            "GetActionDataURIs",
            GetActionDataURIsRequest.getDefaultInstance(),
            dataUris::getActionDataUris);
  }

  private void registerWatches(ConnectService.Builder service) {
    service
        .serverStream(
            "WatchRunDetails",
            WatchRunDetailsRequest.getDefaultInstance(),
            watches::watchRunDetails)
        .serverStream(
            "WatchActionDetails",
            WatchActionDetailsRequest.getDefaultInstance(),
            watches::watchActionDetails)
        .serverStream("WatchRuns", WatchRunsRequest.getDefaultInstance(), watches::watchRuns)
        .serverStream(
            "WatchActions", WatchActionsRequest.getDefaultInstance(), watches::watchActions);
  }

  /** Registered so that clients get a clear "not yet" instead of an unknown-procedure error. */
  private static ConnectService.Builder registerLaterCapabilities(ConnectService.Builder service) {
    return service
        .serverStream(
            "WatchClusterEvents",
            WatchClusterEventsRequest.getDefaultInstance(),
            NotSupportedYet.stream("streaming cluster events (WatchClusterEvents)"))
        .serverStream(
            "WatchGroups",
            WatchGroupsRequest.getDefaultInstance(),
            NotSupportedYet.stream("task group statistics (WatchGroups)"))
        .unary(
            "GetActionLogContext",
            GetActionLogContextRequest.getDefaultInstance(),
            NotSupportedYet.unary("action log contexts (GetActionLogContext)"));
  }
}
