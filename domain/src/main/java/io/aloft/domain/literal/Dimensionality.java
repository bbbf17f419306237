package io.aloft.domain.literal;

/** Whether a blob is one file or a directory of parts. */
public enum Dimensionality {
  SINGLE,
  MULTIPART
}
