package io.aloft.application.port.execution;

import io.aloft.domain.execution.ConditionSpec;
import io.aloft.domain.execution.TaskTemplate;
import io.aloft.domain.support.Bytes;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes the stored spec of an action (its wire format is the API's protobuf). Each method throws
 * {@link io.aloft.domain.error.InvalidArgument} naming what is wrong when the bytes do not hold a
 * usable spec, so the controller can fail the action with that message.
 */
public interface ActionSpecReader {

  /** The template of a TASK action's TaskSpec. */
  TaskTemplate taskTemplate(Bytes taskSpec);

  /**
   * The declared interface of a TASK action's template, in its wire format: what a copilot outside
   * this process (a pod's upload step) is told on its command line, base64-encoded.
   */
  Bytes taskInterface(Bytes taskSpec);

  /** The condition of a CONDITION action's ConditionAction. */
  ConditionSpec condition(Bytes conditionAction);

  /**
   * The environment variables a run's RunSpec gives every action of the run, in order; empty for an
   * empty spec.
   */
  Map<String, String> runEnvironment(Bytes runSpec);

  /** The logical start time a run's RunSpec sets, if it sets one. */
  Optional<Instant> runStartTime(Bytes runSpec);

  /**
   * The raw data prefix a run's RunSpec sets ({@code raw_data_storage.raw_data_prefix}), under
   * which each action attempt gets its own folder; empty for an empty spec or an unset prefix.
   */
  Optional<String> rawDataPrefix(Bytes runSpec);

  /**
   * The TaskSpec with {@code {{.runStartTime}}} in its container args replaced by {@code startTime}
   * as RFC 3339 in UTC, to the second (as the reference does when it creates a TaskAction); the
   * same bytes when there is nothing to replace.
   */
  Bytes withRunStartTime(Bytes taskSpec, Instant startTime);
}
