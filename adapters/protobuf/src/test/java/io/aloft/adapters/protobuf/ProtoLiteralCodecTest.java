package io.aloft.adapters.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.literal.Generic;
import io.aloft.domain.literal.Inputs;
import io.aloft.domain.literal.Literal;
import io.aloft.domain.literal.LiteralMap;
import io.aloft.domain.literal.NamedLiteral;
import io.aloft.domain.literal.OffloadedLiteral;
import io.aloft.domain.literal.Outputs;
import io.aloft.proto.core.v1.ContainerError;
import io.aloft.proto.core.v1.ErrorDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProtoLiteralCodecTest {

  private final ProtoLiteralCodec codec = new ProtoLiteralCodec();

  static List<String> kinds() {
    return List.copyOf(Values.everyKind().keySet());
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void givenALiteralOfEachKind_whenEncodedAndDecoded_thenEqual(String kind) {
    Literal literal = Values.everyKind().get(kind);

    assertThat(codec.decodeLiteral(codec.encodeLiteral(literal))).isEqualTo(literal);
  }

  @Test
  void givenInputsWithEveryKindAndContext_whenRoundTripped_thenEqualInOrder() {
    Inputs inputs = new Inputs(named(Values.everyKind()), Map.of("trace", "t1"));

    Inputs decoded = codec.decodeInputs(codec.encodeInputs(inputs));

    assertThat(decoded).isEqualTo(inputs);
    assertThat(decoded.literals()).extracting(NamedLiteral::name).first().isEqualTo("int");
  }

  @Test
  void givenOutputs_whenRoundTripped_thenEqual() {
    Outputs outputs = new Outputs(named(Values.everyKind()));

    assertThat(codec.decodeOutputs(codec.encodeOutputs(outputs))).isEqualTo(outputs);
  }

  @Test
  void givenTheSameInputsTwice_whenEncoded_thenTheSameBytes() {
    Inputs inputs = new Inputs(named(Values.everyKind()), Map.of("a", "1"));

    assertThat(codec.encodeInputs(inputs)).isEqualTo(codec.encodeInputs(inputs));
  }

  @Test
  void givenMapsFilledInDifferentOrders_whenEncoded_thenTheSameBytes() {
    Map<String, Literal> forward = new LinkedHashMap<>();
    Map<String, Literal> backward = new LinkedHashMap<>();
    for (int i = 0; i < 20; i++) {
      forward.put("k" + i, Literal.of(i));
      backward.put("k" + (19 - i), Literal.of(19 - i));
    }

    assertThat(codec.encodeLiteral(new LiteralMap(forward)))
        .isEqualTo(codec.encodeLiteral(new LiteralMap(backward)));
  }

  @Test
  void givenGenericJsonWithKeysInDifferentOrders_whenEncoded_thenTheSameBytes() {
    assertThat(codec.encodeLiteral(new Generic("{\"a\":1,\"b\":2}")))
        .isEqualTo(codec.encodeLiteral(new Generic("{\"b\":2,\"a\":1}")));
  }

  @Test
  void givenAnOffloadedLiteralWithoutInferredType_whenRoundTripped_thenEqual() {
    Literal offloaded = new OffloadedLiteral("s3://b/k", 0, null);

    assertThat(codec.decodeLiteral(codec.encodeLiteral(offloaded))).isEqualTo(offloaded);
  }

  @Test
  void givenEmptyBytes_whenDecodingInputs_thenNoInputs() {
    assertThat(codec.decodeInputs(new byte[0])).isEqualTo(new Inputs(List.of(), Map.of()));
  }

  @Test
  void givenBytesThatAreNoMessage_whenDecoding_thenInvalidArgumentNamingTheFile() {
    byte[] garbage = {(byte) 0xff, (byte) 0xff, (byte) 0xff};

    assertThatThrownBy(() -> codec.decodeInputs(garbage))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("inputs (aloft.core.v1.Inputs) cannot be parsed");
    assertThatThrownBy(() -> codec.decodeOutputs(garbage)).isInstanceOf(InvalidArgument.class);
    assertThatThrownBy(() -> codec.decodeLiteral(garbage)).isInstanceOf(InvalidArgument.class);
    assertThatThrownBy(() -> codec.decodeError(garbage)).isInstanceOf(InvalidArgument.class);
  }

  @Test
  void givenALiteralWithoutValue_whenDecoding_thenInvalidArgumentNamingItsPath() {
    var proto =
        io.aloft.proto.core.v1.Inputs.newBuilder()
            .addLiterals(
                io.aloft.proto.core.v1.NamedLiteral.newBuilder()
                    .setName("x")
                    .setValue(
                        io.aloft.proto.core.v1.Literal.newBuilder()
                            .setCollection(
                                io.aloft.proto.core.v1.LiteralCollection.newBuilder()
                                    .addLiterals(io.aloft.proto.core.v1.Literal.newBuilder()))))
            .build();

    assertThatThrownBy(() -> codec.decodeInputs(proto.toByteArray()))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageStartingWith("inputs.x[0] has no value");
  }

  @Test
  void givenGenericTextThatIsNoJsonObject_whenEncoded_thenInvalidArgument() {
    assertThatThrownBy(() -> codec.encodeLiteral(new Generic("[1, 2]")))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("must be a JSON object");
  }

  @Test
  void givenInputs_whenRenderedAsJson_thenTheProtobufJsonMapping() {
    Inputs inputs = Inputs.of(List.of(new NamedLiteral("n", Literal.of(3))));

    String json = codec.inputsJson(inputs);

    assertThat(json.replaceAll("\\s", ""))
        .isEqualTo(
            "{\"literals\":[{\"name\":\"n\",\"value\":{\"scalar\":{\"primitive\":{\"integer\":\"3\"}}}}]}");
  }

  @Test
  void givenAUserError_whenEncoded_thenARecoverableContainerErrorOfUserOrigin() throws Exception {
    ExecutionError error =
        new ExecutionError(
            "InputDownloadFailed", "no such object", ErrorKind.USER, null, Values.AT);

    byte[] bytes = codec.encodeError(error);

    ContainerError container = ErrorDocument.parseFrom(bytes).getError();
    assertThat(container.getKind()).isEqualTo(ContainerError.Kind.KIND_RECOVERABLE);
    assertThat(container.getOrigin()).isEqualTo(io.aloft.proto.core.v1.ErrorKind.ERROR_KIND_USER);
    assertThat(codec.decodeError(bytes)).isEqualTo(error);
  }

  @Test
  void givenAnErrorDocumentWithoutError_whenDecoded_thenInvalidArgument() {
    assertThatThrownBy(() -> codec.decodeError(new byte[0]))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("holds no error");
  }

  private static List<NamedLiteral> named(Map<String, Literal> values) {
    return values.entrySet().stream()
        .map(entry -> new NamedLiteral(entry.getKey(), entry.getValue()))
        .toList();
  }
}
