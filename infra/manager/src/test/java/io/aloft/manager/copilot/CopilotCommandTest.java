package io.aloft.manager.copilot;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.protobuf.ProtoLiteralCodec;
import io.aloft.adapters.s3.EmbeddedS3Server;
import io.aloft.adapters.s3.S3DataStore;
import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.literal.Inputs;
import io.aloft.domain.literal.NamedLiteral;
import io.aloft.domain.literal.Primitive;
import io.aloft.proto.core.v1.LiteralType;
import io.aloft.proto.core.v1.SimpleType;
import io.aloft.proto.core.v1.TypedInterface;
import io.aloft.proto.core.v1.Variable;
import io.aloft.proto.core.v1.VariableEntry;
import io.aloft.proto.core.v1.VariableMap;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `aloft copilot` as a process would run it, against a real (in-JVM) S3 server. */
class CopilotCommandTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String ACCESS = "copilot-cli";
  private static final String SECRET = "copilot-cli-secret";

  @TempDir static Path s3Directory;
  private static EmbeddedS3Server server;
  private static S3DataStore store;
  private final ProtoLiteralCodec codec = new ProtoLiteralCodec();
  private final String base = "s3://aloft/cli-" + UUID.randomUUID();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @TempDir Path local;

  @BeforeAll
  static void startServer() throws Exception {
    Files.createDirectories(s3Directory.resolve("aloft"));
    server = new EmbeddedS3Server(s3Directory, 0, ACCESS, SECRET);
    server.start();
    store = new S3DataStore(server.clientSettings());
  }

  @AfterAll
  static void stopServer() {
    store.close();
    server.close();
  }

  @Test
  void downloadWritesEachInputAndTheYamlCopyOnRequest() throws Exception {
    put(
        base + "/in/inputs.pb",
        codec.encodeInputs(
            new Inputs(
                List.of(
                    new NamedLiteral("n", new Primitive.IntegerValue(42)),
                    new NamedLiteral("s", new Primitive.StringValue("yes"))),
                Map.of())));

    int code =
        run(
            "download",
            "--from-remote",
            base + "/in/inputs.pb",
            "--to-local-dir",
            local.resolve("inputs").toString(),
            "--format=yaml");

    assertThat(code).as(text(err)).isZero();
    assertThat(local.resolve("inputs/n")).hasContent("42");
    assertThat(local.resolve("inputs/s")).hasContent("yes");
    assertThat(local.resolve("inputs/inputs.pb")).exists();
    assertThat(local.resolve("inputs/inputs.json")).doesNotExist();
    assertThat(Files.readString(local.resolve("inputs/inputs.yaml")))
        .contains("\"literals\":", "\"name\": \"s\"", "\"stringValue\": \"yes\"");
    assertThat(text(out)).contains("downloaded 2 inputs");
  }

  @Test
  void aFailedDownloadIsRecordedAsErrorsPbUnderTheOutputPrefix() throws Exception {
    int code =
        run(
            "download",
            "--from-remote",
            base + "/missing/inputs.pb",
            "--to-local-dir",
            local.toString(),
            "--to-output-prefix",
            base + "/out");

    assertThat(code).isZero();
    ExecutionError error = codec.decodeError(get(base + "/out/errors.pb"));
    assertThat(error.code()).isEqualTo("InputDownloadFailed");
    assertThat(error.kind()).isEqualTo(ErrorKind.SYSTEM);
    assertThat(error.message()).contains("does not exist");
  }

  @Test
  void aFailureWithNowhereToRecordItExitsOne() {
    int code =
        run(
            "download",
            "--from-remote",
            base + "/missing/inputs.pb",
            "--to-local-dir",
            local.toString());

    assertThat(code).isEqualTo(CopilotCommand.UNRECORDED_FAILURE);
    assertThat(text(err)).contains("does not exist");
  }

  @Test
  void uploadStoresTheDeclaredOutputs() throws Exception {
    Files.writeString(local.resolve("o0"), "7\n");

    int code = upload();

    assertThat(code).as(text(err)).isZero();
    var outputs = codec.decodeOutputs(get(base + "/out/outputs.pb"));
    assertThat(outputs.get("o0")).contains(new Primitive.IntegerValue(7));
  }

  @Test
  void anErrorFileIsAUserErrorRecordedInsteadOfOutputs() throws Exception {
    Files.writeString(local.resolve("_ERROR"), "the model did not converge");

    int code = upload();

    assertThat(code).isZero();
    ExecutionError error = codec.decodeError(get(base + "/out/errors.pb"));
    assertThat(error.kind()).isEqualTo(ErrorKind.USER);
    assertThat(error.message()).contains("the model did not converge");
    assertThat(store.get(StorageUri.parse(base + "/out/outputs.pb")).block(TIMEOUT)).isNull();
  }

  @Test
  void usageErrorsNameTheProblemAndExitTwo() {
    assertThat(run("copy")).isEqualTo(CopilotCommand.USAGE);
    assertThat(text(err)).contains("download or upload", "usage: aloft copilot");
    assertThat(run("download", "--to-local-dir", "x")).isEqualTo(CopilotCommand.USAGE);
    assertThat(text(err)).contains("needs --from-remote");
    assertThat(
            run("download", "--from-remote", "s3://a/b", "--to-local-dir", "x", "--format", "xml"))
        .isEqualTo(CopilotCommand.USAGE);
    assertThat(text(err)).contains("--format must be json or yaml");
    assertThat(run("upload", "--bogus", "1")).isEqualTo(CopilotCommand.USAGE);
    assertThat(text(err)).contains("no option --bogus");
  }

  @Test
  void helpPrintsTheUsageAndExitsZero() {
    assertThat(run("--help")).isEqualTo(CopilotCommand.OK);
    assertThat(text(out)).contains("usage: aloft copilot download", "aloft copilot upload");
    assertThat(run("upload", "-h")).isEqualTo(CopilotCommand.OK);
  }

  private int upload() {
    TypedInterface iface =
        TypedInterface.newBuilder()
            .setOutputs(
                VariableMap.newBuilder()
                    .addVariables(
                        VariableEntry.newBuilder()
                            .setKey("o0")
                            .setValue(
                                Variable.newBuilder()
                                    .setType(
                                        LiteralType.newBuilder()
                                            .setSimple(SimpleType.SIMPLE_TYPE_INTEGER)))))
            .build();
    return run(
        "upload",
        "--from-local-dir",
        local.toString(),
        "--to-output-prefix",
        base + "/out",
        "--to-raw-output",
        base + "/raw",
        "--output-interface",
        Base64.getEncoder().encodeToString(iface.toByteArray()));
  }

  private int run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--storage-endpoint");
    all.add(server.endpoint().toString());
    Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", ACCESS, "AWS_SECRET_ACCESS_KEY", SECRET);
    return new CopilotCommand(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env)
        .run(all);
  }

  private static void put(String uri, byte[] bytes) {
    store.put(StorageUri.parse(uri), bytes, PutOptions.none()).block(TIMEOUT);
  }

  private static byte[] get(String uri) {
    byte[] bytes = store.get(StorageUri.parse(uri)).block(TIMEOUT);
    assertThat(bytes).as(uri).isNotNull();
    return bytes;
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
