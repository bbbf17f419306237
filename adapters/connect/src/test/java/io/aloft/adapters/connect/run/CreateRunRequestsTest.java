package io.aloft.adapters.connect.run;

import static io.aloft.adapters.connect.Rejections.assertInvalid;
import static io.aloft.adapters.connect.Rejections.assertInvalidStart;
import static io.aloft.adapters.connect.Rejections.assertUnimplemented;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.aloft.adapters.connect.TestData;
import io.aloft.adapters.connect.mapping.ProtoBytes;
import io.aloft.application.run.RunInputs;
import io.aloft.application.run.TaskSelector;
import io.aloft.domain.action.TaskRef;
import io.aloft.domain.id.ProjectDomain;
import io.aloft.proto.core.v1.Inputs;
import io.aloft.proto.core.v1.NamedLiteral;
import io.aloft.proto.core.v1.OffloadedInputData;
import io.aloft.proto.core.v1.ProjectDomainIdentifier;
import io.aloft.proto.core.v1.TriggerIdentifier;
import io.aloft.proto.run.v1.CreateRunRequest;
import io.aloft.proto.run.v1.RunSource;
import io.aloft.proto.task.v1.RunSpec;
import org.junit.jupiter.api.Test;

class CreateRunRequestsTest {

  private static final CreateRunRequest BY_TASK_ID =
      CreateRunRequest.newBuilder()
          .setRunId(TestData.runId("r1"))
          .setTaskId(TestData.taskId("v1"))
          .build();

  @Test
  void givenARunIdAndDeployedTask_WhenMapped_ThenNamedRunOfThatTaskWithoutInputs() {
    var request = CreateRunRequests.toApplication(BY_TASK_ID, "alice");

    assertThat(request.scope()).isEqualTo(ProjectDomain.of("flytesnacks", "development"));
    assertThat(request.runName()).isEqualTo("r1");
    assertThat(request.task()).isEqualTo(new TaskSelector.Deployed(TestData.TASK));
    assertThat(request.inputs()).isEqualTo(new RunInputs.None());
    assertThat(request.runSpec()).isNull();
    assertThat(request.runBaseDir()).isNull();
    assertThat(request.rawDataPrefix()).isNull();
    assertThat(request.source()).isNull();
    assertThat(request.createdBy()).isEqualTo("alice");
  }

  @Test
  void givenAProjectIdInlineSpecInputsAndRunSpec_WhenMapped_ThenAllAreCarried() {
    Inputs inputs = Inputs.newBuilder().addLiterals(NamedLiteral.newBuilder().setName("x")).build();
    RunSpec runSpec =
        RunSpec.newBuilder()
            .setRunBaseDir("s3://base")
            .setCluster("c1")
            .setRawDataStorage(
                io.aloft.proto.task.v1.RawDataStorage.newBuilder().setRawDataPrefix("s3://raw/x"))
            .build();
    CreateRunRequest request =
        CreateRunRequest.newBuilder()
            .setProjectId(
                ProjectDomainIdentifier.newBuilder()
                    .setProject("flytesnacks")
                    .setDomain("development"))
            .setTaskSpec(TestData.spec("python"))
            .setInputs(inputs)
            .setRunSpec(runSpec)
            .setSource(RunSource.RUN_SOURCE_CLI)
            .build();

    var mapped = CreateRunRequests.toApplication(request, "alice");

    assertThat(mapped.runName()).isNull();
    var inline = (TaskSelector.Inline) mapped.task();
    assertThat(inline.ref()).isEqualTo(new TaskRef(TestData.TASK, "python", "train", null));
    assertThat(inline.spec()).isEqualTo(ProtoBytes.deterministic(TestData.spec("python")));
    assertThat(((RunInputs.Inline) mapped.inputs()).serialized())
        .isEqualTo(ProtoBytes.deterministic(inputs));
    assertThat(mapped.runSpec()).isEqualTo(ProtoBytes.deterministic(runSpec));
    assertThat(mapped.runBaseDir()).isEqualTo("s3://base");
    assertThat(mapped.rawDataPrefix()).isEqualTo("s3://raw/x");
    assertThat(mapped.source()).isEqualTo("RUN_SOURCE_CLI");
  }

  @Test
  void givenOffloadedInputs_WhenMapped_ThenTheirUriIsRequired() {
    var offloaded =
        BY_TASK_ID.toBuilder()
            .setOffloadedInputData(OffloadedInputData.newBuilder().setUri("s3://in/abc"))
            .build();

    assertThat(CreateRunRequests.toApplication(offloaded, "a").inputs())
        .isEqualTo(new RunInputs.Offloaded("s3://in/abc"));
    assertInvalid(
        () ->
            CreateRunRequests.toApplication(
                BY_TASK_ID.toBuilder()
                    .setOffloadedInputData(OffloadedInputData.getDefaultInstance())
                    .build(),
                "a"),
        "offloaded_input_data.uri is required");
  }

  @Test
  void givenMissingOrBadIdentity_WhenMapped_ThenInvalidNamingTheField() {
    assertInvalid(
        () -> CreateRunRequests.toApplication(BY_TASK_ID.toBuilder().clearRunId().build(), "a"),
        "run_id or project_id is required");
    assertInvalidStart(
        () ->
            CreateRunRequests.toApplication(
                BY_TASK_ID.toBuilder().setRunId(TestData.runId("My_Run")).build(), "a"),
        "run_id.name: run name 'My_Run' is invalid");
    assertInvalidStart(
        () ->
            CreateRunRequests.toApplication(
                BY_TASK_ID.toBuilder().setRunId(TestData.runId("r" + "1".repeat(30))).build(), "a"),
        "run_id.name: run name 'r1111");
    assertInvalid(
        () ->
            CreateRunRequests.toApplication(
                BY_TASK_ID.toBuilder().setRunId(TestData.runId("")).build(), "a"),
        "run_id.name is required");
  }

  @Test
  void givenMissingOrTriggeredTask_WhenMapped_ThenInvalidOrUnimplemented() {
    assertInvalid(
        () -> CreateRunRequests.toApplication(BY_TASK_ID.toBuilder().clearTaskId().build(), "a"),
        "task_id or task_spec is required");
    assertUnimplemented(
        () ->
            CreateRunRequests.toApplication(
                BY_TASK_ID.toBuilder()
                    .setTriggerName(TriggerIdentifier.newBuilder().setName("hourly"))
                    .build(),
                "a"),
        "creating runs from triggers is not supported yet; pass task_id or task_spec");
    assertInvalid(
        () ->
            CreateRunRequests.toApplication(
                BY_TASK_ID.toBuilder()
                    .setTaskSpec(TestData.spec("python").toBuilder().clearTaskTemplate())
                    .build(),
                "a"),
        "task_spec.task_template is required");
  }

  @Test
  void givenBadOptionalFields_WhenMapped_ThenInvalidNamingTheField() {
    assertInvalid(
        () ->
            CreateRunRequests.toApplication(BY_TASK_ID.toBuilder().setSourceValue(9).build(), "a"),
        "source has the unknown value 9");
    assertInvalid(
        () ->
            CreateRunRequests.toApplication(
                BY_TASK_ID.toBuilder().setRunStartTime(Timestamp.newBuilder().setNanos(-3)).build(),
                "a"),
        "run_start_time is not a valid timestamp (seconds 0, nanos -3); use a time between"
            + " years 1 and 9999");
    assertInvalid(
        () ->
            CreateRunRequests.toApplication(
                BY_TASK_ID.toBuilder()
                    .setRunSpec(RunSpec.newBuilder().setRunBaseDir("s".repeat(2049)))
                    .build(),
                "a"),
        "run_spec.run_base_dir is too long (2049 characters); use at most 2048");
  }
}
