package io.aloft.adapters.local.instant;

import io.aloft.application.port.codec.LiteralCodec;
import io.aloft.application.port.plugin.PluginContext;
import io.aloft.application.port.plugin.TaskPlugin;
import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.execution.AttemptPaths;
import io.aloft.domain.execution.PluginReport;
import io.aloft.domain.literal.Outputs;
import io.aloft.domain.support.Bytes;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Task type {@code echo}: succeeds at once with its inputs as its outputs (same names, same
 * values). It exercises the whole data path without running a process.
 */
public final class EchoPlugin implements TaskPlugin {

  private final DataStore store;
  private final LiteralCodec codec;

  public EchoPlugin(DataStore store, LiteralCodec codec) {
    this.store = store;
    this.codec = codec;
  }

  @Override
  public Set<String> taskTypes() {
    return Set.of("echo");
  }

  /** Each attempt ends within its one call, so there is nothing for a finalizer to guard. */
  @Override
  public boolean leavesWorkBehind() {
    return false;
  }

  @Override
  public Mono<PluginReport> handle(PluginContext context) {
    String outputsFile = AttemptPaths.outputsFile(context.outputPrefix());
    return store
        .get(StorageUri.parse(context.inputsFile()))
        .map(bytes -> codec.encodeOutputs(new Outputs(codec.decodeInputs(bytes).literals())))
        .flatMap(outputs -> store.put(StorageUri.parse(outputsFile), outputs, PutOptions.none()))
        .thenReturn(PluginReport.succeeded(Bytes.EMPTY, List.of(), outputsFile));
  }

  @Override
  public Mono<Void> abort(PluginContext context, String reason) {
    return Mono.empty();
  }
}
