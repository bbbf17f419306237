package io.aloft.manager.copilot;

import io.aloft.adapters.local.storage.FileDataStore;
import io.aloft.adapters.protobuf.ProtoLiteralCodec;
import io.aloft.adapters.protobuf.ProtoTypedInterfaces;
import io.aloft.adapters.s3.S3DataStore;
import io.aloft.application.copilot.Copilot;
import io.aloft.application.copilot.UploadResult;
import io.aloft.application.port.codec.LiteralCodec;
import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.DataStoreRouter;
import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.execution.AttemptPaths;
import io.aloft.domain.literal.TypedInterface;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * {@code aloft copilot download|upload}: the copilot as its own process, for a pod's init container
 * (download) and post-step (upload). It runs the same {@link Copilot} the local executor runs
 * in-process. As Flyte's copilot, a failure to move the data is recorded as {@code errors.pb} under
 * the output prefix, where the executor reads it, and the process exits 0; it exits 1 only when
 * even that record could not be written.
 */
public final class CopilotCommand {

  static final int OK = 0;
  static final int UNRECORDED_FAILURE = 1;
  static final int USAGE = 2;

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;
  private final boolean terminal;

  CopilotCommand(PrintStream out, PrintStream err, Map<String, String> env) {
    this(out, err, env, false);
  }

  /**
   * @param terminal draw a progress bar (on a console) rather than periodic log lines
   */
  CopilotCommand(PrintStream out, PrintStream err, Map<String, String> env, boolean terminal) {
    this.out = out;
    this.err = err;
    this.env = env;
    this.terminal = terminal;
  }

  /** The process entry: {@code args} without the leading "copilot". */
  public static int main(List<String> args) {
    return new CopilotCommand(System.out, System.err, System.getenv(), System.console() != null)
        .run(args);
  }

  int run(List<String> args) {
    if (args.contains("--help") || args.contains("-h")) {
      out.print(CopilotOptions.USAGE);
      return OK;
    }
    CopilotOptions options;
    try {
      options = CopilotOptions.parse(args);
    } catch (CopilotOptions.UsageError e) {
      err.println("aloft copilot: " + e.getMessage());
      err.print(CopilotOptions.USAGE);
      return USAGE;
    }
    try (S3DataStore s3 = new S3DataStore(CopilotStorage.s3Settings(options, env))) {
      // A copilot moves what its task names: any bucket, any local path (the task's own files).
      DataStore store = new DataStoreRouter(s3, new FileDataStore(List.of(Path.of("/"))));
      LiteralCodec codec = new ProtoLiteralCodec();
      Copilot copilot = new Copilot(store, codec);
      return "download".equals(options.command())
          ? download(copilot, store, codec, options)
          : upload(copilot, store, codec, options);
    } catch (CopilotOptions.UsageError e) {
      err.println("aloft copilot: " + e.getMessage());
      err.print(CopilotOptions.USAGE);
      return USAGE;
    }
  }

  private int download(
      Copilot copilot, DataStore store, LiteralCodec codec, CopilotOptions options) {
    String from = options.required("from-remote");
    var to = options.path("to-local-dir");
    Duration timeout = options.timeout();
    var format = options.format();
    try (ProgressReport progress = progress()) {
      var inputs = copilot.download(from, to, format, progress).block(timeout);
      out.printf(
          "aloft copilot: downloaded %d inputs from %s to %s%n",
          inputs == null ? 0 : inputs.literals().size(), from, to);
      return OK;
    } catch (RuntimeException e) {
      return recordFailure(store, codec, options, "InputDownloadFailed", "inputs from " + from, e);
    }
  }

  private int upload(Copilot copilot, DataStore store, LiteralCodec codec, CopilotOptions options) {
    var from = options.path("from-local-dir");
    String prefix = options.required("to-output-prefix");
    String raw = options.required("to-raw-output");
    TypedInterface iface = outputInterface(options);
    Duration timeout = options.timeout();
    try (ProgressReport progress = progress()) {
      UploadResult result = copilot.upload(iface, from, prefix, raw, progress).block(timeout);
      return switch (result) {
        case UploadResult.Uploaded uploaded -> {
          out.printf(
              "aloft copilot: uploaded %d outputs from %s to %s%n",
              uploaded.outputs().literals().size(), from, uploaded.outputsFile());
          yield OK;
        }
        case UploadResult.Rejected rejected -> writeError(store, codec, prefix, rejected.error());
        case null -> throw new IllegalStateException("the upload ended without a result");
      };
    } catch (RuntimeException e) {
      return recordFailure(store, codec, options, "OutputUploadFailed", "outputs of " + from, e);
    }
  }

  private ProgressReport progress() {
    return new ProgressReport(err, terminal, System::nanoTime).start();
  }

  private static TypedInterface outputInterface(CopilotOptions options) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(options.required("output-interface").trim());
    } catch (IllegalArgumentException e) {
      throw new CopilotOptions.UsageError("--output-interface is not base64: " + e.getMessage());
    }
    try {
      return ProtoTypedInterfaces.parse(bytes, "--output-interface");
    } catch (RuntimeException e) {
      throw new CopilotOptions.UsageError(e.getMessage());
    }
  }

  private int recordFailure(
      DataStore store,
      LiteralCodec codec,
      CopilotOptions options,
      String code,
      String what,
      RuntimeException failure) {
    String message = "cannot move the " + what + ": " + describe(failure);
    err.println("aloft copilot: " + message);
    String prefix = options.optional("to-output-prefix");
    if (prefix == null) {
      return UNRECORDED_FAILURE;
    }
    ExecutionError error = new ExecutionError(code, message, ErrorKind.SYSTEM, null, Instant.now());
    return writeError(store, codec, prefix, error);
  }

  private int writeError(DataStore store, LiteralCodec codec, String prefix, ExecutionError error) {
    String file = AttemptPaths.errorFile(prefix);
    try {
      store
          .put(StorageUri.parse(file), codec.encodeError(error), PutOptions.none())
          .block(Duration.ofMinutes(1));
      err.printf("aloft copilot: %s: %s (recorded in %s)%n", error.code(), error.message(), file);
      return OK;
    } catch (RuntimeException e) {
      err.println("aloft copilot: cannot record the failure in " + file + ": " + describe(e));
      return UNRECORDED_FAILURE;
    }
  }

  private static String describe(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getMessage() == null) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
