package io.aloft.domain.literal;

/** A single value (schema and structured dataset scalars are not modelled yet). */
public sealed interface Scalar extends Literal
    permits Primitive, Blob, Binary, NoneValue, ErrorValue, Generic, Union {}
