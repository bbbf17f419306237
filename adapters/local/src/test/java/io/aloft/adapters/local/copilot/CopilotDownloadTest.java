package io.aloft.adapters.local.copilot;

import static io.aloft.adapters.local.copilot.CopilotStorage.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import io.aloft.application.copilot.Copilot;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.error.NotFound;
import io.aloft.domain.literal.Binary;
import io.aloft.domain.literal.Blob;
import io.aloft.domain.literal.Dimensionality;
import io.aloft.domain.literal.ErrorValue;
import io.aloft.domain.literal.Generic;
import io.aloft.domain.literal.Inputs;
import io.aloft.domain.literal.Literal;
import io.aloft.domain.literal.LiteralCollection;
import io.aloft.domain.literal.LiteralMap;
import io.aloft.domain.literal.NamedLiteral;
import io.aloft.domain.literal.NoneValue;
import io.aloft.domain.literal.OffloadedLiteral;
import io.aloft.domain.literal.Primitive;
import io.aloft.domain.literal.Union;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

class CopilotDownloadTest {

  @TempDir static Path s3Directory;
  private static CopilotStorage storage;

  @TempDir Path local;
  private final StorageUri prefix = storage.newPrefix();
  private final Copilot copilot = storage.copilot();

  @BeforeAll
  static void startStorage() {
    storage = CopilotStorage.start(s3Directory);
  }

  @AfterAll
  static void stopStorage() {
    storage.close();
  }

  static Stream<Arguments> primitives() {
    Instant at = Instant.parse("2024-05-06T07:08:09Z");
    return Stream.of(
        Arguments.of(Literal.of(42), "42"),
        Arguments.of(Literal.of(-7), "-7"),
        Arguments.of(Literal.of(2.5), "2.5"),
        Arguments.of(Literal.of(3.0), "3"),
        Arguments.of(Literal.of(0.1), "0.1"),
        Arguments.of(Literal.of(1e-7), "0.0000001"),
        Arguments.of(Literal.of(1e21), "1000000000000000000000"),
        Arguments.of(Literal.of(Double.NaN), "NaN"),
        Arguments.of(Literal.of(Double.NEGATIVE_INFINITY), "-Inf"),
        Arguments.of(Literal.of("héllo wörld\n"), "héllo wörld\n"),
        Arguments.of(Literal.of(true), "true"),
        Arguments.of(Literal.of(false), "false"),
        Arguments.of(new Primitive.DatetimeValue(at), "2024-05-06T07:08:09Z"),
        Arguments.of(new Primitive.DatetimeValue(at.plusMillis(120)), "2024-05-06T07:08:09.12Z"),
        Arguments.of(
            new Primitive.DatetimeValue(at.plusNanos(1)), "2024-05-06T07:08:09.000000001Z"),
        Arguments.of(duration(Duration.ofSeconds(3723)), "1h2m3s"),
        Arguments.of(duration(Duration.ofHours(2)), "2h0m0s"),
        Arguments.of(duration(Duration.ofSeconds(61)), "1m1s"),
        Arguments.of(duration(Duration.ofMillis(1500)), "1.5s"),
        Arguments.of(duration(Duration.ofMillis(500)), "500ms"),
        Arguments.of(duration(Duration.ofNanos(1500)), "1.5µs"),
        Arguments.of(duration(Duration.ofNanos(7)), "7ns"),
        Arguments.of(duration(Duration.ZERO), "0s"),
        Arguments.of(duration(Duration.ofMillis(-1500)), "-1.5s"),
        Arguments.of(NoneValue.INSTANCE, "null"),
        Arguments.of(new ErrorValue("n1", "upstream failed"), "upstream failed"),
        Arguments.of(new Generic("{\"a\":\"b\",\"n\":1.5}"), "{\"a\":\"b\",\"n\":1.5}"),
        Arguments.of(new Union(Literal.of(7), "int"), "7"));
  }

  @ParameterizedTest
  @MethodSource("primitives")
  void givenAScalarInput_whenDownloaded_thenAFileNamedAfterTheVariableHoldsItsText(
      Literal value, String expected) throws Exception {
    String inputs = storage.putInputs(prefix, inputs(Map.of("v", value)));

    StepVerifier.create(copilot.download(inputs, local)).expectNextCount(1).verifyComplete();

    assertThat(Files.readString(local.resolve("v"))).isEqualTo(expected);
  }

  @Test
  void givenABinaryInput_whenDownloaded_thenTheFileHoldsTheRawBytes() throws Exception {
    byte[] bytes = {0, (byte) 0xff, 10, 13, 32};
    String inputs = storage.putInputs(prefix, inputs(Map.of("b", new Binary(bytes, "msgpack"))));

    copilot.download(inputs, local).block(TIMEOUT);

    assertThat(Files.readAllBytes(local.resolve("b"))).isEqualTo(bytes);
  }

  @Test
  void givenASingleBlob_whenDownloaded_thenTheObjectIsTheVariablesFile() throws Exception {
    StorageUri object = prefix.resolve("data/input.csv");
    storage.put(object, "a,b\n1,2\n");
    Blob blob = new Blob(object.toString(), "csv", Dimensionality.SINGLE);
    String inputs = storage.putInputs(prefix, inputs(Map.of("table", blob)));

    copilot.download(inputs, local).block(TIMEOUT);

    assertThat(Files.readString(local.resolve("table"))).isEqualTo("a,b\n1,2\n");
  }

  @Test
  void givenAMultipartBlob_whenDownloaded_thenEveryObjectUnderItsPrefixAtItsRelativePath()
      throws Exception {
    StorageUri dir = prefix.resolve("dir");
    storage.put(dir.resolve("a.txt"), "A");
    storage.put(dir.resolve("sub/b.txt"), "B");
    storage.put(dir.resolve("sub/deeper/c.bin"), new byte[] {1, 2, 3});
    storage.put(prefix.resolve("dirx/not-mine.txt"), "X");
    Blob blob = new Blob(dir.toString(), "", Dimensionality.MULTIPART);
    String inputs = storage.putInputs(prefix, inputs(Map.of("d", blob)));

    copilot.download(inputs, local).block(TIMEOUT);

    assertThat(filesBelow(local.resolve("d")))
        .containsExactly("a.txt", "sub/b.txt", "sub/deeper/c.bin");
    assertThat(Files.readString(local.resolve("d/sub/b.txt"))).isEqualTo("B");
    assertThat(Files.readAllBytes(local.resolve("d/sub/deeper/c.bin"))).containsExactly(1, 2, 3);
  }

  @Test
  void givenAMultipartBlobWithNothingUnderIt_whenDownloaded_thenNotFoundNamingTheBlob() {
    String empty = prefix.resolve("empty").toString();
    String inputs =
        storage.putInputs(
            prefix, inputs(Map.of("d", new Blob(empty, "", Dimensionality.MULTIPART))));

    StepVerifier.create(copilot.download(inputs, local))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(NotFound.class)
                    .hasMessageContaining(empty)
                    .hasMessageContaining("no objects"))
        .verify(TIMEOUT);
  }

  @Test
  void givenCollectionsAndMaps_whenDownloaded_thenNumberedAndKeyedDirectories() throws Exception {
    StorageUri file = prefix.resolve("f.txt");
    storage.put(file, "F");
    Map<String, Literal> byKey = new LinkedHashMap<>();
    byKey.put("alpha", Literal.of(1));
    byKey.put("beta", new LiteralCollection(List.of(Literal.of("x"), Literal.of("y"))));
    Map<String, Literal> values = new LinkedHashMap<>();
    values.put("xs", new LiteralCollection(List.of(Literal.of(10), Literal.of(20))));
    values.put("m", new LiteralMap(byKey));
    values.put(
        "files",
        new LiteralCollection(List.of(new Blob(file.toString(), "txt", Dimensionality.SINGLE))));
    String inputs = storage.putInputs(prefix, inputs(values));

    copilot.download(inputs, local).block(TIMEOUT);

    assertThat(Files.readString(local.resolve("xs/0"))).isEqualTo("10");
    assertThat(Files.readString(local.resolve("xs/1"))).isEqualTo("20");
    assertThat(Files.readString(local.resolve("m/alpha"))).isEqualTo("1");
    assertThat(Files.readString(local.resolve("m/beta/1"))).isEqualTo("y");
    assertThat(Files.readString(local.resolve("files/0"))).isEqualTo("F");
  }

  @Test
  void givenAnOffloadedInput_whenDownloaded_thenItsStoredValueIsWrittenAndReturned()
      throws Exception {
    Literal stored = new LiteralCollection(List.of(Literal.of("one"), Literal.of("two")));
    StorageUri uri = prefix.resolve("offloaded/xs.pb");
    storage.put(uri, storage.codec.encodeLiteral(stored));
    String inputs =
        storage.putInputs(
            prefix, inputs(Map.of("xs", new OffloadedLiteral(uri.toString(), 9, null))));

    Inputs read = copilot.download(inputs, local).block(TIMEOUT);

    assertThat(read.get("xs")).contains(stored);
    assertThat(Files.readString(local.resolve("xs/1"))).isEqualTo("two");
    Inputs localInputs = storage.codec.decodeInputs(Files.readAllBytes(local.resolve("inputs.pb")));
    assertThat(localInputs.get("xs")).contains(stored);
  }

  @Test
  void givenAnOffloadedInputWhoseObjectIsMissing_whenDownloaded_thenNotFoundNamingIt() {
    String missing = prefix.resolve("offloaded/gone.pb").toString();
    String inputs =
        storage.putInputs(prefix, inputs(Map.of("x", new OffloadedLiteral(missing, 1, null))));

    StepVerifier.create(copilot.download(inputs, local))
        .expectErrorSatisfies(
            error -> assertThat(error).isInstanceOf(NotFound.class).hasMessageContaining(missing))
        .verify(TIMEOUT);
  }

  @Test
  void givenBlobInputs_whenDownloaded_thenTheLocalInputsPbPointsAtTheLocalFiles() throws Exception {
    StorageUri file = prefix.resolve("f.csv");
    storage.put(file, "1");
    storage.put(prefix.resolve("dir/part-0"), "p");
    Map<String, Literal> values = new LinkedHashMap<>();
    values.put("n", Literal.of(5));
    values.put("f", new Blob(file.toString(), "csv", Dimensionality.SINGLE));
    values.put("d", new Blob(prefix.resolve("dir").toString(), "", Dimensionality.MULTIPART));
    Inputs remote = new Inputs(named(values), Map.of("trace", "t-1"));
    String inputs = storage.putInputs(prefix, remote);

    Inputs returned = copilot.download(inputs, local).block(TIMEOUT);

    Inputs localInputs = storage.codec.decodeInputs(Files.readAllBytes(local.resolve("inputs.pb")));
    assertThat(returned).isEqualTo(remote);
    assertThat(localInputs.context()).isEqualTo(Map.of("trace", "t-1"));
    assertThat(localInputs.get("n")).contains(Literal.of(5));
    assertThat(localInputs.get("f"))
        .contains(
            new Blob(local.resolve("f").toAbsolutePath().toString(), "csv", Dimensionality.SINGLE));
    assertThat(localInputs.get("d"))
        .contains(
            new Blob(local.resolve("d").toAbsolutePath().toString(), "", Dimensionality.MULTIPART));
  }

  @Test
  void givenInputs_whenDownloaded_thenInputsJsonIsTheJsonFormOfTheLocalInputsPb() throws Exception {
    StorageUri file = prefix.resolve("f.csv");
    storage.put(file, "1");
    Map<String, Literal> values = new LinkedHashMap<>();
    values.put("n", Literal.of(5));
    values.put("f", new Blob(file.toString(), "csv", Dimensionality.SINGLE));
    String inputs = storage.putInputs(prefix, inputs(values));

    copilot.download(inputs, local).block(TIMEOUT);

    var fromJson = io.aloft.proto.core.v1.Inputs.newBuilder();
    JsonFormat.parser().merge(Files.readString(local.resolve("inputs.json")), fromJson);
    var fromPb =
        io.aloft.proto.core.v1.Inputs.parseFrom(Files.readAllBytes(local.resolve("inputs.pb")));
    assertThat(fromJson.build()).isEqualTo(fromPb);
    assertThat(Files.readString(local.resolve("inputs.json")))
        .contains(local.resolve("f").toAbsolutePath().toString());
  }

  @Test
  void givenNoInputsFile_whenDownloaded_thenNotFoundNamingTheUri() {
    String missing = prefix.resolve("inputs.pb").toString();

    StepVerifier.create(copilot.download(missing, local))
        .expectErrorSatisfies(
            error -> assertThat(error).isInstanceOf(NotFound.class).hasMessageContaining(missing))
        .verify(TIMEOUT);
  }

  @Test
  void givenAnEmptyInputsFile_whenDownloaded_thenNoInputsAndOnlyTheMetadataFiles()
      throws Exception {
    StorageUri uri = prefix.resolve("inputs.pb");
    storage.put(uri, new byte[0]);

    StepVerifier.create(copilot.download(uri.toString(), local))
        .assertNext(read -> assertThat(read.literals()).isEmpty())
        .verifyComplete();

    assertThat(filesBelow(local)).containsExactly("inputs.json", "inputs.pb");
  }

  @Test
  void givenAnInputsFileThatIsNoInputs_whenDownloaded_thenInvalidArgumentNamingTheUri() {
    StorageUri uri = prefix.resolve("inputs.pb");
    storage.put(uri, new byte[] {(byte) 0xff, (byte) 0xff});

    StepVerifier.create(copilot.download(uri.toString(), local))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(InvalidArgument.class)
                    .hasMessageContaining(uri.toString()))
        .verify(TIMEOUT);
  }

  @Test
  void givenAMapKeyThatIsNoFileName_whenDownloaded_thenInvalidArgument() {
    Literal map = new LiteralMap(Map.of("../escape", Literal.of(1)));
    String inputs = storage.putInputs(prefix, inputs(Map.of("m", map)));

    StepVerifier.create(copilot.download(inputs, local))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(InvalidArgument.class)
                    .hasMessageContaining("../escape"))
        .verify(TIMEOUT);
    assertThat(Files.exists(local.resolve("escape"))).isFalse();
  }

  private static Literal duration(Duration duration) {
    return new Primitive.DurationValue(duration);
  }

  private static Inputs inputs(Map<String, ? extends Literal> values) {
    return Inputs.of(named(values));
  }

  private static List<NamedLiteral> named(Map<String, ? extends Literal> values) {
    return values.entrySet().stream()
        .map(entry -> new NamedLiteral(entry.getKey(), entry.getValue()))
        .toList();
  }

  static List<String> filesBelow(Path directory) throws Exception {
    try (Stream<Path> paths = Files.walk(directory)) {
      return paths
          .filter(Files::isRegularFile)
          .map(path -> directory.relativize(path).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }
}
