package io.aloft.adapters.protobuf;

import io.aloft.domain.literal.Binary;
import io.aloft.domain.literal.Blob;
import io.aloft.domain.literal.Dimensionality;
import io.aloft.domain.literal.ErrorValue;
import io.aloft.domain.literal.Generic;
import io.aloft.domain.literal.Literal;
import io.aloft.domain.literal.LiteralCollection;
import io.aloft.domain.literal.LiteralMap;
import io.aloft.domain.literal.LiteralType;
import io.aloft.domain.literal.NoneValue;
import io.aloft.domain.literal.OffloadedLiteral;
import io.aloft.domain.literal.Primitive;
import io.aloft.domain.literal.SimpleType;
import io.aloft.domain.literal.Union;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One literal of every kind the domain models, for round trips. */
final class Values {

  static final Instant AT = Instant.parse("2024-05-06T07:08:09.123456789Z");

  private Values() {}

  static Map<String, Literal> everyKind() {
    Map<String, Literal> values = new LinkedHashMap<>();
    values.put("int", Literal.of(-42));
    values.put("float", Literal.of(2.5));
    values.put("string", Literal.of("héllo\nworld"));
    values.put("bool", Literal.of(true));
    values.put("datetime", new Primitive.DatetimeValue(AT));
    values.put("duration", new Primitive.DurationValue(Duration.ofSeconds(3723, 5)));
    values.put("negative_duration", new Primitive.DurationValue(Duration.ofMillis(-1500)));
    values.put("binary", new Binary("msg".getBytes(StandardCharsets.UTF_8), "msgpack"));
    values.put("none", NoneValue.INSTANCE);
    values.put("error", new ErrorValue("n0", "boom"));
    values.put("generic", new Generic("{\"a\":\"b\",\"list\":[true,null],\"n\":1.5}"));
    values.put("file", new Blob("s3://bucket/f.csv", "csv", Dimensionality.SINGLE));
    values.put("dir", new Blob("s3://bucket/dir", "", Dimensionality.MULTIPART));
    values.put("union", new Union(Literal.of(7), "int"));
    values.put("offloaded", offloaded());
    values.put("nested", nested());
    return values;
  }

  static Literal nested() {
    Map<String, Literal> inner = new LinkedHashMap<>();
    inner.put("z", new LiteralCollection(List.of(Literal.of(1), Literal.of(2))));
    inner.put("a", new LiteralMap(Map.of("k", Literal.of("v"))));
    return new LiteralCollection(List.of(new LiteralMap(inner), new LiteralCollection(List.of())));
  }

  static OffloadedLiteral offloaded() {
    LiteralType type =
        new LiteralType.MapType(
            new LiteralType.UnionType(
                List.of(
                    LiteralType.simple(SimpleType.INTEGER),
                    new LiteralType.CollectionType(
                        new LiteralType.BlobType("parquet", Dimensionality.MULTIPART)))));
    return new OffloadedLiteral("s3://bucket/offloaded/x.pb", 1234, type);
  }
}
