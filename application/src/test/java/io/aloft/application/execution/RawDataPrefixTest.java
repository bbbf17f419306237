package io.aloft.application.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.application.port.execution.ActionSpecReader;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.action.CreateAction;
import io.aloft.domain.action.TaskRef;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.execution.AttemptPaths;
import io.aloft.domain.execution.ConditionSpec;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.execution.TaskTemplate;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import io.aloft.domain.id.TaskId;
import io.aloft.domain.support.Bytes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Where an attempt's raw data goes: the RunSpec's prefix, else the configured one, else outputs.
 */
class RawDataPrefixTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final ActionId ROOT = ActionId.root(RunId.of("p", "development", "r1"));
  private static final String CONFIGURED = "s3://aloft/configured-raw";
  private static final ActionSpecReader SPECS = new PrefixOnlySpecReader();
  private static final PluginContexts CONTEXTS =
      new PluginContexts(ExecutionSettings.defaults("http://localhost:8090"));

  @Test
  void givenARunSpecWithARawDataPrefix_WhenDefaultsAreRead_ThenItWinsOverTheConfiguredOne() {
    RunDefaults run = RunDefaults.of(SPECS, ROOT, runSpec("s3://other/raw"), NOW, CONFIGURED);

    assertThat(run.rawDataPrefix()).isEqualTo("s3://other/raw");
  }

  @Test
  void givenARunSpecWithoutARawDataPrefix_WhenDefaultsAreRead_ThenTheConfiguredOneApplies() {
    assertThat(RunDefaults.of(SPECS, ROOT, new byte[0], NOW, CONFIGURED).rawDataPrefix())
        .isEqualTo(CONFIGURED);
    assertThat(RunDefaults.of(SPECS, ROOT, null, NOW, null).rawDataPrefix()).isNull();
  }

  @Test
  void givenAnUnreadableRunSpec_WhenDefaultsAreRead_ThenTheConfiguredOneApplies() {
    RunDefaults run = RunDefaults.of(SPECS, ROOT, runSpec("corrupt"), NOW, CONFIGURED);

    assertThat(run.rawDataPrefix()).isEqualTo(CONFIGURED);
    assertThat(run.environment()).isEmpty();
  }

  @Test
  void givenRunDefaults_WhenTheTaskActionIsBuilt_ThenItCarriesTheRunsRawDataPrefix() {
    ActionId child = new ActionId(ROOT.run(), "child-1");
    RunDefaults run = new RunDefaults(Map.of(), NOW, "s3://other/raw");

    TaskActionSpec spec = TaskActionSpecs.of(create(child, ROOT), run, SPECS);

    assertThat(spec.rawDataPrefix()).isEqualTo("s3://other/raw");
  }

  @Test
  void givenASpecWithoutRawDataPrefix_WhenTheContextIsBuilt_ThenRawDataGoesBelowTheOutputs() {
    TaskActionSpec spec = spec(null);
    String outputs = CONTEXTS.outputPrefix(spec, 2);

    assertThat(CONTEXTS.rawOutputPrefix(spec, 2, outputs)).isEqualTo(outputs + "/raw");
  }

  @Test
  void givenASpecWithARawDataPrefix_WhenTheContextIsBuilt_ThenEachAttemptGetsItsOwnFolder() {
    TaskActionSpec spec = spec("s3://other/raw/");
    String outputs = CONTEXTS.outputPrefix(spec, 1);

    String first = CONTEXTS.rawOutputPrefix(spec, 1, outputs);
    String second = CONTEXTS.rawOutputPrefix(spec, 2, outputs);

    assertThat(first)
        .isEqualTo(AttemptPaths.rawDataPrefix("s3://other/raw", "aloft", spec, 1))
        .matches("s3://other/[a-z0-9]{2}/raw/p/development/r1/a0/1");
    assertThat(second).endsWith("/raw/p/development/r1/a0/2");
  }

  private static TaskActionSpec spec(String rawDataPrefix) {
    return new TaskActionSpec(
        ROOT,
        null,
        ActionType.TASK,
        "s3://aloft/in",
        "s3://aloft/p/development/r1",
        "container",
        "t",
        Bytes.of(new byte[] {1}),
        null,
        null,
        Map.of(),
        NOW,
        rawDataPrefix);
  }

  private static CreateAction create(ActionId id, ActionId parent) {
    return new CreateAction(
        id,
        parent,
        ActionType.TASK,
        new TaskRef(TaskId.of("p", "development", "t", "v1"), "container", "t", null),
        "s3://aloft/in",
        "s3://aloft/out",
        null,
        new byte[] {1},
        null,
        null,
        null,
        null,
        NOW);
  }

  private static byte[] runSpec(String rawDataPrefix) {
    return rawDataPrefix.getBytes(StandardCharsets.UTF_8);
  }

  /** A RunSpec here is just its raw data prefix; "corrupt" cannot be read. */
  private static final class PrefixOnlySpecReader implements ActionSpecReader {

    @Override
    public TaskTemplate taskTemplate(Bytes taskSpec) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Bytes taskInterface(Bytes taskSpec) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ConditionSpec condition(Bytes conditionAction) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, String> runEnvironment(Bytes runSpec) {
      return Map.of();
    }

    @Override
    public Optional<Instant> runStartTime(Bytes runSpec) {
      return Optional.empty();
    }

    @Override
    public Optional<String> rawDataPrefix(Bytes runSpec) {
      String text = new String(runSpec.toArray(), StandardCharsets.UTF_8);
      if (text.equals("corrupt")) {
        throw new InvalidArgument("run spec is corrupt");
      }
      return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    @Override
    public Bytes withRunStartTime(Bytes taskSpec, Instant startTime) {
      return taskSpec;
    }
  }
}
