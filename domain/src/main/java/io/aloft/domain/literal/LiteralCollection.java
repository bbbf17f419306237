package io.aloft.domain.literal;

import java.util.List;

/** An ordered list of literals; copied, unmodifiable, never null. */
public record LiteralCollection(List<Literal> literals) implements Literal {

  public LiteralCollection {
    literals = List.copyOf(literals);
  }
}
