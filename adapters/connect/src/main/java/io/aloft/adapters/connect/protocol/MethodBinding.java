package io.aloft.adapters.connect.protocol;

import com.google.protobuf.Message;

/**
 * One registered method: its procedure path, the prototype its request is parsed into, and its
 * handler. The handler types are erased here; the builder guarantees that the request passed to a
 * handler was parsed with that handler's own prototype.
 */
sealed interface MethodBinding {

  /** The URL path of the method, {@code /<package.Service>/<Method>}. */
  String procedure();

  Message requestPrototype();

  record Unary(String procedure, Message requestPrototype, UnaryHandler<Message, Message> handler)
      implements MethodBinding {}

  record ServerStream(
      String procedure, Message requestPrototype, StreamHandler<Message, Message> handler)
      implements MethodBinding {}
}
