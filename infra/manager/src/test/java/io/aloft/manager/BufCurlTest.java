package io.aloft.manager;

import static io.aloft.manager.ManagerTestSupport.createRun;
import static io.aloft.manager.ManagerTestSupport.deployTask;
import static io.aloft.manager.ManagerTestSupport.event;
import static io.aloft.manager.ManagerTestSupport.project;
import static io.aloft.manager.ManagerTestSupport.runId;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A stock Connect client, `buf curl`, against the running manager: unary and streaming. */
class BufCurlTest extends RunningManager {

  private static final Path PROTO = Path.of("../../proto").toAbsolutePath().normalize();
  private static final Path BUF = PROTO.resolve("node_modules/.bin/buf");

  @Test
  void givenStockClient_WhenCallingUnaryAndStreamingMethods_ThenBothWork() throws Exception {
    assertThat(BUF)
        .as("the buf CLI is installed by the test command (./aloft test); run it once")
        .exists();
    Result created = curl("aloft.project.v1.ProjectService/CreateProject", project("bufdemo"));
    assertThat(created.exit()).as(created.output()).isZero();
    Result fetched =
        curl("aloft.project.v1.ProjectService/GetProject", "{\"id\": {\"name\": \"bufdemo\"}}");
    assertThat(fetched.output()).contains("\"bufdemo\"");
    curl("aloft.task.v1.TaskService/DeployTask", deployTask("bufdemo", "t", "v1"));
    curl("aloft.run.v1.RunService/CreateRun", createRun("bufdemo", "via-buf", "t", "v1"));
    Result recorded =
        curl(
            "aloft.events.v1.EventsService/Record",
            "{\"events\": ["
                + event("bufdemo", "via-buf", "a0", "ACTION_PHASE_SUCCEEDED", 0)
                + "]}");
    assertThat(recorded.exit()).as(recorded.output()).isZero();

    Result watched =
        curl(
            "aloft.run.v1.RunService/WatchRunDetails",
            "{\"runId\": " + runId("bufdemo", "via-buf") + "}");
    assertThat(watched.exit()).as(watched.output()).isZero();
    assertThat(watched.output()).contains("ACTION_PHASE_SUCCEEDED");
  }

  private Result curl(String method, String json) throws IOException, InterruptedException {
    Path out = Files.createTempFile("buf-curl", ".txt");
    Process process =
        new ProcessBuilder(
                List.of(
                    BUF.toString(),
                    "curl",
                    "--schema",
                    PROTO.resolve("src/main/proto").toString(),
                    "--protocol",
                    "connect",
                    "--data",
                    json,
                    "http://localhost:" + port + "/" + method))
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("buf curl did not finish within 60 s");
    }
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
  }

  private record Result(int exit, String output) {}
}
