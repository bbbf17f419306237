package io.aloft.adapters.local.instant;

import io.aloft.application.port.plugin.PluginContext;
import io.aloft.application.port.plugin.TaskPlugin;
import io.aloft.domain.execution.PluginReport;
import io.aloft.domain.support.Bytes;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Task type {@code noop}: succeeds at once without touching storage or starting anything. It
 * measures the control plane alone (benchmarks) and stands in for real work in tests.
 */
public final class NoopPlugin implements TaskPlugin {

  @Override
  public Set<String> taskTypes() {
    return Set.of("noop");
  }

  /** Each attempt ends within its one call, so there is nothing for a finalizer to guard. */
  @Override
  public boolean leavesWorkBehind() {
    return false;
  }

  @Override
  public Mono<PluginReport> handle(PluginContext context) {
    return Mono.just(PluginReport.succeeded(Bytes.EMPTY, List.of(), null));
  }

  @Override
  public Mono<Void> abort(PluginContext context, String reason) {
    return Mono.empty();
  }
}
