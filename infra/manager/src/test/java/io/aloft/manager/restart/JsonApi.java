package io.aloft.manager.restart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A blocking Connect client with JSON bodies (unary calls only), for a manager in another process.
 * A call to a manager that is down fails with {@link UncheckedIOException}.
 */
final class JsonApi {

  static final JsonMapper JSON = JsonMapper.builder().build();

  static final String PROJECTS = "/aloft.project.v1.ProjectService/";
  static final String TASKS = "/aloft.task.v1.TaskService/";
  static final String RUNS = "/aloft.run.v1.RunService/";
  static final String ACTIONS = "/aloft.actions.v1.ActionsService/";

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final String base;

  JsonApi(int port) {
    this.base = "http://localhost:" + port;
  }

  record Reply(int status, JsonNode body) {
    boolean ok() {
      return status == 200;
    }
  }

  Reply call(String path, String json) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(40))
            .header("Content-Type", "application/json")
            .header("Connect-Protocol-Version", "1")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      String body = response.body() == null || response.body().isBlank() ? "{}" : response.body();
      return new Reply(response.statusCode(), JSON.readTree(body));
    } catch (IOException e) {
      throw new UncheckedIOException(path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The call's reply, failing the test unless it is 200. */
  JsonNode require(String path, String json) {
    Reply reply = call(path, json);
    if (!reply.ok()) {
      throw new AssertionError(path + " answered " + reply.status() + ": " + reply.body());
    }
    return reply.body();
  }

  static String runId(String project, String run) {
    return """
        {"project": "%s", "domain": "development", "name": "%s"}"""
        .formatted(project, run);
  }

  static String actionId(String project, String run, String action) {
    return "{\"run\": " + runId(project, run) + ", \"name\": \"" + action + "\"}";
  }

  /** A JSON string literal. */
  static String quote(String text) {
    return JSON.writeValueAsString(text);
  }
}
