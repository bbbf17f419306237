package io.aloft.application.port.plugin;

import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.execution.TaskTemplate;
import io.aloft.domain.support.Bytes;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a plugin gets for one attempt.
 *
 * @param spec the TaskAction's spec
 * @param template the decoded task template
 * @param attempt the attempt number, from 1
 * @param systemFailures how many times this attempt was restarted after a system failure; a plugin
 *     gives each restart fresh resources (working directory, pod) so leftovers cannot interfere
 * @param state the plugin's state from its previous report for this attempt; empty at first
 * @param inputsFile the URI of the attempt's {@code inputs.pb}
 * @param outputPrefix where the attempt writes {@code outputs.pb} (no trailing slash)
 * @param rawOutputPrefix where the attempt writes its raw data (blobs), unique per attempt
 * @param environment variables every task process gets (ACTION_NAME, RUN_NAME, the attempt, the
 *     endpoint...), already merged with the spec's own
 * @param deadline nullable: when the controller will time the attempt out
 * @param wakeUp call it when the work changed (e.g. the process exited) to be handled promptly
 */
public record PluginContext(
    TaskActionSpec spec,
    TaskTemplate template,
    int attempt,
    int systemFailures,
    Bytes state,
    String inputsFile,
    String outputPrefix,
    String rawOutputPrefix,
    Map<String, String> environment,
    Instant deadline,
    Runnable wakeUp) {

  public PluginContext {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(inputsFile, "inputsFile");
    Objects.requireNonNull(outputPrefix, "outputPrefix");
    Objects.requireNonNull(rawOutputPrefix, "rawOutputPrefix");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(wakeUp, "wakeUp");
  }

  /** A name unique to this attempt and restart, e.g. for a working directory or pod. */
  public String attemptName() {
    return spec.resourceName()
        + "-"
        + (attempt - 1)
        + (systemFailures > 0 ? "-r" + systemFailures : "");
  }
}
