package io.aloft.adapters.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import io.aloft.adapters.connect.protocol.ConnectOptions;
import io.aloft.adapters.connect.protocol.ConnectRouter;
import io.aloft.adapters.connect.protocol.ConnectService;
import io.aloft.adapters.connect.run.RunWatchHandlers;
import io.aloft.application.actions.EnqueueActionUseCase;
import io.aloft.application.data.ActionDataReader;
import io.aloft.application.data.LogTailing;
import io.aloft.application.events.RecordEventsUseCase;
import io.aloft.application.project.ActiveProjects;
import io.aloft.application.project.ProjectCatalog;
import io.aloft.application.run.AbortUseCase;
import io.aloft.application.run.ActionEventHistory;
import io.aloft.application.run.CreateRunUseCase;
import io.aloft.application.run.RunReader;
import io.aloft.application.run.RunWatches;
import io.aloft.application.signal.SignalUseCase;
import io.aloft.application.task.TaskCatalog;
import io.aloft.application.timetravel.TimeTravel;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.proto.core.v1.Filter;
import io.aloft.proto.dataproxy.v1.GetActionDataRequest;
import io.aloft.proto.events.v1.RecordRequest;
import io.aloft.proto.run.v1.CreateRunRequest;
import io.aloft.proto.run.v1.GetActionLogContextRequest;
import io.aloft.proto.run.v1.GetRunDetailsRequest;
import io.aloft.proto.run.v1.SignalEventRequest;
import io.aloft.proto.run.v1.WatchActionsRequest;
import io.aloft.proto.task.v1.DeployTaskRequest;
import io.aloft.proto.task.v1.TaskTrigger;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/**
 * The bindings wired into the Connect router. The application objects get no storage ports: every
 * call here must be refused by the bindings before a use case runs (reaching one would fail with an
 * internal error and fail the test).
 */
class AloftConnectApiTest {

  private static final MediaType PROTO = MediaType.parseMediaType("application/proto");

  private final AloftConnectApi api = apiWithoutStorage();
  private final WebTestClient client =
      WebTestClient.bindToRouterFunction(
              ConnectRouter.routes(
                  api.services(), ConnectOptions.defaults(), AloftConnectApi.errorTranslator()))
          .build();

  @Test
  void givenTheApi_WhenListed_ThenTheSevenServicesOfThisRelease() {
    assertThat(api.services())
        .extracting(ConnectService::name)
        .containsExactly(
            "aloft.project.v1.ProjectService",
            "aloft.task.v1.TaskService",
            "aloft.run.v1.RunService",
            "aloft.actions.v1.ActionsService",
            "aloft.events.v1.EventsService",
            "aloft.dataproxy.v1.DataProxyService",
            "aloft.dataproxy.v1.ClusterService");
  }

  @Test
  void givenBadRequests_WhenCalled_ThenInvalidArgumentNamingTheField() {
    expectError("/aloft.run.v1.RunService/CreateRun", CreateRunRequest.getDefaultInstance(), 400)
        .jsonPath("$.code")
        .isEqualTo("invalid_argument")
        .jsonPath("$.message")
        .isEqualTo("run_id or project_id is required");
    expectError("/aloft.events.v1.EventsService/Record", RecordRequest.getDefaultInstance(), 400)
        .jsonPath("$.message")
        .isEqualTo("events must hold at least one event");
    expectError(
            "/aloft.run.v1.RunService/SignalEvent", SignalEventRequest.getDefaultInstance(), 400)
        .jsonPath("$.message")
        .isEqualTo("action_id is required");
    expectError(
            "/aloft.dataproxy.v1.DataProxyService/GetActionData",
            GetActionDataRequest.getDefaultInstance(),
            400)
        .jsonPath("$.message")
        .isEqualTo("action_id is required");
  }

  @Test
  void givenBadAsOf_WhenDetailsAsked_ThenInvalidArgumentSayingWhatToSet() {
    var negative =
        GetRunDetailsRequest.newBuilder()
            .setRunId(TestData.runId("r1"))
            .setAsOf(io.aloft.proto.core.v1.AsOf.newBuilder().setPosition(-1))
            .build();
    expectError("/aloft.run.v1.RunService/GetRunDetails", negative, 400)
        .jsonPath("$.code")
        .isEqualTo("invalid_argument")
        .jsonPath("$.message")
        .isEqualTo(
            "as_of.position must not be negative (got -1); use a position a details response or"
                + " an event reported");
    var empty =
        GetRunDetailsRequest.newBuilder()
            .setRunId(TestData.runId("r1"))
            .setAsOf(io.aloft.proto.core.v1.AsOf.getDefaultInstance())
            .build();
    expectError("/aloft.run.v1.RunService/GetRunDetails", empty, 400)
        .jsonPath("$.message")
        .isEqualTo("as_of must set position or time; leave as_of out for the current state");
  }

  @Test
  void givenLaterCapabilities_WhenCalled_ThenUnimplementedSayingSo() {
    expectError(
            "/aloft.run.v1.RunService/GetActionLogContext",
            GetActionLogContextRequest.getDefaultInstance(),
            501)
        .jsonPath("$.code")
        .isEqualTo("unimplemented")
        .jsonPath("$.message")
        .isEqualTo(
            "action log contexts (GetActionLogContext) is not available yet in this version of"
                + " Aloft");
    var withTrigger =
        DeployTaskRequest.newBuilder()
            .setTaskId(TestData.taskId("v1"))
            .setSpec(TestData.spec("python"))
            .addTriggers(TaskTrigger.newBuilder().setName("t"))
            .build();
    expectError("/aloft.task.v1.TaskService/DeployTask", withTrigger, 501)
        .jsonPath("$.message")
        .isEqualTo("triggers are not supported yet; deploy the task without triggers");
  }

  @Test
  void givenServicesOfLaterReleases_WhenCalled_ThenUnknownProcedure() {
    client
        .post()
        .uri("/aloft.cache.v1.CacheService/Get")
        .contentType(PROTO)
        .bodyValue(new byte[0])
        .exchange()
        .expectStatus()
        .isEqualTo(404);
  }

  @Test
  void givenABadWatch_WhenHandled_ThenAnErrorSignalNotAThrow() {
    var request =
        WatchActionsRequest.newBuilder()
            .setRunId(TestData.runId("r1"))
            .addFilters(Filter.newBuilder().setField("created_at"))
            .build();

    StepVerifier.create(new RunWatchHandlers(null).watchActions(request, TestData.context()))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(InvalidArgument.class)
                    .hasMessageStartingWith("filters[0]: filter on field 'created_at'"))
        .verify();
  }

  private WebTestClient.BodyContentSpec expectError(String procedure, Message body, int status) {
    return client
        .post()
        .uri(procedure)
        .contentType(PROTO)
        .bodyValue(body.toByteArray())
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectBody();
  }

  private static AloftConnectApi apiWithoutStorage() {
    Clock clock = Clock.systemUTC();
    ProjectCatalog projects = new ProjectCatalog(null, null);
    RunReader reader = new RunReader(null, projects);
    TaskCatalog tasks = new TaskCatalog(null, null, new ActiveProjects(null));
    return new AloftConnectApi(
        projects,
        tasks,
        new CreateRunUseCase(null, tasks, null, null, null, null, null, null, null, clock, null),
        new AbortUseCase(reader, null, null, null, clock),
        reader,
        new TimeTravel(null),
        new RunWatches(null, null, null, reader, projects),
        new ActionEventHistory(null, null, reader),
        new EnqueueActionUseCase(null, null, null, clock),
        new RecordEventsUseCase(null),
        new SignalUseCase(null, null, null, null, clock),
        new io.aloft.application.execution.ConditionValues(null, null),
        new ActionDataReader(reader, null),
        new LogTailing(reader, null, null, List.of()),
        new io.aloft.application.upload.CreateUploadLocationUseCase(
            null,
            null,
            null,
            new io.aloft.application.upload.UploadLimits(
                1,
                java.time.Duration.ofHours(1),
                io.aloft.application.port.storage.StorageUri.parse("s3://b/uploads"))),
        new io.aloft.application.data.UploadInputsUseCase(
            new ActiveProjects(null), tasks, null, null, null, "s3://aloft/uploads"),
        new io.aloft.application.download.CreateDownloadLinkUseCase(
            reader, null, null, java.time.Duration.ofHours(1)),
        clock);
  }
}
