package io.aloft.domain.literal;

import java.util.List;
import java.util.Objects;

/** The type of a literal; a compact subset of {@code flyteidl2.core.LiteralType}. */
public sealed interface LiteralType {

  record Simple(SimpleType type) implements LiteralType {
    public Simple {
      Objects.requireNonNull(type, "type");
    }
  }

  record CollectionType(LiteralType element) implements LiteralType {
    public CollectionType {
      Objects.requireNonNull(element, "element");
    }
  }

  /** A map with string keys. */
  record MapType(LiteralType value) implements LiteralType {
    public MapType {
      Objects.requireNonNull(value, "value");
    }
  }

  /** {@code format} is never null, may be empty. */
  record BlobType(String format, Dimensionality dimensionality) implements LiteralType {
    public BlobType {
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(dimensionality, "dimensionality");
    }
  }

  /** Variants copied, unmodifiable. */
  record UnionType(List<LiteralType> variants) implements LiteralType {
    public UnionType {
      variants = List.copyOf(variants);
    }
  }

  static LiteralType simple(SimpleType type) {
    return new Simple(type);
  }
}
