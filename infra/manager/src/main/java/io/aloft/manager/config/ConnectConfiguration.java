package io.aloft.manager.config;

import io.aloft.adapters.connect.AloftConnectApi;
import io.aloft.adapters.connect.protocol.ConnectOptions;
import io.aloft.adapters.connect.protocol.ConnectRouter;
import io.aloft.adapters.connect.sse.EventStreamRoutes;
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
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Serves the Connect API on the manager's port, plus a landing page and a health check. */
@Configuration(proxyBeanMethods = false)
class ConnectConfiguration {

  private static final String LANDING =
      """
      Aloft manager.
      The API is served with the Connect protocol: POST /<package>.<Service>/<Method>,
      e.g. POST /aloft.project.v1.ProjectService/ListProjects with Content-Type application/json.
      The schema is in proto/src/main/proto of the Aloft repository.
      """;

  @Bean
  AloftConnectApi aloftConnectApi(
      ProjectCatalog projects,
      TaskCatalog tasks,
      CreateRunUseCase createRun,
      AbortUseCase abort,
      RunReader runReader,
      TimeTravel timeTravel,
      RunWatches runWatches,
      ActionEventHistory eventHistory,
      EnqueueActionUseCase enqueue,
      RecordEventsUseCase recordEvents,
      SignalUseCase signal,
      ConditionValues conditionValues,
      ActionDataReader actionData,
      LogTailing logTailing,
      CreateUploadLocationUseCase createUploadLocation,
      UploadInputsUseCase uploadInputs,
      CreateDownloadLinkUseCase createDownloadLink,
      Clock clock) {
    return new AloftConnectApi(
        projects,
        tasks,
        createRun,
        abort,
        runReader,
        timeTravel,
        runWatches,
        eventHistory,
        enqueue,
        recordEvents,
        signal,
        conditionValues,
        actionData,
        logTailing,
        createUploadLocation,
        uploadInputs,
        createDownloadLink,
        clock);
  }

  @Bean
  RouterFunction<ServerResponse> connectRoutes(AloftConnectApi api, AloftProperties properties) {
    ConnectOptions options =
        ConnectOptions.defaults().withMaxMessageBytes(properties.connect().maxMessageBytes());
    return ConnectRouter.routes(api.services(), options, AloftConnectApi.errorTranslator());
  }

  /** Server-sent events of the action history, for dashboards (keep-alive comments every 15 s). */
  @Bean
  RouterFunction<ServerResponse> eventStreamRoutes(ActionEventHistory history) {
    return EventStreamRoutes.routes(
        history, Duration.ofSeconds(15), AloftConnectApi.errorTranslator());
  }

  @Bean
  RouterFunction<ServerResponse> landingRoutes() {
    return RouterFunctions.route()
        .GET(
            "/",
            request -> ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).bodyValue(LANDING))
        .GET(
            "/healthz",
            request -> ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).bodyValue("ok\n"))
        .build();
  }
}
