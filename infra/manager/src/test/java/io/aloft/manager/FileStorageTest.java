package io.aloft.manager;

import static io.aloft.manager.ActionSteps.DATA_PROXY;
import static io.aloft.manager.ActionSteps.RUNS;
import static io.aloft.manager.ActionSteps.actionId;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.manager.ConnectJson.Reply;
import io.aloft.manager.config.AloftProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Runs whose run_base_dir is a {@code file://} path below the file roots (by default {@code
 * $ALOFT_HOME/data}) keep their data there; a base outside the configured buckets and roots is
 * refused.
 */
class FileStorageTest extends RunningManager {

  private static final String INPUTS =
      """
      {"literals": [{"name": "x", "value": {"scalar": {"primitive": {"integer": "7"}}}}]}""";

  @Autowired AloftProperties properties;
  ConnectJson connect;
  ActionSteps steps;

  @BeforeEach
  void client() {
    connect = new ConnectJson(port);
    steps = new ActionSteps(connect);
  }

  @Test
  void givenAFileRunBaseDir_WhenAnEchoRunSucceeds_ThenItsDataIsInFilesBelowIt() {
    Path base = properties.fileRoots().getFirst().toAbsolutePath().resolve("runs");
    project("files");

    Reply created = createRun("files", "r1", "file://" + base + "/");
    assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
    steps.awaitPhase("files", "r1", "a0", "ACTION_PHASE_SUCCEEDED");

    Reply data =
        connect.call(
            DATA_PROXY + "GetActionData", "{\"actionId\": " + actionId("files", "r1", "a0") + "}");
    assertThat(data.status()).as(data.body().toString()).isEqualTo(200);
    assertThat(data.body().at("/outputs/literals")).isEqualTo(data.body().at("/inputs/literals"));
    Reply uris =
        connect.call(
            RUNS + "GetActionDataURIs", "{\"actionId\": " + actionId("files", "r1", "a0") + "}");
    String outputs = uris.body().at("/outputsUri").asString();
    assertThat(outputs).startsWith("file://" + base + "/");
    assertThat(Path.of(outputs.substring("file://".length()))).isRegularFile();
    assertThat(Files.exists(base)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"file:///etc/aloft-elsewhere/", "s3://not-configured-bucket/runs/"})
  void givenARunBaseDirOutsideTheStorageLocations_WhenCreateRun_ThenInvalidArgument(String base) {
    String project = "files-" + base.substring(0, base.indexOf(':'));
    project(project);

    Reply created = createRun(project, "r1", base);

    assertThat(created.status()).as(created.body().toString()).isEqualTo(400);
    assertThat(created.body().at("/code").asString()).isEqualTo("invalid_argument");
    assertThat(created.body().at("/message").asString())
        .contains(base)
        .contains("outside the configured storage locations");
  }

  private void project(String name) {
    steps.project(name);
    steps.deploy(name, "echo", "{\"type\": \"echo\"}");
  }

  private Reply createRun(String project, String run, String runBaseDir) {
    return connect.call(
        RUNS + "CreateRun",
        """
        {"runId": {"project": "%s", "domain": "development", "name": "%s"},
         "taskId": {"project": "%s", "domain": "development", "name": "echo", "version": "v1"},
         "inputs": %s, "runSpec": {"runBaseDir": "%s"}}
        """
            .formatted(project, run, project, INPUTS, runBaseDir));
  }
}
