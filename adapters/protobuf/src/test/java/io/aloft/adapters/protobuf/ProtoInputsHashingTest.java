package io.aloft.adapters.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.run.InputsHash;
import io.aloft.domain.support.Bytes;
import io.aloft.proto.core.v1.Inputs;
import io.aloft.proto.core.v1.KeyValuePair;
import io.aloft.proto.core.v1.Literal;
import io.aloft.proto.core.v1.NamedLiteral;
import io.aloft.proto.core.v1.Primitive;
import io.aloft.proto.core.v1.Scalar;
import io.aloft.proto.task.v1.TaskMetadata;
import io.aloft.proto.task.v1.TaskSpec;
import io.aloft.proto.task.v1.TaskTemplate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bytes UploadInputs hashes, pinned against hand-encoded wire bytes and literal hashes (so
 * neither the encoding nor the hash can drift unnoticed).
 */
class ProtoInputsHashingTest {

  /** Inputs{literals: [x = 1]}, encoded by hand. */
  private static final String X = "0a0b0a017812060a040a020801";

  /** Inputs{literals: [y = 2]}, encoded by hand. */
  private static final String Y = "0a0b0a017912060a040a020802";

  /** Inputs{context: [k = v]}, encoded by hand. */
  private static final String CONTEXT = "12060a016b120176";

  private final ProtoInputsHashing hashing = new ProtoInputsHashing();

  @Test
  void givenNoIgnoredInputs_WhenHashed_ThenWholeInputsWithContext() {
    byte[] form = hashing.hashedForm(bytes(inputs(true, "x", "y")), List.of());

    assertThat(HexFormat.of().formatHex(form)).isEqualTo(X + Y + CONTEXT);
    assertThat(InputsHash.of(form))
        .isEqualTo(referenceHash(X + Y + CONTEXT))
        .isEqualTo("7my0vtxSGUY");
  }

  @Test
  void givenIgnoredInput_WhenHashed_ThenLeftOutAndContextDropped() {
    byte[] form = hashing.hashedForm(bytes(inputs(true, "x", "y")), List.of("y"));

    assertThat(HexFormat.of().formatHex(form)).isEqualTo(X);
    assertThat(InputsHash.of(form)).isEqualTo(referenceHash(X)).isEqualTo("ImpW6TmERHA");
  }

  @Test
  void givenIgnoredInputNotPresent_WhenHashed_ThenContextStillDropped() {
    byte[] form = hashing.hashedForm(bytes(inputs(true, "x")), List.of("absent"));

    assertThat(InputsHash.of(form)).isEqualTo("ImpW6TmERHA");
    assertThat(InputsHash.of(hashing.hashedForm(bytes(inputs(true, "x")), List.of())))
        .isEqualTo(referenceHash(X + CONTEXT))
        .isEqualTo("ltuV7rScu78");
  }

  @Test
  void givenTaskSpec_WhenCacheIgnoredInputs_ThenTemplateMetadataList() {
    TaskSpec spec =
        TaskSpec.newBuilder()
            .setTaskTemplate(
                TaskTemplate.newBuilder()
                    .setMetadata(TaskMetadata.newBuilder().addCacheIgnoreInputVars("y")))
            .build();

    assertThat(hashing.cacheIgnoredInputs(bytes(spec.toByteArray()))).containsExactly("y");
    assertThat(hashing.cacheIgnoredInputs(Bytes.EMPTY)).isEmpty();
  }

  @Test
  void givenGarbage_WhenHashed_ThenInvalidArgument() {
    assertThatThrownBy(() -> hashing.hashedForm(Bytes.of(new byte[] {(byte) 0xff}), List.of()))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("inputs (aloft.core.v1.Inputs)");
  }

  private static Inputs inputs(boolean context, String... names) {
    Inputs.Builder inputs = Inputs.newBuilder();
    for (String name : names) {
      long n = name.equals("x") ? 1 : 2;
      inputs.addLiterals(
          NamedLiteral.newBuilder()
              .setName(name)
              .setValue(
                  Literal.newBuilder()
                      .setScalar(
                          Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setInteger(n)))));
    }
    if (context) {
      inputs.addContext(KeyValuePair.newBuilder().setKey("k").setValue("v"));
    }
    return inputs.build();
  }

  private static Bytes bytes(Inputs inputs) {
    return Bytes.of(inputs.toByteArray());
  }

  private static Bytes bytes(byte[] raw) {
    return Bytes.of(raw);
  }

  /** FNV-1a 64 as its specification gives it, independent of the code under test. */
  private static String referenceHash(String hex) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : HexFormat.of().parseHex(hex)) {
      hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
    }
    byte[] out = new byte[8];
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (hash >>> (56 - 8 * i));
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
  }
}
