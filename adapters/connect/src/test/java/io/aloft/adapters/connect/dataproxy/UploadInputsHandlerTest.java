package io.aloft.adapters.connect.dataproxy;

import static io.aloft.adapters.connect.Rejections.assertInvalid;
import static io.aloft.adapters.connect.Rejections.assertInvalidStart;
import static io.aloft.adapters.connect.Rejections.assertUnimplemented;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.connect.TestData;
import io.aloft.adapters.connect.mapping.ProtoBytes;
import io.aloft.application.data.UploadInputsRequest.HashedFor;
import io.aloft.application.data.UploadedInputs;
import io.aloft.domain.id.ProjectDomain;
import io.aloft.domain.support.Bytes;
import io.aloft.proto.core.v1.Inputs;
import io.aloft.proto.core.v1.KeyValuePair;
import io.aloft.proto.core.v1.ProjectDomainIdentifier;
import io.aloft.proto.core.v1.TriggerIdentifier;
import io.aloft.proto.dataproxy.v1.UploadInputsRequest;
import org.junit.jupiter.api.Test;

class UploadInputsHandlerTest {

  private static final Inputs INPUTS =
      Inputs.newBuilder().addContext(KeyValuePair.newBuilder().setKey("k").setValue("v")).build();

  private static final UploadInputsRequest BY_TASK_ID =
      UploadInputsRequest.newBuilder()
          .setProjectId(
              ProjectDomainIdentifier.newBuilder()
                  .setProject("flytesnacks")
                  .setDomain("development"))
          .setTaskId(TestData.taskId("v1"))
          .setInputs(INPUTS)
          .build();

  @Test
  void givenProjectAndDeployedTask_WhenMapped_ThenScopeTaskAndDeterministicInputs() {
    var request = UploadInputsHandler.toApplication(BY_TASK_ID);

    assertThat(request.scope()).isEqualTo(ProjectDomain.of("flytesnacks", "development"));
    assertThat(request.task()).isEqualTo(new HashedFor.Deployed(TestData.TASK));
    assertThat(request.inputs()).isEqualTo(Bytes.of(ProtoBytes.deterministic(INPUTS)));
    assertThat(request.baseDir()).isNull();
  }

  @Test
  void givenRunIdInlineSpecAndBaseDir_WhenMapped_ThenRunScopeAndVerbatimBaseDir() {
    var request =
        UploadInputsHandler.toApplication(
            BY_TASK_ID.toBuilder()
                .setRunId(TestData.runId("r1"))
                .setTaskSpec(TestData.spec("container"))
                .setBaseDir("s3://other/dir/")
                .build());

    assertThat(request.scope()).isEqualTo(ProjectDomain.of("flytesnacks", "development"));
    assertThat(request.task()).isInstanceOf(HashedFor.Inline.class);
    assertThat(request.baseDir()).isEqualTo("s3://other/dir/");
  }

  @Test
  void givenNoId_WhenMapped_ThenInvalidArgument() {
    assertInvalid(
        () -> UploadInputsHandler.toApplication(BY_TASK_ID.toBuilder().clearId().build()),
        "run_id or project_id is required");
  }

  @Test
  void givenNoTask_WhenMapped_ThenInvalidArgument() {
    assertInvalid(
        () -> UploadInputsHandler.toApplication(BY_TASK_ID.toBuilder().clearTask().build()),
        "task_id or task_spec is required");
  }

  @Test
  void givenTrigger_WhenMapped_ThenUnimplemented() {
    assertUnimplemented(
        () ->
            UploadInputsHandler.toApplication(
                BY_TASK_ID.toBuilder()
                    .setTriggerName(TriggerIdentifier.newBuilder().setName("t"))
                    .build()),
        UploadInputsHandler.TRIGGERS_NOT_SUPPORTED);
  }

  @Test
  void givenBaseDirWithoutScheme_WhenMapped_ThenInvalidArgumentNamingIt() {
    assertInvalidStart(
        () -> UploadInputsHandler.toApplication(BY_TASK_ID.toBuilder().setBaseDir("/tmp").build()),
        "base_dir: ");
  }

  @Test
  void givenUploaded_WhenResponse_ThenUriAndHash() {
    var response = UploadInputsHandler.response(new UploadedInputs("s3://b/d", "h"));

    assertThat(response.getOffloadedInputData().getUri()).isEqualTo("s3://b/d");
    assertThat(response.getOffloadedInputData().getInputsHash()).isEqualTo("h");
  }
}
