package io.aloft.adapters.protobuf;

import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.literal.TypedInterface;
import io.aloft.domain.literal.Variable;
import io.aloft.proto.core.v1.VariableEntry;
import io.aloft.proto.core.v1.VariableMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Typed interfaces from the proto, keeping declaration order. */
final class Interfaces {

  private Interfaces() {}

  static TypedInterface fromProto(io.aloft.proto.core.v1.TypedInterface iface, String path) {
    return new TypedInterface(
        variables(iface.getInputs(), path + ".inputs"),
        variables(iface.getOutputs(), path + ".outputs"));
  }

  private static Map<String, Variable> variables(VariableMap map, String path) {
    Map<String, Variable> variables = new LinkedHashMap<>();
    for (VariableEntry entry : map.getVariablesList()) {
      String name = entry.getKey();
      if (name.isEmpty()) {
        throw new InvalidArgument(path + " has a variable without a name; name every variable");
      }
      if (variables.put(name, variable(entry.getValue(), path + "." + name)) != null) {
        throw new InvalidArgument(path + " declares '" + name + "' twice; names must be unique");
      }
    }
    return variables;
  }

  private static Variable variable(io.aloft.proto.core.v1.Variable variable, String path) {
    if (!variable.hasType()) {
      throw new InvalidArgument(path + ".type is required");
    }
    return new Variable(
        LiteralTypes.fromProto(variable.getType(), path + ".type"), variable.getDescription());
  }
}
