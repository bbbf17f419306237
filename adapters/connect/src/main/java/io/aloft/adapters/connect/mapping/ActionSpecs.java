package io.aloft.adapters.connect.mapping;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.aloft.application.port.query.ActionView;
import io.aloft.domain.action.ActionType;
import io.aloft.proto.run.v1.ConditionAction;
import io.aloft.proto.run.v1.TraceAction;
import io.aloft.proto.task.v1.TaskSpec;
import org.jspecify.annotations.Nullable;

/**
 * The opaque spec bytes of an action, by action type: a TASK action stores its {@code TaskSpec} (as
 * CreateRun does for the root action), a TRACE action its {@code TraceAction} and a CONDITION
 * action its {@code ConditionAction}. Encoding and decoding live together so they cannot drift.
 */
public final class ActionSpecs {

  private ActionSpecs() {}

  public static byte[] encode(Message spec) {
    return ProtoBytes.deterministic(spec);
  }

  public static @Nullable TaskSpec task(ActionView view) {
    return view.type() == ActionType.TASK ? parse(view, TaskSpec.parser()) : null;
  }

  public static @Nullable TraceAction trace(ActionView view) {
    return view.type() == ActionType.TRACE ? parse(view, TraceAction.parser()) : null;
  }

  public static @Nullable ConditionAction condition(ActionView view) {
    return view.type() == ActionType.CONDITION ? parse(view, ConditionAction.parser()) : null;
  }

  /**
   * Null when there is no spec, or when the stored bytes do not parse: such an action (written by a
   * buggy client, and failed by the executor as InvalidSpec) is still shown, without its spec.
   */
  private static <T extends Message> @Nullable T parse(ActionView view, Parser<T> parser) {
    byte[] spec = view.spec();
    if (spec == null) {
      return null;
    }
    try {
      return parser.parseFrom(spec);
    } catch (InvalidProtocolBufferException corrupt) {
      return null;
    }
  }
}
