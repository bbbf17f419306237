package io.aloft.adapters.connect.run;

import io.aloft.adapters.connect.mapping.Fields;
import io.aloft.adapters.connect.mapping.Ids;
import io.aloft.adapters.connect.mapping.ProtoBytes;
import io.aloft.adapters.connect.protocol.CallContext;
import io.aloft.application.signal.SignalUseCase;
import io.aloft.domain.id.ActionId;
import io.aloft.proto.core.v1.Literal;
import io.aloft.proto.core.v1.Primitive;
import io.aloft.proto.core.v1.Scalar;
import io.aloft.proto.run.v1.SignalEventRequest;
import io.aloft.proto.run.v1.SignalEventResponse;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** SignalEvent: gives a condition action its value, one of the four simple types. */
public final class SignalEventHandler {

  /** Condition values are answers (approvals, numbers, short text), not data sets. */
  static final int MAX_STRING_VALUE = 64 * 1024;

  private final SignalUseCase signal;

  public SignalEventHandler(SignalUseCase signal) {
    this.signal = signal;
  }

  public Mono<SignalEventResponse> signalEvent(SignalEventRequest request, CallContext context) {
    return Mono.defer(
            () -> {
              Fields.require(request.hasActionId(), "action_id");
              ActionId action = Ids.actionId(request.getActionId(), "action_id");
              String parent = parent(request.getParentActionName(), action);
              byte[] value = ProtoBytes.deterministic(value(request));
              return signal.signal(action, parent, value);
            })
        .thenReturn(SignalEventResponse.getDefaultInstance());
  }

  /** Empty means "the action's own parent"; otherwise it must be a valid action name. */
  static @Nullable String parent(String name, ActionId action) {
    if (name.isEmpty()) {
      return null;
    }
    return Ids.actionName(action.run(), name, "parent_action_name").name();
  }

  private static Literal value(SignalEventRequest request) {
    Primitive.Builder primitive = Primitive.newBuilder();
    switch (request.getValueCase()) {
      case BOOL_VALUE -> primitive.setBoolean(request.getBoolValue());
      case INT_VALUE -> primitive.setInteger(request.getIntValue());
      case FLOAT_VALUE -> primitive.setFloatValue(request.getFloatValue());
      case STRING_VALUE ->
          primitive.setStringValue(
              Fields.maxLength(request.getStringValue(), MAX_STRING_VALUE, "string_value"));
      case VALUE_NOT_SET ->
          throw Fields.missing("a value (bool_value, int_value, float_value or string_value)");
    }
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setPrimitive(primitive)).build();
  }
}
