package io.aloft.adapters.protobuf;

import com.google.protobuf.ByteString;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.literal.Binary;
import io.aloft.domain.literal.Blob;
import io.aloft.domain.literal.ErrorValue;
import io.aloft.domain.literal.Generic;
import io.aloft.domain.literal.NoneValue;
import io.aloft.domain.literal.Primitive;
import io.aloft.domain.literal.Scalar;
import io.aloft.domain.literal.Union;
import io.aloft.proto.core.v1.BlobMetadata;
import io.aloft.proto.core.v1.BlobType;
import io.aloft.proto.core.v1.LiteralType;
import io.aloft.proto.core.v1.TypeStructure;
import io.aloft.proto.core.v1.Void;

/** Scalars between the domain and the proto. */
final class Scalars {

  private Scalars() {}

  static io.aloft.proto.core.v1.Scalar toProto(Scalar scalar) {
    var proto = io.aloft.proto.core.v1.Scalar.newBuilder();
    switch (scalar) {
      case Primitive primitive -> proto.setPrimitive(Primitives.toProto(primitive));
      case Blob blob -> proto.setBlob(blob(blob));
      case Binary binary -> proto.setBinary(binary(binary));
      case NoneValue none -> proto.setNoneType(Void.getDefaultInstance());
      case ErrorValue error -> proto.setError(error(error));
      case Generic generic -> proto.setGeneric(GenericJson.struct(generic.json()));
      case Union union -> proto.setUnion(union(union));
    }
    return proto.build();
  }

  static Scalar fromProto(io.aloft.proto.core.v1.Scalar scalar, String path) {
    return switch (scalar.getValueCase()) {
      case PRIMITIVE -> Primitives.fromProto(scalar.getPrimitive(), path);
      case BLOB -> blob(scalar.getBlob(), path);
      case BINARY ->
          new Binary(scalar.getBinary().getValue().toByteArray(), scalar.getBinary().getTag());
      case NONE_TYPE -> NoneValue.INSTANCE;
      case ERROR ->
          new ErrorValue(scalar.getError().getFailedNodeId(), scalar.getError().getMessage());
      case GENERIC -> new Generic(GenericJson.json(scalar.getGeneric(), path));
      case UNION -> union(scalar.getUnion(), path);
      case SCHEMA, STRUCTURED_DATASET ->
          throw new InvalidArgument(
              path + " is a schema or structured dataset, which Aloft does not support yet");
      case VALUE_NOT_SET -> throw new InvalidArgument(path + " is a scalar without a value");
    };
  }

  private static io.aloft.proto.core.v1.Blob blob(Blob blob) {
    BlobType type =
        BlobType.newBuilder()
            .setFormat(blob.format())
            .setDimensionality(LiteralTypes.dimensionality(blob.dimensionality()))
            .build();
    return io.aloft.proto.core.v1.Blob.newBuilder()
        .setUri(blob.uri())
        .setMetadata(BlobMetadata.newBuilder().setType(type))
        .build();
  }

  private static Blob blob(io.aloft.proto.core.v1.Blob blob, String path) {
    if (blob.getUri().isEmpty()) {
      throw new InvalidArgument(path + ".blob.uri is required");
    }
    BlobType type = blob.getMetadata().getType();
    return new Blob(
        blob.getUri(),
        type.getFormat(),
        LiteralTypes.dimensionality(type.getDimensionality(), path + ".blob"));
  }

  private static io.aloft.proto.core.v1.Binary binary(Binary binary) {
    return io.aloft.proto.core.v1.Binary.newBuilder()
        .setValue(ByteString.copyFrom(binary.value()))
        .setTag(binary.tag())
        .build();
  }

  private static io.aloft.proto.core.v1.Error error(ErrorValue error) {
    return io.aloft.proto.core.v1.Error.newBuilder()
        .setFailedNodeId(error.failedNodeId())
        .setMessage(error.message())
        .build();
  }

  /**
   * The domain keeps only the variant's tag: it is what SDKs match a union value against, so the
   * stored type carries just that tag in its structure.
   */
  private static io.aloft.proto.core.v1.Union union(Union union) {
    LiteralType type =
        LiteralType.newBuilder()
            .setStructure(TypeStructure.newBuilder().setTag(union.typeTag()))
            .build();
    return io.aloft.proto.core.v1.Union.newBuilder()
        .setValue(Literals.toProto(union.value()))
        .setType(type)
        .build();
  }

  private static Union union(io.aloft.proto.core.v1.Union union, String path) {
    if (!union.hasValue()) {
      throw new InvalidArgument(path + ".union.value is required");
    }
    return new Union(
        Literals.fromProto(union.getValue(), path + ".union"),
        union.getType().getStructure().getTag());
  }
}
