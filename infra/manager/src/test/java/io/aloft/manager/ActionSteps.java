package io.aloft.manager;

import static io.aloft.manager.ManagerTestSupport.runId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aloft.manager.ConnectJson.Reply;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * Steps shared by the data, log and signal tests: projects, tasks, runs, children and waiting for a
 * phase, all through the Connect API.
 */
final class ActionSteps {

  static final String RUNS = "/aloft.run.v1.RunService/";
  static final String ACTIONS = "/aloft.actions.v1.ActionsService/";
  static final String DATA_PROXY = "/aloft.dataproxy.v1.DataProxyService/";

  private final ConnectJson connect;

  ActionSteps(ConnectJson connect) {
    this.connect = connect;
  }

  void project(String name) {
    Reply reply =
        connect.call(
            "/aloft.project.v1.ProjectService/CreateProject", ManagerTestSupport.project(name));
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
  }

  void deploy(String project, String task, String template) {
    Reply reply =
        connect.call(
            "/aloft.task.v1.TaskService/DeployTask",
            """
            {"taskId": {"project": "%s", "domain": "development", "name": "%s", "version": "v1"},
             "spec": {"taskTemplate": %s, "shortName": "%s"}}
            """
                .formatted(project, task, template, task));
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
  }

  void run(String project, String run, String task) {
    Reply reply =
        connect.call(RUNS + "CreateRun", ManagerTestSupport.createRun(project, run, task, "v1"));
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
  }

  void run(String project, String run, String task, String inputs) {
    Reply reply =
        connect.call(
            RUNS + "CreateRun",
            """
            {"runId": {"project": "%s", "domain": "development", "name": "%s"},
             "taskId": {"project": "%s", "domain": "development", "name": "%s", "version": "v1"},
             "inputs": %s}
            """
                .formatted(project, run, project, task, inputs));
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
  }

  /** A child of {@code a0} whose spec is {@code spec}, e.g. {@code "condition": {...}}. */
  void enqueue(String project, String run, String name, String spec) {
    Reply reply =
        connect.call(
            ACTIONS + "Enqueue",
            """
            {"action": {"actionId": {"run": %s, "name": "%s"}, "parentActionName": "a0",
                        "inputUri": "s3://aloft/metadata/%s/development/%s/inputs",
                        "runOutputBase": "s3://aloft/metadata/%s/development/%s/",
                        %s}}
            """
                .formatted(runId(project, run), name, project, run, project, run, spec));
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
  }

  static String actionId(String project, String run, String action) {
    return "{\"run\": " + runId(project, run) + ", \"name\": \"" + action + "\"}";
  }

  static String container(String script) {
    return """
        {"type": "container", "container": {"args": ["sh", "-c", "%s"]}}"""
        .formatted(script.replace("\\", "\\\\").replace("\"", "\\\""));
  }

  JsonNode details(String project, String run, String action) {
    Reply reply =
        connect.call(
            RUNS + "GetActionDetails", "{\"actionId\": " + actionId(project, run, action) + "}");
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    return reply.body().get("details");
  }

  JsonNode awaitPhase(String project, String run, String action, String phase) {
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () -> {
              last[0] = details(project, run, action);
              assertThat(last[0].at("/status/phase").asString())
                  .as(last[0].toString())
                  .isEqualTo(phase);
            });
    return last[0];
  }
}
