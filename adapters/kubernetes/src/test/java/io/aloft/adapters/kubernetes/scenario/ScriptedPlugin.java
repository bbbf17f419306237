package io.aloft.adapters.kubernetes.scenario;

import io.aloft.application.port.plugin.PluginContext;
import io.aloft.application.port.plugin.TaskPlugin;
import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.execution.PluginReport;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.support.Bytes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A task plugin the test scripts: each call's report comes from a function of the context (which
 * attempt, which restart, how many calls so far). It records its calls and aborts, and notices when
 * one TaskAction is handled by two passes at once.
 */
final class ScriptedPlugin implements TaskPlugin {

  static final String TYPE = "scripted";

  /** One call: the context and how many calls came before it for this TaskAction. */
  record Call(PluginContext context, int earlier) {
    int attempt() {
      return context.attempt();
    }

    int systemFailures() {
      return context.systemFailures();
    }
  }

  private final Function<Call, PluginReport> script;
  private final Map<ActionId, List<Call>> calls = new ConcurrentHashMap<>();
  private final Map<ActionId, List<String>> aborts = new ConcurrentHashMap<>();
  private final Map<ActionId, AtomicInteger> inFlight = new ConcurrentHashMap<>();
  private final AtomicBoolean overlapped = new AtomicBoolean();

  ScriptedPlugin(Function<Call, PluginReport> script) {
    this.script = script;
  }

  /** Succeeds at once. */
  static ScriptedPlugin succeeding() {
    return new ScriptedPlugin(call -> success());
  }

  @Override
  public Set<String> taskTypes() {
    return Set.of(TYPE);
  }

  @Override
  public Mono<PluginReport> handle(PluginContext context) {
    ActionId id = context.spec().action();
    AtomicInteger running = inFlight.computeIfAbsent(id, k -> new AtomicInteger());
    return Mono.fromCallable(
            () -> {
              if (running.incrementAndGet() > 1) {
                overlapped.set(true);
              }
              List<Call> past = calls.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>());
              Call call = new Call(context, past.size());
              past.add(call);
              return script.apply(call);
            })
        .subscribeOn(Schedulers.boundedElastic())
        // Holds the pass open a moment, so two passes of one TaskAction would meet here.
        .delayElement(Duration.ofMillis(2))
        .doFinally(signal -> running.decrementAndGet());
  }

  @Override
  public Mono<Void> abort(PluginContext context, String reason) {
    return Mono.fromRunnable(
        () ->
            aborts
                .computeIfAbsent(context.spec().action(), k -> new CopyOnWriteArrayList<>())
                .add(reason));
  }

  List<Call> calls(ActionId id) {
    return calls.getOrDefault(id, List.of());
  }

  List<String> aborts(ActionId id) {
    return aborts.getOrDefault(id, List.of());
  }

  /** Whether any TaskAction was ever handled by two passes at once. */
  boolean overlapped() {
    return overlapped.get();
  }

  static PluginReport success() {
    return PluginReport.succeeded(Bytes.EMPTY, List.of(), null);
  }

  static PluginReport running(Duration recheckAfter) {
    return PluginReport.running(Bytes.of(new byte[] {1}), List.of(), recheckAfter);
  }

  static PluginReport userFailure(String code) {
    return PluginReport.failed(true, Bytes.EMPTY, List.of(), error(code, ErrorKind.USER));
  }

  static PluginReport systemFailure(String code) {
    return PluginReport.failed(true, Bytes.EMPTY, List.of(), error(code, ErrorKind.SYSTEM));
  }

  static PluginReport permanentFailure(String code) {
    return PluginReport.failed(false, Bytes.EMPTY, List.of(), error(code, ErrorKind.USER));
  }

  private static ExecutionError error(String code, ErrorKind kind) {
    return new ExecutionError(code, code + " in the scripted task", kind, null, Instant.now());
  }
}
