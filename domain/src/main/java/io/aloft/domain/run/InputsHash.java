package io.aloft.domain.run;

import java.util.Base64;
import java.util.Objects;

/**
 * The content hash that names uploaded inputs (DataProxyService.UploadInputs): FNV-64a over the
 * serialized Inputs, its 8 bytes big-endian, encoded as unpadded base64url. This is exactly what
 * the reference computes ({@code hash/fnv} New64a, {@code Sum(nil)}, {@code RawURLEncoding}), so
 * the same inputs land in the same directory whichever server uploads them.
 */
public final class InputsHash {

  static final long OFFSET_BASIS = 0xcbf29ce484222325L;
  static final long PRIME = 0x100000001b3L;

  private InputsHash() {}

  public static String of(byte[] serialized) {
    long hash = fnv64a(Objects.requireNonNull(serialized, "serialized"));
    byte[] bigEndian = new byte[Long.BYTES];
    for (int i = Long.BYTES - 1; i >= 0; i--) {
      bigEndian[i] = (byte) hash;
      hash >>>= 8;
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bigEndian);
  }

  static long fnv64a(byte[] bytes) {
    long hash = OFFSET_BASIS;
    for (byte b : bytes) {
      hash ^= b & 0xff;
      hash *= PRIME;
    }
    return hash;
  }
}
