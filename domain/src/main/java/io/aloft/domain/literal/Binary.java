package io.aloft.domain.literal;

import io.aloft.domain.support.Require;
import java.util.Arrays;
import java.util.Objects;

/**
 * Opaque bytes, e.g. msgpack-encoded dataclasses. Copied in and out; equal by content.
 *
 * @param value never null
 * @param tag never null, may be empty (e.g. {@code msgpack})
 */
public record Binary(byte[] value, String tag) implements Scalar {

  public Binary {
    value = Require.copy(Objects.requireNonNull(value, "value"));
    Objects.requireNonNull(tag, "tag");
  }

  @Override
  public byte[] value() {
    return Require.copy(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Binary other && Arrays.equals(value, other.value) && tag.equals(other.tag);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(value) + tag.hashCode();
  }

  @Override
  public String toString() {
    return "Binary[" + value.length + " bytes, tag=" + tag + "]";
  }
}
