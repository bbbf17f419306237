package io.aloft.adapters.protobuf;

import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.literal.Inputs;
import io.aloft.domain.literal.NamedLiteral;
import io.aloft.domain.literal.Outputs;
import io.aloft.proto.core.v1.KeyValuePair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The content of inputs.pb and outputs.pb between the domain and the proto. */
final class IoMessages {

  private IoMessages() {}

  static io.aloft.proto.core.v1.Inputs toProto(Inputs inputs) {
    var proto = io.aloft.proto.core.v1.Inputs.newBuilder();
    inputs.literals().forEach(literal -> proto.addLiterals(toProto(literal)));
    inputs
        .context()
        .forEach(
            (key, value) ->
                proto.addContext(KeyValuePair.newBuilder().setKey(key).setValue(value)));
    return proto.build();
  }

  static Inputs fromProto(io.aloft.proto.core.v1.Inputs proto) {
    Map<String, String> context = new LinkedHashMap<>();
    // Later entries win, as they would in the map the reference's LiteralMap wire form decodes to.
    proto.getContextList().forEach(pair -> context.put(pair.getKey(), pair.getValue()));
    return new Inputs(named(proto.getLiteralsList(), "inputs"), context);
  }

  static io.aloft.proto.core.v1.Outputs toProto(Outputs outputs) {
    var proto = io.aloft.proto.core.v1.Outputs.newBuilder();
    outputs.literals().forEach(literal -> proto.addLiterals(toProto(literal)));
    return proto.build();
  }

  static Outputs fromProto(io.aloft.proto.core.v1.Outputs proto) {
    return new Outputs(named(proto.getLiteralsList(), "outputs"));
  }

  private static io.aloft.proto.core.v1.NamedLiteral toProto(NamedLiteral literal) {
    return io.aloft.proto.core.v1.NamedLiteral.newBuilder()
        .setName(literal.name())
        .setValue(Literals.toProto(literal.value()))
        .build();
  }

  private static List<NamedLiteral> named(
      List<io.aloft.proto.core.v1.NamedLiteral> literals, String path) {
    List<NamedLiteral> named = new ArrayList<>(literals.size());
    for (var literal : literals) {
      if (literal.getName().isEmpty()) {
        throw new InvalidArgument(path + " holds a value without a name; name every value");
      }
      String valuePath = path + "." + literal.getName();
      if (!literal.hasValue()) {
        throw new InvalidArgument(valuePath + " has no value");
      }
      named.add(
          new NamedLiteral(literal.getName(), Literals.fromProto(literal.getValue(), valuePath)));
    }
    return named;
  }
}
