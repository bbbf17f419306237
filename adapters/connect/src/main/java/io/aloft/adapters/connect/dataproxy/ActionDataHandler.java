package io.aloft.adapters.connect.dataproxy;

import io.aloft.adapters.connect.mapping.Fields;
import io.aloft.adapters.connect.mapping.Ids;
import io.aloft.adapters.connect.mapping.ProtoBytes;
import io.aloft.adapters.connect.protocol.CallContext;
import io.aloft.application.data.ActionData;
import io.aloft.application.data.ActionDataReader;
import io.aloft.proto.core.v1.Inputs;
import io.aloft.proto.core.v1.Outputs;
import io.aloft.proto.dataproxy.v1.GetActionDataRequest;
import io.aloft.proto.dataproxy.v1.GetActionDataResponse;
import reactor.core.publisher.Mono;

/**
 * GetActionData. The stored {@code inputs.pb} and {@code outputs.pb} are the API's {@code Inputs}
 * and {@code Outputs} messages, so they are parsed as they are; both fields are always set.
 */
public final class ActionDataHandler {

  private final ActionDataReader reader;

  public ActionDataHandler(ActionDataReader reader) {
    this.reader = reader;
  }

  public Mono<GetActionDataResponse> getActionData(
      GetActionDataRequest request, CallContext context) {
    return Mono.defer(
            () -> {
              Fields.require(request.hasActionId(), "action_id");
              return reader.read(Ids.actionId(request.getActionId(), "action_id"));
            })
        .map(ActionDataHandler::response);
  }

  static GetActionDataResponse response(ActionData data) {
    return GetActionDataResponse.newBuilder()
        .setInputs(
            ProtoBytes.parseStored(
                Inputs.parser(), data.inputs().toArray(), "inputs (aloft.core.v1.Inputs)"))
        .setOutputs(
            ProtoBytes.parseStored(
                Outputs.parser(), data.outputs().toArray(), "outputs (aloft.core.v1.Outputs)"))
        .build();
  }
}
