package io.aloft.manager.copilot;

import io.aloft.application.copilot.MetadataFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The command line of {@code aloft copilot}: a subcommand and {@code --name value} (or {@code
 * --name=value}) options. Unknown or missing options are usage errors naming the option.
 */
record CopilotOptions(String command, Map<String, String> values) {

  static final String USAGE =
      """
      usage: aloft copilot download --from-remote <inputs.pb uri> --to-local-dir <dir>
                                    [--to-output-prefix <uri>] [--format json|yaml] [--timeout 1h]
             aloft copilot upload   --from-local-dir <dir> --to-output-prefix <uri>
                                    --to-raw-output <uri> --output-interface <base64 TypedInterface>
                                    [--timeout 1h]
      storage: [--storage-endpoint <url>] [--storage-region <region>]
               (or ALOFT_STORAGE_ENDPOINT, AWS_REGION; credentials: AWS_ACCESS_KEY_ID and
               AWS_SECRET_ACCESS_KEY, else the AWS default chain)
      On a failure the copilot writes errors.pb under --to-output-prefix and exits 0, as Flyte's
      copilot does; it exits 1 when it could not record the failure, 2 on a usage error.
      """;

  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "download",
          Set.of(
              "from-remote",
              "to-local-dir",
              "to-output-prefix",
              "format",
              "timeout",
              "storage-endpoint",
              "storage-region"),
          "upload",
          Set.of(
              "from-local-dir",
              "to-output-prefix",
              "to-raw-output",
              "output-interface",
              "timeout",
              "storage-endpoint",
              "storage-region"));

  static CopilotOptions parse(List<String> args) {
    if (args.isEmpty() || !ALLOWED.containsKey(args.getFirst())) {
      throw new UsageError("the first argument must be download or upload");
    }
    String command = args.getFirst();
    Map<String, String> values = new HashMap<>();
    for (int i = 1; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new UsageError("unexpected argument '" + arg + "'");
      }
      String name = arg.substring(2);
      String value;
      int equals = name.indexOf('=');
      if (equals >= 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new UsageError("--" + name + " needs a value");
      }
      if (!ALLOWED.get(command).contains(name)) {
        throw new UsageError("'" + command + "' has no option --" + name);
      }
      values.put(name, value);
    }
    return new CopilotOptions(command, Map.copyOf(values));
  }

  String required(String name) {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      throw new UsageError("'" + command + "' needs --" + name);
    }
    return value;
  }

  String optional(String name) {
    String value = values.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  Path path(String name) {
    return Path.of(required(name)).toAbsolutePath().normalize();
  }

  MetadataFormat format() {
    String format = values.getOrDefault("format", "json").toUpperCase(Locale.ROOT);
    try {
      return MetadataFormat.valueOf(format);
    } catch (IllegalArgumentException e) {
      throw new UsageError("--format must be json or yaml, not '" + values.get("format") + "'");
    }
  }

  /** As the reference: one hour unless given (e.g. 90s, 10m, 1h, or ISO-8601 PT10M). */
  Duration timeout() {
    String text = values.get("timeout");
    if (text == null) {
      return Duration.ofHours(1);
    }
    try {
      Duration timeout =
          text.startsWith("P") || text.startsWith("p")
              ? Duration.parse(text)
              : Duration.parse("PT" + text.toUpperCase(Locale.ROOT));
      if (timeout.isZero() || timeout.isNegative()) {
        throw new UsageError("--timeout must be positive, not '" + text + "'");
      }
      return timeout;
    } catch (DateTimeParseException e) {
      throw new UsageError("--timeout '" + text + "' is no duration; write e.g. 90s, 10m or 1h");
    }
  }

  /** A mistake on the command line. */
  static final class UsageError extends RuntimeException {
    UsageError(String message) {
      super(message);
    }
  }
}
