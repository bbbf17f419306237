package io.aloft.manager;

import io.aloft.application.port.plugin.PluginContext;
import io.aloft.application.port.plugin.TaskPlugin;
import io.aloft.domain.execution.PluginPhase;
import io.aloft.domain.execution.PluginReport;
import io.aloft.domain.support.Bytes;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Mono;

/**
 * Task type {@code external}: work some other executor does and reports through
 * EventsService.Record. The plugin never reports anything itself, so tests drive the phases. It
 * also shows what registering a plugin takes: one class and one bean.
 */
final class ExternalPlugin implements TaskPlugin {

  @TestConfiguration(proxyBeanMethods = false)
  static class Registration {
    @Bean
    ExternalPlugin externalPlugin() {
      return new ExternalPlugin();
    }
  }

  @Override
  public Set<String> taskTypes() {
    return Set.of("external");
  }

  @Override
  public Mono<PluginReport> handle(PluginContext context) {
    return Mono.just(
        new PluginReport(
            PluginPhase.NOT_READY, Bytes.EMPTY, List.of(), null, null, Duration.ofHours(1)));
  }

  @Override
  public Mono<Void> abort(PluginContext context, String reason) {
    return Mono.empty();
  }
}
