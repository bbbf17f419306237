package io.aloft.domain.literal;

/** The absence of a value (python {@code None}). */
public record NoneValue() implements Scalar {

  public static final NoneValue INSTANCE = new NoneValue();
}
