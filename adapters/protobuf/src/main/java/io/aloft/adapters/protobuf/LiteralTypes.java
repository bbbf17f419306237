package io.aloft.adapters.protobuf;

import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.literal.Dimensionality;
import io.aloft.domain.literal.LiteralType;
import io.aloft.domain.literal.SimpleType;
import io.aloft.proto.core.v1.BlobType;
import io.aloft.proto.core.v1.BlobType.BlobDimensionality;
import io.aloft.proto.core.v1.UnionType;
import java.util.ArrayList;
import java.util.List;

/**
 * Literal types between the domain and the proto. The domain models a subset: enum types become
 * strings (their values travel as strings); schemas and structured datasets are refused.
 */
final class LiteralTypes {

  private LiteralTypes() {}

  static io.aloft.proto.core.v1.LiteralType toProto(LiteralType type) {
    var proto = io.aloft.proto.core.v1.LiteralType.newBuilder();
    switch (type) {
      case LiteralType.Simple simple -> proto.setSimple(SimpleTypes.toProto(simple.type()));
      case LiteralType.CollectionType collection ->
          proto.setCollectionType(toProto(collection.element()));
      case LiteralType.MapType map -> proto.setMapValueType(toProto(map.value()));
      case LiteralType.BlobType blob -> proto.setBlob(blobType(blob));
      case LiteralType.UnionType union -> proto.setUnionType(unionType(union));
    }
    return proto.build();
  }

  static LiteralType fromProto(io.aloft.proto.core.v1.LiteralType type, String path) {
    return switch (type.getTypeCase()) {
      case SIMPLE -> new LiteralType.Simple(SimpleTypes.fromProto(type.getSimple(), path));
      case COLLECTION_TYPE ->
          new LiteralType.CollectionType(fromProto(type.getCollectionType(), path + "[]"));
      case MAP_VALUE_TYPE ->
          new LiteralType.MapType(fromProto(type.getMapValueType(), path + "{}"));
      case BLOB -> blobType(type.getBlob(), path);
      case UNION_TYPE -> unionType(type.getUnionType(), path);
      case ENUM_TYPE -> new LiteralType.Simple(SimpleType.STRING);
      case SCHEMA, STRUCTURED_DATASET_TYPE ->
          throw new InvalidArgument(
              path + " is a schema or structured dataset type, which Aloft does not support yet");
      case TYPE_NOT_SET -> throw new InvalidArgument(path + " has no type: set one of its kinds");
    };
  }

  static BlobType blobType(LiteralType.BlobType blob) {
    return BlobType.newBuilder()
        .setFormat(blob.format())
        .setDimensionality(dimensionality(blob.dimensionality()))
        .build();
  }

  static Dimensionality dimensionality(BlobDimensionality dimensionality, String path) {
    return switch (dimensionality) {
      case BLOB_DIMENSIONALITY_SINGLE -> Dimensionality.SINGLE;
      case BLOB_DIMENSIONALITY_MULTIPART -> Dimensionality.MULTIPART;
      case UNRECOGNIZED ->
          throw new InvalidArgument(
              path + " has an unknown dimensionality; use SINGLE or MULTIPART");
    };
  }

  static BlobDimensionality dimensionality(Dimensionality dimensionality) {
    return switch (dimensionality) {
      case SINGLE -> BlobDimensionality.BLOB_DIMENSIONALITY_SINGLE;
      case MULTIPART -> BlobDimensionality.BLOB_DIMENSIONALITY_MULTIPART;
    };
  }

  private static LiteralType blobType(BlobType blob, String path) {
    return new LiteralType.BlobType(
        blob.getFormat(), dimensionality(blob.getDimensionality(), path + ".dimensionality"));
  }

  private static UnionType unionType(LiteralType.UnionType union) {
    var proto = UnionType.newBuilder();
    union.variants().forEach(variant -> proto.addVariants(toProto(variant)));
    return proto.build();
  }

  private static LiteralType unionType(UnionType union, String path) {
    List<LiteralType> variants = new ArrayList<>();
    for (int i = 0; i < union.getVariantsCount(); i++) {
      variants.add(fromProto(union.getVariants(i), path + ".variants[" + i + "]"));
    }
    return new LiteralType.UnionType(variants);
  }
}
