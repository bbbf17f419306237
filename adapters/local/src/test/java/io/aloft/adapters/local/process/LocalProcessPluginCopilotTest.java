package io.aloft.adapters.local.process;

import static io.aloft.adapters.local.process.Tasks.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.protobuf.ProtoLiteralCodec;
import io.aloft.adapters.s3.EmbeddedS3Server;
import io.aloft.adapters.s3.S3DataStore;
import io.aloft.application.copilot.Copilot;
import io.aloft.application.port.plugin.PluginContext;
import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.execution.PluginPhase;
import io.aloft.domain.execution.PluginReport;
import io.aloft.domain.execution.TaskTemplate;
import io.aloft.domain.literal.Inputs;
import io.aloft.domain.literal.Literal;
import io.aloft.domain.literal.LiteralType;
import io.aloft.domain.literal.NamedLiteral;
import io.aloft.domain.literal.Outputs;
import io.aloft.domain.literal.SimpleType;
import io.aloft.domain.literal.TypedInterface;
import io.aloft.domain.literal.Variable;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin with the real copilot: an in-JVM s3proxy, the S3 adapter and the protobuf codec. The
 * task reads its input file and writes its output file; the plugin moves them.
 */
class LocalProcessPluginCopilotTest {

  private static final String BUCKET = "local-process";
  private static final Variable INTEGER = new Variable(LiteralType.simple(SimpleType.INTEGER), "");

  @TempDir static Path s3Directory;
  private static EmbeddedS3Server server;
  private static S3DataStore store;
  private static final ProtoLiteralCodec CODEC = new ProtoLiteralCodec();

  @TempDir Path root;

  @BeforeAll
  static void startStorage() {
    server = new EmbeddedS3Server(s3Directory, 0, "local", "local-secret");
    server.start();
    store = new S3DataStore(server.clientSettings());
    store.ensureBucket(BUCKET).block(TIMEOUT);
  }

  @AfterAll
  static void stopStorage() {
    store.close();
    server.close();
  }

  private LocalProcessPlugin plugin() {
    return new LocalProcessPlugin(
        TaskData.of(new Copilot(store, CODEC)),
        Tasks.settings(root),
        ProcessRunner.detect(),
        Clock.systemUTC(),
        Tasks.BASE_ENV);
  }

  /** A task doubling its input x into its output y, with inputs.pb stored under a new prefix. */
  private PluginContext doubling(String script, boolean writeInputs) {
    String prefix = "s3://" + BUCKET + "/t-" + UUID.randomUUID();
    String inputsFile = prefix + "/inputs/inputs.pb";
    if (writeInputs) {
      Inputs inputs = Inputs.of(List.of(new NamedLiteral("x", Literal.of(21L))));
      store
          .put(StorageUri.parse(inputsFile), CODEC.encodeInputs(inputs), PutOptions.none())
          .block(TIMEOUT);
    }
    PluginContext base = Tasks.shell(script);
    TaskTemplate t = base.template();
    TaskTemplate template =
        new TaskTemplate(
            t.type(),
            new TypedInterface(Map.of("x", INTEGER), Map.of("y", INTEGER)),
            t.retries(),
            null,
            false,
            t.cache(),
            t.container(),
            t.config());
    return new PluginContext(
        base.spec(),
        template,
        1,
        0,
        base.state(),
        inputsFile,
        prefix + "/out/1",
        prefix + "/out/1/raw",
        base.environment(),
        null,
        () -> {});
  }

  @Test
  void givenTaskReadingItsInputAndWritingItsOutput_whenRun_thenOutputsArePublished() {
    LocalProcessPlugin plugin = plugin();
    PluginContext context =
        doubling("echo $(( $(cat \"$ALOFT_INPUT_DIR/x\") * 2 )) > \"$ALOFT_OUTPUT_DIR/y\"", true);

    PluginReport report = Tasks.untilDone(plugin, context);
    plugin.finalizeAttempt(Tasks.withState(context, report.state())).block(TIMEOUT);

    assertThat(report.phase()).as("%s", report.error()).isEqualTo(PluginPhase.SUCCESS);
    assertThat(report.outputUri()).isEqualTo(context.outputPrefix() + "/outputs.pb");
    byte[] stored = store.get(StorageUri.parse(report.outputUri())).block(TIMEOUT);
    Outputs outputs = CODEC.decodeOutputs(stored);
    assertThat(outputs.get("y")).contains(Literal.of(42L));
    assertThat(plugin.workDirectory(context).resolve("inputs/inputs.pb")).exists();
  }

  @Test
  void givenTaskWritingAnErrorFile_whenItExitsZero_thenRetryableUserFailureFromTheCopilot() {
    LocalProcessPlugin plugin = plugin();
    PluginContext context =
        doubling("echo 'the data looked wrong' > \"$ALOFT_OUTPUT_DIR/_ERROR\"", true);

    PluginReport report = Tasks.untilDone(plugin, context);

    assertThat(report.phase()).isEqualTo(PluginPhase.RETRYABLE_FAILURE);
    assertThat(report.error().kind()).isEqualTo(ErrorKind.USER);
    assertThat(report.error().code()).isEqualTo("UserError");
    assertThat(report.error().message()).contains("the data looked wrong");
  }

  @Test
  void givenTaskNotWritingItsOutput_whenItExitsZero_thenRetryableUserFailure() {
    LocalProcessPlugin plugin = plugin();
    PluginContext context = doubling("true", true);

    PluginReport report = Tasks.untilDone(plugin, context);

    assertThat(report.phase()).isEqualTo(PluginPhase.RETRYABLE_FAILURE);
    assertThat(report.error().kind()).isEqualTo(ErrorKind.USER);
    assertThat(report.error().message()).contains("y");
  }

  @Test
  void givenMissingInputsFile_whenStarted_thenRetryableSystemFailureBeforeAnythingRuns() {
    LocalProcessPlugin plugin = plugin();
    PluginContext context = doubling("touch ran", false);

    PluginReport report = plugin.handle(context).block(TIMEOUT);

    assertThat(report.phase()).isEqualTo(PluginPhase.RETRYABLE_FAILURE);
    assertThat(report.error().kind()).isEqualTo(ErrorKind.SYSTEM);
    assertThat(report.error().code()).isEqualTo("InputDownloadFailed");
    assertThat(plugin.workDirectory(context).resolve("ran")).doesNotExist();
  }
}
