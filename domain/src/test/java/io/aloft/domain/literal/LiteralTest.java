package io.aloft.domain.literal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiteralTest {

  /** Exhaustive switches keep working only while the hierarchy stays sealed. */
  private static String describe(Literal literal) {
    return switch (literal) {
      case Primitive.IntegerValue v -> "int " + v.value();
      case Primitive.FloatValue v -> "float " + v.value();
      case Primitive.StringValue v -> "string " + v.value();
      case Primitive.BooleanValue v -> "bool " + v.value();
      case Primitive.DatetimeValue v -> "datetime " + v.value();
      case Primitive.DurationValue v -> "duration " + v.value();
      case Blob b -> "blob " + b.uri();
      case Binary b -> "binary " + b.tag();
      case NoneValue n -> "none";
      case ErrorValue e -> "error " + e.failedNodeId();
      case Generic g -> "generic " + g.json();
      case Union u -> "union " + u.typeTag() + " " + describe(u.value());
      case LiteralCollection c -> "collection of " + c.literals().size();
      case LiteralMap m -> "map of " + m.literals().keySet();
      case OffloadedLiteral o -> "offloaded " + o.uri();
    };
  }

  @Test
  void givenEachKind_WhenSwitchedOn_ThenDescribed() {
    assertThat(describe(Literal.of(3))).isEqualTo("int 3");
    assertThat(describe(Literal.of(1.5))).isEqualTo("float 1.5");
    assertThat(describe(Literal.of("x"))).isEqualTo("string x");
    assertThat(describe(Literal.of(true))).isEqualTo("bool true");
    assertThat(describe(new Primitive.DatetimeValue(Instant.EPOCH)))
        .isEqualTo("datetime 1970-01-01T00:00:00Z");
    assertThat(describe(new Primitive.DurationValue(Duration.ofSeconds(2))))
        .isEqualTo("duration PT2S");
    assertThat(describe(new Union(NoneValue.INSTANCE, "none"))).isEqualTo("union none none");
    assertThat(describe(new Blob("s3://b/f", "csv", Dimensionality.SINGLE)))
        .isEqualTo("blob s3://b/f");
    assertThat(
            describe(
                new OffloadedLiteral(
                    "s3://b/o",
                    10,
                    new LiteralType.CollectionType(LiteralType.simple(SimpleType.STRING)))))
        .isEqualTo("offloaded s3://b/o");
  }

  @Test
  void givenSameBytes_WhenBinaryCompared_ThenEqualAndCopied() {
    var bytes = new byte[] {1, 2};
    var binary = new Binary(bytes, "msgpack");
    bytes[0] = 0;

    assertThat(binary).isEqualTo(new Binary(new byte[] {1, 2}, "msgpack"));
    assertThat(binary.hashCode()).isEqualTo(new Binary(new byte[] {1, 2}, "msgpack").hashCode());
    assertThat(binary).isNotEqualTo(new Binary(new byte[] {1, 2}, "json"));
  }

  @Test
  void givenMap_WhenCopied_ThenCallerOrderKept() {
    var literals = new LinkedHashMap<String, Literal>();
    literals.put("z", Literal.of(1));
    literals.put("a", Literal.of(2));

    assertThat(new LiteralMap(literals).literals().keySet()).containsExactly("z", "a");
  }

  @Test
  void givenInputs_WhenLookedUpByName_ThenFound() {
    var inputs = Inputs.of(List.of(new NamedLiteral("x", Literal.of(1))));

    assertThat(inputs.get("x")).contains(Literal.of(1));
    assertThat(inputs.get("y")).isEmpty();
    assertThat(inputs.context()).isEmpty();
    assertThat(new Outputs(List.of(new NamedLiteral("o0", Literal.of("r")))).get("o0"))
        .contains(Literal.of("r"));
  }

  @Test
  void givenSimpleTypes_ThenOnlyScalarsOfFourKindsCanBeSignalled() {
    assertThat(SimpleType.values())
        .filteredOn(SimpleType::isConditionType)
        .containsExactlyInAnyOrder(
            SimpleType.BOOLEAN, SimpleType.INTEGER, SimpleType.FLOAT, SimpleType.STRING);
  }

  @Test
  void givenInterface_WhenBuilt_ThenKeepsDeclarationOrder() {
    var inputs = new LinkedHashMap<String, Variable>();
    inputs.put("b", new Variable(LiteralType.simple(SimpleType.INTEGER), ""));
    inputs.put(
        "a", new Variable(new LiteralType.MapType(LiteralType.simple(SimpleType.FLOAT)), ""));
    var iface = new TypedInterface(inputs, Map.of());

    assertThat(iface.inputs().keySet()).containsExactly("b", "a");
  }
}
