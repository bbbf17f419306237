package io.aloft.adapters.local.copilot;

import static io.aloft.adapters.local.copilot.CopilotStorage.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.application.copilot.Copilot;
import io.aloft.application.copilot.CopilotProgress;
import io.aloft.application.copilot.UploadResult;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.error.FailedPrecondition;
import io.aloft.domain.literal.Binary;
import io.aloft.domain.literal.Blob;
import io.aloft.domain.literal.Dimensionality;
import io.aloft.domain.literal.ErrorValue;
import io.aloft.domain.literal.Generic;
import io.aloft.domain.literal.Literal;
import io.aloft.domain.literal.LiteralType;
import io.aloft.domain.literal.NoneValue;
import io.aloft.domain.literal.Outputs;
import io.aloft.domain.literal.Primitive;
import io.aloft.domain.literal.SimpleType;
import io.aloft.domain.literal.TypedInterface;
import io.aloft.domain.literal.Variable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

class CopilotUploadTest {

  private static final LiteralType FILE = new LiteralType.BlobType("csv", Dimensionality.SINGLE);
  private static final LiteralType DIRECTORY =
      new LiteralType.BlobType("", Dimensionality.MULTIPART);

  @TempDir static Path s3Directory;
  private static CopilotStorage storage;

  @TempDir Path local;
  private final StorageUri prefix = storage.newPrefix();
  private final StorageUri outputPrefix = prefix.resolve("metadata");
  private final StorageUri rawPrefix = prefix.resolve("raw");
  private final Copilot copilot = storage.copilot();

  @BeforeAll
  static void startStorage() {
    storage = CopilotStorage.start(s3Directory);
  }

  @AfterAll
  static void stopStorage() {
    storage.close();
  }

  @Test
  void givenAFileForEverySimpleType_whenUploaded_thenParsedIntoOutputsPb() throws Exception {
    Map<String, SimpleType> types = new LinkedHashMap<>();
    write("i", " 42\n", types, SimpleType.INTEGER);
    write("f", "2.5e1", types, SimpleType.FLOAT);
    write("s", "hello world\n", types, SimpleType.STRING);
    write("b", "True", types, SimpleType.BOOLEAN);
    write("t", "2024-05-06T09:08:09.5+02:00", types, SimpleType.DATETIME);
    write("d", "1h30m0.25s", types, SimpleType.DURATION);
    write("g", "{\"b\": [1, true], \"a\": \"x\"}", types, SimpleType.STRUCT);
    write("n", "null", types, SimpleType.NONE);
    write("e", "it broke", types, SimpleType.ERROR);
    write("raw", " raw \n", types, SimpleType.BINARY);

    UploadResult.Uploaded uploaded = uploaded(simpleOutputs(types));

    Outputs outputs = uploaded.outputs();
    assertThat(outputs.get("i")).contains(Literal.of(42));
    assertThat(outputs.get("f")).contains(Literal.of(25.0));
    assertThat(outputs.get("s")).contains(Literal.of("hello world"));
    assertThat(outputs.get("b")).contains(Literal.of(true));
    assertThat(outputs.get("t"))
        .contains(new Primitive.DatetimeValue(Instant.parse("2024-05-06T07:08:09.5Z")));
    assertThat(outputs.get("d"))
        .contains(new Primitive.DurationValue(Duration.ofMinutes(90).plusMillis(250)));
    assertThat(outputs.get("g")).contains(new Generic("{\"a\":\"x\",\"b\":[1.0,true]}"));
    assertThat(outputs.get("n")).contains(NoneValue.INSTANCE);
    assertThat(outputs.get("e")).contains(new ErrorValue("", "it broke"));
    assertThat(outputs.get("raw")).contains(new Binary(" raw \n".getBytes(), ""));
    StorageUri outputsPb = outputPrefix.resolve("outputs.pb");
    assertThat(uploaded.outputsFile()).isEqualTo(outputsPb.toString());
    assertThat(storage.codec.decodeOutputs(storage.get(outputsPb))).isEqualTo(outputs);
  }

  static Stream<Arguments> goSyntax() {
    return Stream.of(
        Arguments.of(SimpleType.INTEGER, "+5", Literal.of(5)),
        Arguments.of(SimpleType.INTEGER, "-9223372036854775808", Literal.of(Long.MIN_VALUE)),
        Arguments.of(SimpleType.FLOAT, "-Inf", Literal.of(Double.NEGATIVE_INFINITY)),
        Arguments.of(SimpleType.FLOAT, ".5", Literal.of(0.5)),
        Arguments.of(SimpleType.FLOAT, "7", Literal.of(7.0)),
        Arguments.of(SimpleType.BOOLEAN, "1", Literal.of(true)),
        Arguments.of(SimpleType.BOOLEAN, "f", Literal.of(false)),
        Arguments.of(SimpleType.DURATION, "1.5\u00b5s", duration(Duration.ofNanos(1500))),
        Arguments.of(SimpleType.DURATION, "-2m", duration(Duration.ofMinutes(-2))),
        Arguments.of(SimpleType.DURATION, "0", duration(Duration.ZERO)),
        Arguments.of(SimpleType.DURATION, "2h45m", duration(Duration.ofMinutes(165))),
        Arguments.of(
            SimpleType.DATETIME, "2024-01-02T03:04:05Z", datetime("2024-01-02T03:04:05Z")));
  }

  @ParameterizedTest
  @MethodSource("goSyntax")
  void givenTextInGoSyntax_whenUploaded_thenReadAsGoReadsIt(
      SimpleType type, String text, Literal expected) throws Exception {
    Files.writeString(local.resolve("v"), text);

    Outputs outputs = uploaded(simpleOutputs(Map.of("v", type))).outputs();

    assertThat(outputs.get("v")).contains(expected);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(SimpleType.INTEGER, "1.0"),
        Arguments.of(SimpleType.INTEGER, "99999999999999999999"),
        Arguments.of(SimpleType.FLOAT, "1.5f"),
        Arguments.of(SimpleType.BOOLEAN, "yes"),
        Arguments.of(SimpleType.DURATION, "5"),
        Arguments.of(SimpleType.DURATION, "5 days"),
        Arguments.of(SimpleType.DATETIME, "2024-01-02"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void givenMalformedText_whenUploaded_thenRejectedNamingTypeAndText(SimpleType type, String text)
      throws Exception {
    Files.writeString(local.resolve("v"), text);

    ExecutionError error = rejected(simpleOutputs(Map.of("v", type)));

    assertThat(error.message())
        .startsWith("output v of type " + type + " cannot be read from '" + text + "': ");
  }

  @Test
  void givenAnOutputWrittenWithAnExtension_whenUploaded_thenThatFileIsRead() throws Exception {
    Files.writeString(local.resolve("count.txt"), "7");

    Outputs outputs = uploaded(simpleOutputs(Map.of("count", SimpleType.INTEGER))).outputs();

    assertThat(outputs.get("count")).contains(Literal.of(7));
  }

  @Test
  void givenTwoFilesWithTheOutputsNameAndAnExtension_whenUploaded_thenRejectedNamingBoth()
      throws Exception {
    Files.writeString(local.resolve("count.txt"), "7");
    Files.writeString(local.resolve("count.json"), "8");

    ExecutionError error = rejected(simpleOutputs(Map.of("count", SimpleType.INTEGER)));

    assertThat(error.message()).contains("count.json, count.txt").contains("keep only one");
  }

  @Test
  void givenAReportBesideTheOutputs_whenUploaded_thenStoredBesideOutputsPbAndNamed()
      throws Exception {
    Files.writeString(local.resolve("count"), "7");
    Files.writeString(local.resolve("report.html"), "<h1>7</h1>");

    UploadResult.Uploaded uploaded = uploaded(simpleOutputs(Map.of("count", SimpleType.INTEGER)));

    assertThat(uploaded.reportFile()).isEqualTo(outputPrefix.resolve("report.html").toString());
    assertThat(storage.get(outputPrefix.resolve("report.html")))
        .isEqualTo("<h1>7</h1>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void givenNoReport_whenUploaded_thenNoneIsNamed() throws Exception {
    Files.writeString(local.resolve("count"), "7");

    assertThat(uploaded(simpleOutputs(Map.of("count", SimpleType.INTEGER))).reportFile()).isNull();
  }

  @Test
  void givenAReportLinkedOutOfTheDirectory_whenUploaded_thenRejectedAndNothingStored()
      throws Exception {
    Files.writeString(local.resolve("count"), "7");
    Path secret = Files.writeString(local.getParent().resolve("secret.html"), "password");
    Files.createSymbolicLink(local.resolve("report.html"), secret);

    ExecutionError error = rejected(simpleOutputs(Map.of("count", SimpleType.INTEGER)));

    assertThat(error.message()).contains("report.html");
    assertThat(storage.get(outputPrefix.resolve("report.html"))).isNull();
    assertThat(storage.get(outputPrefix.resolve("outputs.pb"))).isNull();
  }

  @Test
  void givenADeclaredOutputWithoutFile_whenUploaded_thenRejectedSayingWhereItWasExpected() {
    ExecutionError error = rejected(simpleOutputs(Map.of("x", SimpleType.STRING)));

    assertThat(error.message())
        .isEqualTo("output x was declared but not written to " + local.resolve("x"));
    assertThat(error.kind()).isEqualTo(ErrorKind.USER);
    assertThat(error.code()).isEqualTo("OutputUploadFailed");
    assertThat(storage.get(outputPrefix.resolve("outputs.pb"))).isNull();
  }

  @Test
  void givenAPrimitiveLargerThan1KiB_whenUploaded_thenRejectedPointingToBlobs() throws Exception {
    Files.writeString(local.resolve("x"), "a".repeat(1025));

    ExecutionError error = rejected(simpleOutputs(Map.of("x", SimpleType.STRING)));

    assertThat(error.message())
        .isEqualTo("output x is larger than 1 KiB; write it as a file (blob) output instead");
  }

  @Test
  void givenAPrimitiveOfExactly1KiB_whenUploaded_thenAccepted() throws Exception {
    Files.writeString(local.resolve("x"), "a".repeat(1024));

    Outputs outputs = uploaded(simpleOutputs(Map.of("x", SimpleType.STRING))).outputs();

    assertThat(outputs.get("x")).contains(Literal.of("a".repeat(1024)));
  }

  @Test
  void givenTextThatIsNotOfTheDeclaredType_whenUploaded_thenRejectedNamingVariableTypeAndText()
      throws Exception {
    Files.writeString(local.resolve("n"), "forty-two\n");

    ExecutionError error = rejected(simpleOutputs(Map.of("n", SimpleType.INTEGER)));

    assertThat(error.message())
        .startsWith("output n of type INTEGER cannot be read from 'forty-two'");
  }

  @Test
  void givenStructTextThatIsNoJsonObject_whenUploaded_thenRejected() throws Exception {
    Files.writeString(local.resolve("g"), "[1, 2]");

    ExecutionError error = rejected(simpleOutputs(Map.of("g", SimpleType.STRUCT)));

    assertThat(error.message()).startsWith("output g of type STRUCT cannot be read from '[1, 2]'");
  }

  @Test
  void givenAnErrorFile_whenUploaded_thenRejectedAsUserErrorWithItsText() throws Exception {
    Files.writeString(local.resolve("x"), "1");
    Files.writeString(local.resolve("_ERROR"), "division by zero");

    ExecutionError error = rejected(simpleOutputs(Map.of("x", SimpleType.INTEGER)));

    assertThat(error.code()).isEqualTo("UserError");
    assertThat(error.message()).isEqualTo("User Error: division by zero");
    assertThat(error.kind()).isEqualTo(ErrorKind.USER);
    assertThat(storage.get(outputPrefix.resolve("outputs.pb"))).isNull();
  }

  @Test
  void givenAnErrorFileLargerThan1MiB_whenUploaded_thenRejectedSayingSo() throws Exception {
    Files.write(local.resolve("_ERROR"), new byte[1024 * 1024 + 1]);

    ExecutionError error = rejected(simpleOutputs(Map.of()));

    assertThat(error.message()).contains("_ERROR").contains("larger than 1 MiB");
  }

  @Test
  void givenAnErrorDirectory_whenUploaded_thenRejectedSayingItIsADirectory() throws Exception {
    Files.createDirectories(local.resolve("_ERROR"));

    ExecutionError error = rejected(simpleOutputs(Map.of()));

    assertThat(error.message()).contains("_ERROR").contains("is a directory");
  }

  @Test
  void givenAFileOutput_whenUploaded_thenStoredUnderTheRawPrefixByVariable() throws Exception {
    Files.writeString(local.resolve("table.csv"), "a,b\n");

    Outputs outputs = uploaded(blobOutput("table", FILE)).outputs();

    StorageUri object = rawPrefix.resolve("table");
    assertThat(outputs.get("table"))
        .contains(new Blob(object.toString(), "csv", Dimensionality.SINGLE));
    assertThat(storage.text(object)).isEqualTo("a,b\n");
  }

  @Test
  void givenADirectoryOutput_whenUploaded_thenEveryFileStoredWithItsRelativeKey() throws Exception {
    Path model = local.resolve("model");
    Files.createDirectories(model.resolve("sub/deeper"));
    Files.writeString(model.resolve("weights.bin"), "W");
    Files.writeString(model.resolve("sub/config.json"), "{}");
    Files.writeString(model.resolve("sub/deeper/notes.txt"), "N");

    Outputs outputs = uploaded(blobOutput("model", DIRECTORY)).outputs();

    StorageUri target = rawPrefix.resolve("model");
    assertThat(outputs.get("model"))
        .contains(new Blob(target.toString(), "", Dimensionality.MULTIPART));
    assertThat(storage.keysUnder(target))
        .containsExactly("sub/config.json", "sub/deeper/notes.txt", "weights.bin");
    assertThat(storage.text(target.resolve("sub/deeper/notes.txt"))).isEqualTo("N");
  }

  @Test
  void givenAnUploadedDirectory_whenDownloadedAgain_thenTheSameFiles() throws Exception {
    Path model = local.resolve("model");
    Files.createDirectories(model.resolve("sub"));
    Files.writeString(model.resolve("a"), "A");
    Files.writeString(model.resolve("sub/b"), "B");
    UploadResult.Uploaded uploaded = uploaded(blobOutput("model", DIRECTORY));
    Path inputs = local.resolve("next-task");

    copilot.download(uploaded.outputsFile(), inputs).block(TIMEOUT);

    assertThat(CopilotDownloadTest.filesBelow(inputs.resolve("model")))
        .containsExactly("a", "sub/b");
  }

  @Test
  void givenAnOutputThatIsALinkOutOfTheDirectory_whenUploaded_thenRejectedAndNothingStored(
      @TempDir Path elsewhere) throws Exception {
    Path secret = Files.writeString(elsewhere.resolve("secret"), "do not upload");
    Files.createSymbolicLink(local.resolve("table"), secret);

    ExecutionError error = rejected(blobOutput("table", FILE));

    assertThat(error.message())
        .contains("output table", "leads to " + secret.toRealPath(), "not a link to it");
    assertThat(storage.keysUnder(prefix)).isEmpty();
  }

  @Test
  void givenADirectoryOutputWithALinkOutOfIt_whenUploaded_thenRejectedAndNothingVisible(
      @TempDir Path elsewhere) throws Exception {
    Path secret = Files.writeString(elsewhere.resolve("secret"), "do not upload");
    Path model = local.resolve("model");
    Files.createDirectories(model);
    Files.writeString(model.resolve("weights.bin"), "W");
    Files.createSymbolicLink(model.resolve("stolen"), secret);

    ExecutionError error = rejected(blobOutput("model", DIRECTORY));

    assertThat(error.message()).contains("symbolic link", "outside the output directory");
    assertThat(storage.keysUnder(outputPrefix)).isEmpty();
  }

  @Test
  void givenADirectoryOutputWithALinkInsideIt_whenUploaded_thenTheLinkedFileIsStored()
      throws Exception {
    Path model = local.resolve("model");
    Files.createDirectories(model);
    Files.writeString(model.resolve("weights.bin"), "W");
    Files.createSymbolicLink(model.resolve("latest.bin"), model.resolve("weights.bin"));

    uploaded(blobOutput("model", DIRECTORY));

    StorageUri target = rawPrefix.resolve("model");
    assertThat(storage.keysUnder(target)).containsExactly("latest.bin", "weights.bin");
    assertThat(storage.text(target.resolve("latest.bin"))).isEqualTo("W");
  }

  @Test
  void givenAnErrorFileLinkedOutOfTheDirectory_whenUploaded_thenItsTargetIsNeverRead(
      @TempDir Path elsewhere) throws Exception {
    Path secret = Files.writeString(elsewhere.resolve("secret"), "root:hash");
    Files.createSymbolicLink(local.resolve("_ERROR"), secret);

    ExecutionError error = rejected(simpleOutputs(Map.of()));

    assertThat(error.message()).contains("the error file").doesNotContain("root:hash");
  }

  @Test
  void givenADirectoryOfFiles_whenUploadedAndDownloadedWithProgress_thenEveryFileAndByteCounted()
      throws Exception {
    Path model = local.resolve("model");
    Files.createDirectories(model);
    int files = 40;
    for (int i = 0; i < files; i++) {
      Files.write(model.resolve("part-" + i), new byte[1000 + i]);
    }
    long bytes = files * 1000L + (files - 1) * files / 2;
    RecordingProgress sent = new RecordingProgress();
    RecordingProgress received = new RecordingProgress();

    UploadResult result =
        copilot
            .upload(
                blobOutput("model", DIRECTORY),
                local,
                outputPrefix.toString(),
                rawPrefix.toString(),
                sent)
            .block(TIMEOUT);
    var uploaded = (UploadResult.Uploaded) result;
    copilot
        .download(
            uploaded.outputsFile(),
            local.resolve("next-task"),
            io.aloft.application.copilot.MetadataFormat.JSON,
            received)
        .block(TIMEOUT);

    for (RecordingProgress progress : List.of(sent, received)) {
      assertThat(progress.plannedFiles).hasValue(files);
      assertThat(progress.plannedBytes).hasValue(bytes);
      assertThat(progress.doneFiles).hasValue(files);
      assertThat(progress.doneBytes.get()).isGreaterThanOrEqualTo(bytes);
    }
    assertThat(CopilotDownloadTest.filesBelow(local.resolve("next-task/model"))).hasSize(files);
  }

  /** Counts what the copilot reports. */
  private static final class RecordingProgress implements CopilotProgress {
    final AtomicLong plannedFiles = new AtomicLong();
    final AtomicLong plannedBytes = new AtomicLong();
    final AtomicLong doneFiles = new AtomicLong();
    final AtomicLong doneBytes = new AtomicLong();

    @Override
    public void planned(int files, long bytes) {
      plannedFiles.addAndGet(files);
      plannedBytes.addAndGet(bytes);
    }

    @Override
    public void transferred(long bytes) {
      doneBytes.addAndGet(bytes);
    }

    @Override
    public void fileDone() {
      doneFiles.incrementAndGet();
    }
  }

  @Test
  void givenADirectoryForAFileOutput_whenUploaded_thenRejectedNamingBoth() throws Exception {
    Files.createDirectories(local.resolve("table"));

    ExecutionError error = rejected(blobOutput("table", FILE));

    assertThat(error.message())
        .isEqualTo(
            "output table is declared as a file (single blob) but "
                + local.resolve("table")
                + " is a directory");
  }

  @Test
  void givenAnEmptyDirectoryOutput_whenUploaded_thenRejected() throws Exception {
    Files.createDirectories(local.resolve("model"));

    ExecutionError error = rejected(blobOutput("model", DIRECTORY));

    assertThat(error.message()).contains("empty directory");
  }

  @Test
  void givenACollectionOutput_whenUploaded_thenRejectedAsUnsupported() throws Exception {
    Files.createDirectories(local.resolve("xs"));
    var iface =
        outputs(
            Map.of(
                "xs",
                new Variable(
                    new LiteralType.CollectionType(LiteralType.simple(SimpleType.INTEGER)), "")));

    ExecutionError error = rejected(iface);

    assertThat(error.message()).contains("output xs is a collection").contains("only simple types");
  }

  @Test
  void givenNoDeclaredOutputs_whenUploaded_thenAnEmptyOutputsPb() {
    UploadResult.Uploaded uploaded = uploaded(simpleOutputs(Map.of()));

    assertThat(uploaded.outputs().literals()).isEmpty();
    assertThat(storage.get(outputPrefix.resolve("outputs.pb"))).isEmpty();
  }

  @Test
  void givenAStoreThatRefusesTheWrite_whenUploaded_thenAnErrorNotARejection() throws Exception {
    Files.writeString(local.resolve("x"), "1");
    String noBucket = "s3://no-such-bucket/metadata";

    StepVerifier.create(
            copilot.upload(
                simpleOutputs(Map.of("x", SimpleType.INTEGER)), local, noBucket, noBucket))
        .expectError(FailedPrecondition.class)
        .verify(TIMEOUT);
  }

  private static Literal duration(Duration duration) {
    return new Primitive.DurationValue(duration);
  }

  private static Literal datetime(String text) {
    return new Primitive.DatetimeValue(Instant.parse(text));
  }

  private void write(String name, String text, Map<String, SimpleType> types, SimpleType type)
      throws Exception {
    Files.writeString(local.resolve(name), text);
    types.put(name, type);
  }

  private UploadResult.Uploaded uploaded(TypedInterface iface) {
    UploadResult result = upload(iface);
    assertThat(result).isInstanceOf(UploadResult.Uploaded.class);
    return (UploadResult.Uploaded) result;
  }

  private ExecutionError rejected(TypedInterface iface) {
    UploadResult result = upload(iface);
    assertThat(result).isInstanceOf(UploadResult.Rejected.class);
    return ((UploadResult.Rejected) result).error();
  }

  private UploadResult upload(TypedInterface iface) {
    return copilot
        .upload(iface, local, outputPrefix.toString(), rawPrefix.toString())
        .block(TIMEOUT);
  }

  private static TypedInterface simpleOutputs(Map<String, SimpleType> types) {
    Map<String, Variable> variables = new LinkedHashMap<>();
    types.forEach((name, type) -> variables.put(name, new Variable(LiteralType.simple(type), "")));
    return outputs(variables);
  }

  private static TypedInterface blobOutput(String name, LiteralType type) {
    return outputs(Map.of(name, new Variable(type, "")));
  }

  private static TypedInterface outputs(Map<String, Variable> variables) {
    return new TypedInterface(Map.of(), variables);
  }
}
