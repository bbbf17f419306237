package io.aloft.adapters.kubernetes.pod;

import io.aloft.application.port.codec.LiteralCodec;
import io.aloft.application.port.plugin.PluginContext;
import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.execution.AttemptPaths;
import java.time.Clock;
import reactor.core.publisher.Mono;

/**
 * What a succeeded pod left in storage. The pod's copilot records a data failure in {@code
 * errors.pb} and exits 0 (as the reference's does), so a pod's success is only the attempt's
 * success once the outputs are there: {@code errors.pb} is the attempt's (retryable) error; a task
 * declaring outputs with no {@code outputs.pb} written is a retryable SYSTEM failure.
 */
final class PodOutputs {

  /**
   * The outcome: the outputs file (null when the task declares none) and the report the copilot
   * stored beside it (null when the task wrote none), or the error.
   */
  record Outcome(String outputsFile, String reportFile, ExecutionError error) {

    Outcome(String outputsFile, ExecutionError error) {
      this(outputsFile, null, error);
    }

    Outcome withReport(String report) {
      return new Outcome(outputsFile, report, error);
    }
  }

  private final DataStore data;
  private final LiteralCodec codec;
  private final Clock clock;

  PodOutputs(DataStore data, LiteralCodec codec, Clock clock) {
    this.data = data;
    this.codec = codec;
    this.clock = clock;
  }

  Mono<Outcome> check(PluginContext context) {
    String errors = AttemptPaths.errorFile(context.outputPrefix());
    String outputs = AttemptPaths.outputsFile(context.outputPrefix());
    return data.get(StorageUri.parse(errors))
        .map(bytes -> new Outcome(null, completed(codec.decodeError(bytes))))
        .switchIfEmpty(
            data.head(StorageUri.parse(outputs))
                .map(found -> new Outcome(outputs, null))
                .switchIfEmpty(Mono.fromSupplier(() -> missing(context, outputs)))
                .flatMap(outcome -> withReport(outcome, context)));
  }

  /** A successful outcome names the report, when the copilot stored one. */
  private Mono<Outcome> withReport(Outcome outcome, PluginContext context) {
    if (outcome.error() != null) {
      return Mono.just(outcome);
    }
    String report = AttemptPaths.reportFile(context.outputPrefix());
    return data.head(StorageUri.parse(report))
        .map(found -> outcome.withReport(report))
        .defaultIfEmpty(outcome);
  }

  private Outcome missing(PluginContext context, String outputs) {
    if (context.template().iface().outputs().isEmpty()) {
      return new Outcome(null, null);
    }
    return new Outcome(
        null,
        new ExecutionError(
            "OutputUploadFailed",
            "the pod succeeded but wrote no " + outputs + " for the declared outputs",
            ErrorKind.SYSTEM,
            null,
            clock.instant()));
  }

  /** The copilot's error with its kind kept (download: SYSTEM; rejected outputs: USER). */
  private ExecutionError completed(ExecutionError error) {
    return new ExecutionError(
        error.code().isEmpty() ? "OutputsRejected" : error.code(),
        error.message(),
        error.kind(),
        error.errorUri(),
        error.timestamp() == null ? clock.instant() : error.timestamp());
  }
}
