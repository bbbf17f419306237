package io.aloft.domain.support;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Immutable bytes with value equality, so records can hold opaque payloads (plugin state, specs)
 * without the identity comparison arrays get in records.
 */
public final class Bytes {

  public static final Bytes EMPTY = new Bytes(new byte[0]);

  private final byte[] bytes;

  private Bytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A copy of {@code bytes}; null and empty give {@link #EMPTY}. */
  public static Bytes of(byte[] bytes) {
    return bytes == null || bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
  }

  public byte[] toArray() {
    return bytes.clone();
  }

  public int size() {
    return bytes.length;
  }

  public boolean isEmpty() {
    return bytes.length == 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return bytes.length <= 16
        ? "Bytes[" + HexFormat.of().formatHex(bytes) + "]"
        : "Bytes[" + bytes.length + " bytes]";
  }
}
