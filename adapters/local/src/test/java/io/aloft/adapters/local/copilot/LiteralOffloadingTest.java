package io.aloft.adapters.local.copilot;

import static io.aloft.adapters.local.copilot.CopilotStorage.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.application.data.LiteralOffloading;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.literal.Inputs;
import io.aloft.domain.literal.Literal;
import io.aloft.domain.literal.LiteralCollection;
import io.aloft.domain.literal.LiteralType;
import io.aloft.domain.literal.NamedLiteral;
import io.aloft.domain.literal.OffloadedLiteral;
import io.aloft.domain.literal.SimpleType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed 001: large literals leave the metadata, and the copilot brings them back. */
class LiteralOffloadingTest {

  private static final int THRESHOLD = 64 * 1024;

  @TempDir static Path s3Directory;
  private static CopilotStorage storage;

  @TempDir Path local;
  private final StorageUri prefix = storage.newPrefix();

  @BeforeAll
  static void startStorage() {
    storage = CopilotStorage.start(s3Directory);
  }

  @AfterAll
  static void stopStorage() {
    storage.close();
  }

  @Test
  void literalsAboveTheThresholdAreStoredApartWithTheirSizeAndType() {
    LiteralOffloading offloading = storage.offloading(THRESHOLD);
    String big = "x".repeat(THRESHOLD + 1);
    List<Literal> numbers = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      numbers.add(Literal.of(i));
    }
    Inputs inputs =
        new Inputs(
            List.of(
                new NamedLiteral("small", Literal.of("tiny")),
                new NamedLiteral("big", Literal.of(big)),
                new NamedLiteral("many", new LiteralCollection(numbers))),
            Map.of("k", "v"));

    Inputs offloaded = offloading.offload(inputs, prefix + "/inputs").block(TIMEOUT);

    assertThat(offloaded.context()).isEqualTo(Map.of("k", "v"));
    assertThat(offloaded.literals().get(0)).isEqualTo(inputs.literals().get(0));
    OffloadedLiteral bigRef = (OffloadedLiteral) offloaded.literals().get(1).value();
    assertThat(bigRef.uri()).isEqualTo(prefix + "/inputs/offloaded/big.pb");
    assertThat(bigRef.sizeBytes()).isGreaterThan(THRESHOLD);
    assertThat(bigRef.inferredType()).isEqualTo(LiteralType.simple(SimpleType.STRING));
    assertThat(storage.codec.decodeLiteral(storage.get(StorageUri.parse(bigRef.uri()))))
        .isEqualTo(Literal.of(big));
    OffloadedLiteral manyRef = (OffloadedLiteral) offloaded.literals().get(2).value();
    assertThat(manyRef.inferredType())
        .isEqualTo(new LiteralType.CollectionType(LiteralType.simple(SimpleType.INTEGER)));
    assertThat(storage.codec.encodeInputs(offloaded).length).isLessThan(1024);
  }

  @Test
  void theCopilotHandsTheTaskTheValuesThemselves() throws Exception {
    String big = "y".repeat(THRESHOLD * 2);
    byte[] serialized =
        storage.codec.encodeInputs(
            new Inputs(List.of(new NamedLiteral("doc", Literal.of(big))), Map.of()));

    byte[] stored =
        storage
            .offloading(THRESHOLD)
            .offloadSerializedInputs(serialized, prefix + "/inputs")
            .block(TIMEOUT);
    storage.put(prefix.resolve("inputs/inputs.pb"), stored);
    storage.copilot().download(prefix + "/inputs/inputs.pb", local).block(TIMEOUT);

    assertThat(stored.length).isLessThan(1024);
    assertThat(Files.readString(local.resolve("doc"))).isEqualTo(big);
  }

  @Test
  void smallDocumentsAreLeftAsTheyAre() {
    byte[] serialized =
        storage.codec.encodeInputs(
            new Inputs(List.of(new NamedLiteral("n", Literal.of(1))), Map.of()));

    byte[] stored =
        storage
            .offloading(THRESHOLD)
            .offloadSerializedInputs(serialized, prefix + "/inputs")
            .block(TIMEOUT);

    assertThat(stored).isSameAs(serialized);
    assertThat(storage.keysUnder(prefix)).isEmpty();
  }
}
