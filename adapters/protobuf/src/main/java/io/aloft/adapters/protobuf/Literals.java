package io.aloft.adapters.protobuf;

import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.literal.Literal;
import io.aloft.domain.literal.LiteralCollection;
import io.aloft.domain.literal.LiteralMap;
import io.aloft.domain.literal.OffloadedLiteral;
import io.aloft.domain.literal.Scalar;
import io.aloft.proto.core.v1.LiteralOffloadedMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Literals between the domain and the proto, recursively. Decoding names the failing value by its
 * path (e.g. {@code inputs.x[2].key}) so the user can find it.
 */
final class Literals {

  private Literals() {}

  static io.aloft.proto.core.v1.Literal toProto(Literal literal) {
    var proto = io.aloft.proto.core.v1.Literal.newBuilder();
    switch (literal) {
      case Scalar scalar -> proto.setScalar(Scalars.toProto(scalar));
      case LiteralCollection collection -> proto.setCollection(collection(collection));
      case LiteralMap map -> proto.setMap(map(map));
      case OffloadedLiteral offloaded -> proto.setOffloadedMetadata(offloaded(offloaded));
    }
    return proto.build();
  }

  static Literal fromProto(io.aloft.proto.core.v1.Literal literal, String path) {
    return switch (literal.getValueCase()) {
      case SCALAR -> Scalars.fromProto(literal.getScalar(), path);
      case COLLECTION -> collection(literal.getCollection(), path);
      case MAP -> map(literal.getMap(), path);
      case OFFLOADED_METADATA -> offloaded(literal.getOffloadedMetadata(), path);
      case VALUE_NOT_SET ->
          throw new InvalidArgument(
              path + " has no value: set a scalar, collection, map or offloaded_metadata");
    };
  }

  private static io.aloft.proto.core.v1.LiteralCollection collection(LiteralCollection collection) {
    var proto = io.aloft.proto.core.v1.LiteralCollection.newBuilder();
    collection.literals().forEach(element -> proto.addLiterals(toProto(element)));
    return proto.build();
  }

  private static Literal collection(io.aloft.proto.core.v1.LiteralCollection proto, String path) {
    List<Literal> elements = new ArrayList<>(proto.getLiteralsCount());
    for (int i = 0; i < proto.getLiteralsCount(); i++) {
      elements.add(fromProto(proto.getLiterals(i), path + "[" + i + "]"));
    }
    return new LiteralCollection(elements);
  }

  private static io.aloft.proto.core.v1.LiteralMap map(LiteralMap map) {
    var proto = io.aloft.proto.core.v1.LiteralMap.newBuilder();
    map.literals().forEach((key, value) -> proto.putLiterals(key, toProto(value)));
    return proto.build();
  }

  private static Literal map(io.aloft.proto.core.v1.LiteralMap proto, String path) {
    Map<String, Literal> entries = new LinkedHashMap<>();
    proto
        .getLiteralsMap()
        .forEach((key, value) -> entries.put(key, fromProto(value, path + "." + key)));
    return new LiteralMap(entries);
  }

  private static LiteralOffloadedMetadata offloaded(OffloadedLiteral offloaded) {
    var proto =
        LiteralOffloadedMetadata.newBuilder()
            .setUri(offloaded.uri())
            .setSizeBytes(offloaded.sizeBytes());
    if (offloaded.inferredType() != null) {
      proto.setInferredType(LiteralTypes.toProto(offloaded.inferredType()));
    }
    return proto.build();
  }

  private static Literal offloaded(LiteralOffloadedMetadata proto, String path) {
    if (proto.getUri().isEmpty()) {
      throw new InvalidArgument(path + ".offloaded_metadata.uri is required");
    }
    return new OffloadedLiteral(
        proto.getUri(),
        proto.getSizeBytes(),
        proto.hasInferredType()
            ? LiteralTypes.fromProto(proto.getInferredType(), path + ".inferred_type")
            : null);
  }
}
