package io.aloft.manager;

import static io.aloft.manager.ManagerTestSupport.createRun;
import static io.aloft.manager.ManagerTestSupport.deployTask;
import static io.aloft.manager.ManagerTestSupport.event;
import static io.aloft.manager.ManagerTestSupport.project;
import static io.aloft.manager.ManagerTestSupport.runId;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.manager.ConnectJson.Frame;
import io.aloft.manager.ConnectJson.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** The newcomer's tour, end to end through the Connect API against the embedded manager. */
class ManagerApiTest extends RunningManager {

  static final String PROJECTS = "/aloft.project.v1.ProjectService/";
  static final String TASKS = "/aloft.task.v1.TaskService/";
  static final String RUNS = "/aloft.run.v1.RunService/";
  static final String EVENTS = "/aloft.events.v1.EventsService/Record";

  ConnectJson connect;

  @BeforeEach
  void client() {
    connect = new ConnectJson(port);
  }

  @Test
  void givenProjectAndTask_WhenRunCreatedAndEventsRecorded_ThenWatchSeesEveryPhase() {
    assertThat(connect.call(PROJECTS + "CreateProject", project("tour")).status()).isEqualTo(200);
    assertThat(connect.call(TASKS + "DeployTask", deployTask("tour", "hello", "v1")).status())
        .isEqualTo(200);
    Reply run = connect.call(RUNS + "CreateRun", createRun("tour", "first-run", "hello", "v1"));
    assertThat(run.status()).isEqualTo(200);
    assertThat(run.body().at("/run/action/status/phase").asString())
        .isEqualTo("ACTION_PHASE_QUEUED");

    Flux<Frame> watch =
        connect.stream(RUNS + "WatchRunDetails", "{\"runId\": " + runId("tour", "first-run") + "}");
    StepVerifier.create(watch.map(ManagerApiTest::phaseOf))
        .expectNext("ACTION_PHASE_QUEUED")
        .then(() -> record("tour", "first-run", "a0", "ACTION_PHASE_RUNNING"))
        .expectNext("ACTION_PHASE_RUNNING")
        .then(() -> record("tour", "first-run", "a0", "ACTION_PHASE_SUCCEEDED"))
        .expectNext("ACTION_PHASE_SUCCEEDED")
        .expectNext("end")
        .expectComplete()
        .verify(Duration.ofSeconds(30));

    Reply details =
        connect.call(RUNS + "GetRunDetails", "{\"runId\": " + runId("tour", "first-run") + "}");
    assertThat(details.body().at("/details/action/attempts/0/phase").asString())
        .isEqualTo("ACTION_PHASE_SUCCEEDED");
  }

  @Test
  void givenSameRunCreatedTwice_ThenTheExistingRunIsReturned() {
    connect.call(PROJECTS + "CreateProject", project("twice"));
    connect.call(TASKS + "DeployTask", deployTask("twice", "t", "v1"));
    Reply first = connect.call(RUNS + "CreateRun", createRun("twice", "same", "t", "v1"));
    Reply second = connect.call(RUNS + "CreateRun", createRun("twice", "same", "t", "v1"));
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.body().at("/run/action/id")).isEqualTo(first.body().at("/run/action/id"));
  }

  @Test
  void givenRunWithChildren_WhenWatchingActions_ThenParentsComeFirstAndCountsAreLive() {
    connect.call(PROJECTS + "CreateProject", project("tree"));
    connect.call(TASKS + "DeployTask", deployTask("tree", "t", "v1"));
    connect.call(RUNS + "CreateRun", createRun("tree", "fan", "t", "v1"));
    record("tree", "fan", "a0", "ACTION_PHASE_RUNNING");
    for (String child : List.of("c1", "c2")) {
      Reply enqueued =
          connect.call(
              "/aloft.actions.v1.ActionsService/Enqueue",
              """
              {"action": {"actionId": {"run": %s, "name": "%s"}, "parentActionName": "a0",
                          "inputUri": "s3://aloft/in", "runOutputBase": "s3://aloft/out/",
                          "task": {"id": {"project": "tree", "domain": "development",
                                          "name": "t", "version": "v1"},
                                   "spec": {"taskTemplate": {"type": "external"},
                                            "shortName": "t"}}}}
              """
                  .formatted(runId("tree", "fan"), child));
      assertThat(enqueued.status()).as(enqueued.body().toString()).isEqualTo(200);
    }
    Flux<Frame> watch =
        connect.stream(RUNS + "WatchActions", "{\"runId\": " + runId("tree", "fan") + "}");
    StepVerifier.create(watch.flatMapIterable(ManagerApiTest::names))
        .expectNext("a0", "c1", "c2")
        .then(() -> record("tree", "fan", "c1", "ACTION_PHASE_SUCCEEDED"))
        .expectNext("a0") // its children's phase counts changed
        .expectNext("c1")
        .thenCancel()
        .verify(Duration.ofSeconds(30));
  }

  @Test
  void givenAWatchFromAPositionInHistory_ThenItReplaysTheRestAndFollowsLiveWithoutGapOrRepeat() {
    connect.call(PROJECTS + "CreateProject", project("seam"));
    connect.call(TASKS + "DeployTask", deployTask("seam", "t", "v1"));
    connect.call(RUNS + "CreateRun", createRun("seam", "r", "t", "v1"));
    record("seam", "r", "a0", "ACTION_PHASE_RUNNING");
    record("seam", "r", "a0", "ACTION_PHASE_RUNNING"); // a repeat: not a new event
    Reply history =
        connect.call(RUNS + "ListActionEvents", "{\"runId\": " + runId("seam", "r") + "}");
    List<Long> positions =
        history.body().get("events").valueStream().map(e -> e.get("position").asLong()).toList();
    assertThat(positions).hasSize(2);

    Flux<Long> watch =
        connect.stream(
                RUNS + "WatchActionEvents",
                "{\"runId\": "
                    + runId("seam", "r")
                    + ", \"afterPosition\": "
                    + positions.get(0)
                    + "}")
            .filter(frame -> !frame.endOfStream())
            .flatMapIterable(frame -> frame.body().get("events").valueStream().toList())
            .map(event -> event.get("position").asLong());
    List<Long> seen = new ArrayList<>();
    StepVerifier.create(watch.doOnNext(seen::add))
        .expectNext(positions.get(1)) // the rest of the history
        .then(() -> record("seam", "r", "a0", "ACTION_PHASE_SUCCEEDED"))
        .assertNext(live -> assertThat(live).isGreaterThan(positions.get(1)))
        .thenCancel()
        .verify(Duration.ofSeconds(30));
    assertThat(seen).doesNotHaveDuplicates().isSorted();
  }

  private void record(String project, String run, String action, String phase) {
    Reply reply =
        connect.call(EVENTS, "{\"events\": [" + event(project, run, action, phase, 0) + "]}");
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
  }

  private static String phaseOf(Frame frame) {
    return frame.endOfStream() ? "end" : frame.body().at("/details/action/status/phase").asString();
  }

  private static List<String> names(Frame frame) {
    if (frame.endOfStream()) {
      return List.of("end");
    }
    return frame
        .body()
        .get("enrichedActions")
        .valueStream()
        .map(e -> e.at("/action/id/name").asString())
        .toList();
  }
}
