package io.aloft.adapters.connect;

import io.aloft.adapters.connect.actions.ActionsServiceBinding;
import io.aloft.adapters.connect.actions.ChildUpdates;
import io.aloft.adapters.connect.dataproxy.ActionDataHandler;
import io.aloft.adapters.connect.dataproxy.ClusterServiceBinding;
import io.aloft.adapters.connect.dataproxy.DataProxyServiceBinding;
import io.aloft.adapters.connect.dataproxy.DownloadLinkHandler;
import io.aloft.adapters.connect.dataproxy.TailLogsHandler;
import io.aloft.adapters.connect.dataproxy.UploadInputsHandler;
import io.aloft.adapters.connect.dataproxy.UploadLocationHandler;
import io.aloft.adapters.connect.errors.DomainErrorTranslator;
import io.aloft.adapters.connect.events.EventsServiceBinding;
import io.aloft.adapters.connect.project.ProjectServiceBinding;
import io.aloft.adapters.connect.protocol.ConnectService;
import io.aloft.adapters.connect.protocol.ErrorTranslator;
import io.aloft.adapters.connect.run.ActionDataUrisHandler;
import io.aloft.adapters.connect.run.EventLogHandlers;
import io.aloft.adapters.connect.run.RunCommandHandlers;
import io.aloft.adapters.connect.run.RunReadHandlers;
import io.aloft.adapters.connect.run.RunServiceBinding;
import io.aloft.adapters.connect.run.RunWatchHandlers;
import io.aloft.adapters.connect.run.SignalEventHandler;
import io.aloft.adapters.connect.task.TaskServiceBinding;
import io.aloft.application.actions.EnqueueActionUseCase;
import io.aloft.application.data.ActionDataReader;
import io.aloft.application.data.LogTailing;
import io.aloft.application.data.UploadInputsUseCase;
import io.aloft.application.download.CreateDownloadLinkUseCase;
import io.aloft.application.events.RecordEventsUseCase;
import io.aloft.application.execution.ConditionValues;
import io.aloft.application.project.ProjectCatalog;
import io.aloft.application.run.AbortUseCase;
import io.aloft.application.run.ActionEventHistory;
import io.aloft.application.run.CreateRunUseCase;
import io.aloft.application.run.RunReader;
import io.aloft.application.run.RunWatches;
import io.aloft.application.signal.SignalUseCase;
import io.aloft.application.task.TaskCatalog;
import io.aloft.application.timetravel.TimeTravel;
import io.aloft.application.upload.CreateUploadLocationUseCase;
import java.time.Clock;
import java.util.List;

/**
 * The Connect API of Aloft: the services to pass to {@code ConnectRouter.routes} together with
 * {@link #errorTranslator()}. Services of later releases (Cache, Trigger, Secret) are deliberately
 * absent, so the router answers them as unknown procedures. ClusterService answers SelectCluster
 * with the caller's own address.
 */
public final class AloftConnectApi {

  private final ProjectServiceBinding projects;
  private final TaskServiceBinding tasks;
  private final RunServiceBinding runs;
  private final ActionsServiceBinding actions;
  private final EventsServiceBinding events;
  private final DataProxyServiceBinding dataProxy;
  private final ClusterServiceBinding cluster = new ClusterServiceBinding();

  public AloftConnectApi(
      ProjectCatalog projectCatalog,
      TaskCatalog taskCatalog,
      CreateRunUseCase createRun,
      AbortUseCase abort,
      RunReader runReader,
      TimeTravel timeTravel,
      RunWatches runWatches,
      ActionEventHistory eventHistory,
      EnqueueActionUseCase enqueueAction,
      RecordEventsUseCase recordEvents,
      SignalUseCase signal,
      ConditionValues conditionValues,
      ActionDataReader actionData,
      LogTailing logTailing,
      CreateUploadLocationUseCase createUploadLocation,
      UploadInputsUseCase uploadInputs,
      CreateDownloadLinkUseCase createDownloadLink,
      Clock clock) {
    this.projects = new ProjectServiceBinding(projectCatalog, clock);
    this.tasks = new TaskServiceBinding(taskCatalog, clock);
    this.runs =
        new RunServiceBinding(
            new RunCommandHandlers(createRun, abort),
            new RunReadHandlers(runReader, timeTravel),
            new RunWatchHandlers(runWatches),
            new EventLogHandlers(eventHistory),
            new SignalEventHandler(signal),
            new ActionDataUrisHandler(actionData));
    this.actions =
        new ActionsServiceBinding(
            enqueueAction,
            abort,
            new ChildUpdates(runReader, runWatches, conditionValues),
            signal,
            clock);
    this.events = new EventsServiceBinding(recordEvents, clock);
    this.dataProxy =
        new DataProxyServiceBinding(
            new ActionDataHandler(actionData),
            new TailLogsHandler(logTailing),
            new UploadLocationHandler(createUploadLocation),
            new UploadInputsHandler(uploadInputs),
            new DownloadLinkHandler(createDownloadLink));
  }

  public List<ConnectService> services() {
    return List.of(
        projects.service(),
        tasks.service(),
        runs.service(),
        actions.service(),
        events.service(),
        dataProxy.service(),
        cluster.service());
  }

  /** Maps domain errors to Connect codes; everything else becomes {@code internal}. */
  public static ErrorTranslator errorTranslator() {
    return new DomainErrorTranslator();
  }
}
