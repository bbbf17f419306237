package io.aloft.manager;

import static io.aloft.manager.ActionSteps.DATA_PROXY;
import static io.aloft.manager.ActionSteps.RUNS;
import static io.aloft.manager.ActionSteps.actionId;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.manager.ConnectJson.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where a task writes its raw data ({@code ALOFT_RAW_OUTPUT_PREFIX}): its own folder per attempt
 * under the RunSpec's raw_data_storage.raw_data_prefix when set, else below its outputs (no
 * aloft.execution.raw-data-prefix here). The task writes the value it sees into its output.
 */
class RawOutputPrefixTest extends RunningManager {

  private static final String SHOW_PREFIX =
      """
      {"type": "container",
       "container": {"args": ["sh", "-c", "printf %s \\"$ALOFT_RAW_OUTPUT_PREFIX\\" > $ALOFT_OUTPUT_DIR/raw"]},
       "interface": {"outputs": {"variables": [
         {"key": "raw", "value": {"type": {"simple": "SIMPLE_TYPE_STRING"}}}]}}}""";

  ConnectJson connect;
  ActionSteps steps;
  String project;

  @BeforeEach
  void client() {
    connect = new ConnectJson(port);
    steps = new ActionSteps(connect);
  }

  @Test
  void givenARunSpecRawDataPrefix_WhenTheTaskRuns_ThenItWritesToItsOwnFolderBelowIt() {
    project("raw-prefix-set");
    Reply created =
        createRun("r1", "{\"rawDataStorage\": {\"rawDataPrefix\": \"s3://aloft/raw/\"}}");
    assertThat(created.status()).as(created.body().toString()).isEqualTo(200);

    steps.awaitPhase(project, "r1", "a0", "ACTION_PHASE_SUCCEEDED");

    assertThat(rawPrefixSeenBy("r1"))
        .matches("s3://aloft/[a-z0-9]{2}/raw/" + project + "/development/r1/a0/1");
  }

  @Test
  void givenARunSpecRawDataPrefix_WhenAChildRuns_ThenItInheritsTheRunsPrefix() {
    project("raw-prefix-child");
    steps.deploy(project, "parent", "{\"type\": \"external\"}");
    Reply created =
        createRun("r1", "parent", "{\"rawDataStorage\": {\"rawDataPrefix\": \"s3://aloft/raw\"}}");
    assertThat(created.status()).as(created.body().toString()).isEqualTo(200);

    String child =
        SHOW_PREFIX.replace(
            "{\"type\": \"container\",",
            "{\"type\": \"container\", \"id\": {\"name\": \"kid\", \"version\": \"v1\"},");
    steps.enqueue(
        project,
        "r1",
        "c0",
        "\"task\": {\"spec\": {\"taskTemplate\": " + child + ", \"shortName\": \"kid\"}}");
    steps.awaitPhase(project, "r1", "c0", "ACTION_PHASE_SUCCEEDED");

    assertThat(rawPrefixSeenBy("r1", "c0"))
        .matches("s3://aloft/[a-z0-9]{2}/raw/" + project + "/development/r1/c0/1");
  }

  @Test
  void givenNoRawDataPrefix_WhenTheTaskRuns_ThenItWritesBelowItsOutputs() {
    project("raw-prefix-default");
    Reply created = createRun("r2", "{}");
    assertThat(created.status()).as(created.body().toString()).isEqualTo(200);

    steps.awaitPhase(project, "r2", "a0", "ACTION_PHASE_SUCCEEDED");

    Reply uris =
        connect.call(
            RUNS + "GetActionDataURIs", "{\"actionId\": " + actionId(project, "r2", "a0") + "}");
    String outputs = uris.body().at("/outputsUri").asString();
    assertThat(rawPrefixSeenBy("r2"))
        .isEqualTo(outputs.substring(0, outputs.lastIndexOf('/')) + "/raw");
  }

  @Test
  void givenARawDataPrefixOutsideTheStorageLocations_WhenCreateRun_ThenInvalidArgument() {
    project("raw-prefix-outside");
    Reply created =
        createRun(
            "r3", "{\"rawDataStorage\": {\"rawDataPrefix\": \"s3://not-configured-bucket/raw\"}}");

    assertThat(created.status()).as(created.body().toString()).isEqualTo(400);
    assertThat(created.body().at("/code").asString()).isEqualTo("invalid_argument");
    assertThat(created.body().at("/message").asString())
        .contains("run_spec.raw_data_storage.raw_data_prefix")
        .contains("outside the configured storage locations");
  }

  /** Each test has its own project, with the task deployed. */
  private void project(String name) {
    project = name;
    steps.project(name);
    steps.deploy(name, "show", SHOW_PREFIX);
  }

  private String rawPrefixSeenBy(String run) {
    return rawPrefixSeenBy(run, "a0");
  }

  private String rawPrefixSeenBy(String run, String action) {
    Reply data =
        connect.call(
            DATA_PROXY + "GetActionData", "{\"actionId\": " + actionId(project, run, action) + "}");
    assertThat(data.status()).as(data.body().toString()).isEqualTo(200);
    return data.body().at("/outputs/literals/0/value/scalar/primitive/stringValue").asString();
  }

  private Reply createRun(String run, String runSpec) {
    return createRun(run, "show", runSpec);
  }

  private Reply createRun(String run, String task, String runSpec) {
    return connect.call(
        RUNS + "CreateRun",
        """
        {"runId": {"project": "%s", "domain": "development", "name": "%s"},
         "taskId": {"project": "%s", "domain": "development", "name": "%s", "version": "v1"},
         "runSpec": %s}
        """
            .formatted(project, run, project, task, runSpec));
  }
}
