package io.aloft.manager.demo;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.aloft.proto.core.v1.ActionPhase;
import io.aloft.proto.core.v1.ErrorKind;
import io.aloft.proto.core.v1.Literal;
import io.aloft.proto.core.v1.Primitive;
import io.aloft.proto.core.v1.Scalar;
import io.aloft.proto.task.v1.TaskSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The sample tasks: their specs come from {@code examples/<name>.json}; the inputs each run gets
 * and what it must end with are here.
 *
 * <p>An example file is a task spec in proto JSON with two conveniences: keys named {@code "//"}
 * are comments (removed), and a {@code command} or {@code args} entry {@code "@<file>"} is replaced
 * by the content of that file in the examples directory, so the deployed version carries its own
 * code. The version is a hash of the resulting spec: an edited example deploys as a new version.
 */
final class SampleCatalogue {

  static final String PROJECT = "demo";
  static final String DOMAIN = "development";

  /** How many children the fan-out sample starts; it sums 1² + ... + n². */
  static final int FAN_OUT = 5;

  /** Part of the message broken.sh writes to its _ERROR file. */
  static final String BROKEN_MESSAGE = "order line 3 has no quantity";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern WORD = Pattern.compile("\\s+");

  private SampleCatalogue() {}

  /** The four samples, in the order they are shown; reads and checks every example file. */
  static List<Sample> load(Path examples) {
    byte[] words = read(examples.resolve("words.txt"));
    long wordCount = countWords(new String(words, StandardCharsets.UTF_8));
    int top = 3;
    long sumOfSquares = (long) FAN_OUT * (FAN_OUT + 1) * (2L * FAN_OUT + 1) / 6;
    return List.of(
        new Sample(
            "wordcount",
            spec(examples, "wordcount"),
            Map.of("n", integer(top)),
            Map.of("words", new Sample.FileInput("words.txt", "txt", words)),
            new Expectation(
                "SUCCEEDED with total = " + wordCount + " (the words of words.txt) and a report",
                outcome ->
                    Expectation.problems(
                        Expectation.phase(outcome, ActionPhase.ACTION_PHASE_SUCCEEDED),
                        Expectation.integerOutput(outcome, "total", wordCount),
                        Expectation.blobOutput(outcome, "report")))),
        new Sample(
            "fanout",
            spec(examples, "fanout"),
            Map.of("n", integer(FAN_OUT)),
            Map.of(),
            new Expectation(
                "SUCCEEDED with "
                    + FAN_OUT
                    + " children and total = "
                    + sumOfSquares
                    + " (1² + ... + "
                    + FAN_OUT
                    + "²)",
                outcome ->
                    Expectation.problems(
                        Expectation.phase(outcome, ActionPhase.ACTION_PHASE_SUCCEEDED),
                        Expectation.children(outcome, FAN_OUT, ActionPhase.ACTION_PHASE_SUCCEEDED),
                        Expectation.integerOutput(outcome, "total", sumOfSquares)))),
        new Sample(
            "flaky",
            spec(examples, "flaky"),
            Map.of(),
            Map.of(),
            new Expectation(
                "SUCCEEDED on attempt 2, after attempt 1 failed",
                outcome ->
                    Expectation.problems(
                        Expectation.phase(outcome, ActionPhase.ACTION_PHASE_SUCCEEDED),
                        Expectation.attempts(outcome, 2),
                        Expectation.integerOutput(outcome, "attempt", 2)))),
        new Sample(
            "broken",
            spec(examples, "broken"),
            Map.of(),
            Map.of(),
            new Expectation(
                "FAILED with the user error from its _ERROR file",
                outcome ->
                    Expectation.problems(
                        Expectation.phase(outcome, ActionPhase.ACTION_PHASE_FAILED),
                        Expectation.error(outcome, ErrorKind.ERROR_KIND_USER, BROKEN_MESSAGE)))));
  }

  /** Reads {@code <name>.json} into a task spec, comments removed and {@code @files} inlined. */
  static TaskSpec spec(Path examples, String name) {
    Path file = examples.resolve(name + ".json");
    String where = file.toString();
    JsonNode tree;
    try {
      tree = JSON.readTree(new String(read(file), StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(where + " is not valid JSON: " + e.getMessage(), e);
    }
    removeComments(tree);
    JsonNode container = tree.path("taskTemplate").path("container");
    for (String field : List.of("command", "args")) {
      if (container.get(field) instanceof ArrayNode argv) {
        inlineFiles(argv, examples, where);
      }
    }
    TaskSpec.Builder spec = TaskSpec.newBuilder();
    try {
      // Strict: a misspelt field in an example fails here rather than being ignored.
      JsonFormat.parser().merge(JSON.writeValueAsString(tree), spec);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(
          where + " is not an aloft.task.v1.TaskSpec: " + e.getMessage(), e);
    }
    return spec.build();
  }

  /** A version derived from the spec: the same spec is the same version. */
  static String version(TaskSpec spec) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      out.useDeterministicSerialization();
      spec.writeTo(out);
      out.flush();
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
      return "v-" + HexFormat.of().formatHex(hash, 0, 6);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  static long countWords(String text) {
    String trimmed = text.strip();
    return trimmed.isEmpty() ? 0 : WORD.split(trimmed).length;
  }

  static Literal integer(long value) {
    return Literal.newBuilder()
        .setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setInteger(value)))
        .build();
  }

  private static void removeComments(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove("//");
      object.forEach(SampleCatalogue::removeComments);
    } else if (node instanceof ArrayNode array) {
      array.forEach(SampleCatalogue::removeComments);
    }
  }

  private static void inlineFiles(ArrayNode argv, Path examples, String where) {
    for (int i = 0; i < argv.size(); i++) {
      String arg = argv.get(i).asString("");
      if (arg.startsWith("@")) {
        Path script = examples.resolve(arg.substring(1)).normalize();
        if (!script.startsWith(examples.normalize())) {
          throw new IllegalArgumentException(where + ": " + arg + " is outside " + examples);
        }
        argv.set(i, StringNode.valueOf(new String(read(script), StandardCharsets.UTF_8)));
      }
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + " is missing", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
