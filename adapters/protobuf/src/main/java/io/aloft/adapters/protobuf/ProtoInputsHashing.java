package io.aloft.adapters.protobuf;

import io.aloft.application.port.codec.InputsHashing;
import io.aloft.domain.support.Bytes;
import io.aloft.proto.core.v1.Inputs;
import io.aloft.proto.task.v1.TaskSpec;
import java.util.List;

/** {@link InputsHashing} over the API's {@code Inputs} and {@code TaskSpec} messages. */
public final class ProtoInputsHashing implements InputsHashing {

  @Override
  public List<String> cacheIgnoredInputs(Bytes taskSpec) {
    TaskSpec spec =
        ProtoBytes.parse(
            TaskSpec.parser(), taskSpec.toArray(), "task spec (aloft.task.v1.TaskSpec)");
    return List.copyOf(spec.getTaskTemplate().getMetadata().getCacheIgnoreInputVarsList());
  }

  @Override
  public byte[] hashedForm(Bytes inputs, List<String> ignored) {
    Inputs parsed =
        ProtoBytes.parse(Inputs.parser(), inputs.toArray(), "inputs (aloft.core.v1.Inputs)");
    if (ignored.isEmpty()) {
      return ProtoBytes.deterministic(parsed);
    }
    Inputs.Builder kept = Inputs.newBuilder();
    parsed.getLiteralsList().stream()
        .filter(literal -> !ignored.contains(literal.getName()))
        .forEach(kept::addLiterals);
    return ProtoBytes.deterministic(kept.build());
  }
}
