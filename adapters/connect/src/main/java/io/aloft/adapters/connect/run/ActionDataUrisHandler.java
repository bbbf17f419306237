package io.aloft.adapters.connect.run;

import io.aloft.adapters.connect.mapping.Fields;
import io.aloft.adapters.connect.mapping.Ids;
import io.aloft.adapters.connect.protocol.CallContext;
import io.aloft.application.data.ActionDataLocations;
import io.aloft.application.data.ActionDataReader;
import io.aloft.proto.run.v1.GetActionDataURIsRequest;
import io.aloft.proto.run.v1.GetActionDataURIsResponse;
import reactor.core.publisher.Mono;

/**
 * GetActionDataURIs: where an action's inputs and outputs are; a location not known (yet) is the
 * empty string.
 */
public final class ActionDataUrisHandler {

  private final ActionDataReader reader;

  public ActionDataUrisHandler(ActionDataReader reader) {
    this.reader = reader;
  }

  public Mono<GetActionDataURIsResponse> getActionDataUris(
      GetActionDataURIsRequest request, CallContext context) {
    return Mono.defer(
            () -> {
              Fields.require(request.hasActionId(), "action_id");
              return reader.locations(Ids.actionId(request.getActionId(), "action_id"));
            })
        .map(ActionDataUrisHandler::response);
  }

  static GetActionDataURIsResponse response(ActionDataLocations where) {
    GetActionDataURIsResponse.Builder response = GetActionDataURIsResponse.newBuilder();
    if (where.inputsUri() != null) {
      response.setInputsUri(where.inputsUri());
    }
    if (where.outputsUri() != null) {
      response.setOutputsUri(where.outputsUri());
    }
    return response.build();
  }
}
