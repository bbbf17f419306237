package io.aloft.manager.replay;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Pages through RunService.ListActionEvents over Connect JSON, oldest event first. */
final class EventPages {

  private static final String METHOD = "/aloft.run.v1.RunService/ListActionEvents";
  private static final int PAGE = 200;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String url;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  EventPages(String url) {
    this.url = url;
  }

  /** Why the history could not be read: not found, refused, or unreachable. */
  static final class Failure extends RuntimeException {
    Failure(String message) {
      super(message);
    }
  }

  void forEach(String run, Consumer<JsonNode> onEvent) {
    String token = "";
    do {
      JsonNode page = call(run, token);
      page.path("events").forEach(onEvent);
      token = page.path("token").asString("");
    } while (!token.isEmpty());
  }

  private JsonNode call(String run, String token) {
    String body = "{\"runId\": %s, \"limit\": %d, \"token\": \"%s\"}".formatted(run, PAGE, token);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url + METHOD))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Connect-Protocol-Version", "1")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new Failure("cannot reach the manager at " + url + " (" + e + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure("interrupted");
    }
    JsonNode reply = JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
    if (response.statusCode() != 200) {
      throw new Failure(
          reply.path("message").asString("the manager answered HTTP " + response.statusCode()));
    }
    return reply;
  }
}
