package io.aloft.application.execution;

import io.aloft.application.port.plugin.PluginContext;
import io.aloft.domain.execution.AttemptPaths;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.execution.TaskActionStatus;
import io.aloft.domain.execution.TaskTemplate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds what a plugin gets for an attempt: paths, environment, deadline. */
final class PluginContexts {

  private final ExecutionSettings settings;

  PluginContexts(ExecutionSettings settings) {
    this.settings = settings;
  }

  PluginContext of(
      TaskActionSpec spec, TaskActionStatus status, TaskTemplate template, Runnable wakeUp) {
    String prefix = outputPrefix(spec, status.attempts());
    Instant deadline =
        status.attemptStartedAt() == null
            ? null
            : template.timeoutIfSet().map(status.attemptStartedAt()::plus).orElse(null);
    return new PluginContext(
        spec,
        template,
        status.attempts(),
        status.systemFailures(),
        status.pluginState(),
        AttemptPaths.inputsFile(spec.inputUri()),
        prefix,
        rawOutputPrefix(spec, status.attempts(), prefix),
        environment(spec, status.attempts()),
        deadline,
        wakeUp);
  }

  String outputPrefix(TaskActionSpec spec, int attempt) {
    return AttemptPaths.outputPrefix(
        spec.runOutputBase(),
        settings.namespace(),
        spec.resourceName(),
        spec.action().name(),
        attempt);
  }

  /**
   * Where the attempt writes raw data (files, directories, dataframes): its own folder under the
   * run's raw data prefix when the run has one, else below the attempt's outputs.
   */
  String rawOutputPrefix(TaskActionSpec spec, int attempt, String outputPrefix) {
    if (spec.rawDataPrefix() == null || spec.rawDataPrefix().isBlank()) {
      return outputPrefix + "/raw";
    }
    return AttemptPaths.rawDataPrefix(spec.rawDataPrefix(), settings.namespace(), spec, attempt);
  }

  /** The variables every task process sees; the spec's own come last and win. */
  private Map<String, String> environment(TaskActionSpec spec, int attempt) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("ACTION_NAME", spec.action().name());
    env.put("RUN_NAME", spec.action().run().name());
    env.put("ALOFT_PROJECT", spec.action().run().scope().project().name());
    env.put("ALOFT_DOMAIN", spec.action().run().scope().domain().name());
    env.put("ALOFT_ATTEMPT", Integer.toString(attempt));
    env.put("ALOFT_ENDPOINT", settings.endpoint());
    env.put("_U_EP_OVERRIDE", settings.endpoint());
    env.put("_U_RUN_BASE", spec.runOutputBase());
    if (spec.parent() != null) {
      env.put("ALOFT_PARENT_ACTION", spec.parent().name());
    }
    env.putAll(spec.envVars());
    return env;
  }
}
