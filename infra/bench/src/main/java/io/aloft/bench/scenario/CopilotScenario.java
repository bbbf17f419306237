package io.aloft.bench.scenario;

import io.aloft.bench.BenchOptions;
import io.aloft.bench.stats.Results;
import io.aloft.proto.core.v1.BlobType;
import io.aloft.proto.core.v1.LiteralType;
import io.aloft.proto.core.v1.TypedInterface;
import io.aloft.proto.core.v1.Variable;
import io.aloft.proto.core.v1.VariableEntry;
import io.aloft.proto.core.v1.VariableMap;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The copilot CLI moving data, next to {@code cp -r} of the same tree on the same disk: a directory
 * of {@code files} files of {@code file-mib} MiB (a multipart blob) and one {@code big-mib} MiB
 * file (a single blob), each uploaded ({@code aloft copilot upload}) to the S3 server at {@code
 * s3-endpoint} and downloaded again ({@code aloft copilot download} of the outputs.pb the upload
 * wrote). The copilot runs as its own JVM with {@code -Xmx<heap>} and a GC log; its peak heap is
 * the largest heap-in-use figure the log shows. Times include the JVM's start (about a second).
 */
public final class CopilotScenario {

  private static final Pattern HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\(\\d+M\\)");

  private final BenchOptions options;

  public CopilotScenario(BenchOptions options) {
    this.options = options;
  }

  public void run() {
    Path work = Path.of(options.text("work", "/tmp/aloft-copilot-bench"));
    int files = options.integer("files", 1000);
    int fileMib = options.integer("file-mib", 1);
    int bigMib = options.integer("big-mib", 1024);
    System.out.println("SETUP copilot: writing the trees under " + work);
    long start = System.currentTimeMillis();
    try {
      deleteTree(work);
      Path many = work.resolve("many-out");
      writeFiles(many.resolve("tree"), files, fileMib);
      measure("copilot-many", work, many, "tree", true, (long) files * fileMib << 20);
      Path big = work.resolve("big-out");
      writeFiles(big, 1, bigMib);
      Files.move(big.resolve("f00000"), big.resolve("big"));
      measure("copilot-big", work, big, "big", false, (long) bigMib << 20);
      new io.aloft.bench.stats.Window("copilot", start, System.currentTimeMillis()).print();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        deleteTree(work);
      } catch (IOException e) {
        System.err.println("could not clean " + work + ": " + e);
      }
    }
  }

  private void measure(
      String label, Path work, Path outputs, String output, boolean directory, long bytes)
      throws IOException {
    String prefix = "s3://aloft/bench-copilot/" + label + "-" + System.nanoTime();
    double cp =
        seconds(List.of("cp", "-r", outputs.toString(), work.resolve(label + "-cp").toString()));
    deleteTree(work.resolve(label + "-cp"));
    Path upGc = work.resolve(label + "-upload.gc");
    double up =
        seconds(
            copilot(
                upGc,
                "upload",
                "--from-local-dir",
                outputs.toString(),
                "--to-output-prefix",
                prefix + "/out",
                "--to-raw-output",
                prefix + "/raw",
                "--output-interface",
                outputInterface(output, directory)));
    Path downGc = work.resolve(label + "-download.gc");
    Path downloaded = work.resolve(label + "-downloaded");
    double down =
        seconds(
            copilot(
                downGc,
                "download",
                "--from-remote",
                prefix + "/out/outputs.pb",
                "--to-local-dir",
                downloaded.toString()));
    long downloadedBytes = sizeOf(downloaded.resolve(output));
    deleteTree(downloaded);
    double mb = bytes / 1e6;
    new Results(label)
        .put("bytes", bytes)
        .put("downloaded_bytes", downloadedBytes)
        .decimal("cp_mb_per_s", mb / cp)
        .decimal("upload_mb_per_s", mb / up)
        .decimal("download_mb_per_s", mb / down)
        .decimal("upload_pct_of_cp", 100 * cp / up)
        .decimal("download_pct_of_cp", 100 * cp / down)
        .put("upload_peak_heap_mib", peakHeapMib(upGc))
        .put("download_peak_heap_mib", peakHeapMib(downGc))
        .print();
  }

  private List<String> copilot(Path gcLog, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + options.text("heap", "256m"));
    command.add("-Xlog:gc:file=" + gcLog);
    for (String option : options.text("jvm-opts", "").split(" ")) {
      if (!option.isBlank()) {
        command.add(option);
      }
    }
    command.add("-jar");
    command.add(
        options.text("manager-jar", "infra/manager/target/aloft-manager-0.1.0-SNAPSHOT.jar"));
    command.add("copilot");
    command.addAll(List.of(args));
    command.add("--storage-endpoint");
    command.add(options.text("s3-endpoint", "http://127.0.0.1:19000"));
    return command;
  }

  private double seconds(List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().put("AWS_ACCESS_KEY_ID", options.text("access-key", "aloft"));
    builder
        .environment()
        .put("AWS_SECRET_ACCESS_KEY", options.text("secret-key", "aloft-embedded-secret"));
    System.err.println("copilot bench: " + String.join(" ", command));
    long start = System.nanoTime();
    try {
      int code = builder.start().waitFor();
      if (code != 0) {
        throw new IllegalStateException(String.join(" ", command) + " exited with " + code);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static String outputInterface(String name, boolean directory) {
    BlobType.BlobDimensionality dimensionality =
        directory
            ? BlobType.BlobDimensionality.BLOB_DIMENSIONALITY_MULTIPART
            : BlobType.BlobDimensionality.BLOB_DIMENSIONALITY_SINGLE;
    TypedInterface iface =
        TypedInterface.newBuilder()
            .setOutputs(
                VariableMap.newBuilder()
                    .addVariables(
                        VariableEntry.newBuilder()
                            .setKey(name)
                            .setValue(
                                Variable.newBuilder()
                                    .setType(
                                        LiteralType.newBuilder()
                                            .setBlob(
                                                BlobType.newBuilder()
                                                    .setDimensionality(dimensionality))))))
            .build();
    return Base64.getEncoder().encodeToString(iface.toByteArray());
  }

  /** {@code count} files of {@code mib} MiB of random bytes (nothing for a store to compress). */
  private static void writeFiles(Path dir, int count, int mib) throws IOException {
    Files.createDirectories(dir);
    byte[] block = new byte[1 << 20];
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < count; i++) {
      try (OutputStream out = Files.newOutputStream(dir.resolve(String.format("f%05d", i)))) {
        for (int m = 0; m < mib; m++) {
          for (int b = 0; b < block.length; b += 8) {
            long value = random.nextLong();
            for (int k = 0; k < 8; k++) {
              block[b + k] = (byte) (value >>> (8 * k));
            }
          }
          out.write(block);
        }
      }
    }
  }

  /** The largest heap in use before a collection, from a -Xlog:gc log; -1 without collections. */
  static long peakHeapMib(Path gcLog) throws IOException {
    long peak = -1;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher matcher = HEAP.matcher(line);
      while (matcher.find()) {
        peak = Math.max(peak, Long.parseLong(matcher.group(1)));
      }
    }
    return peak;
  }

  private static long sizeOf(Path path) throws IOException {
    if (!Files.exists(path)) {
      return 0;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      long total = 0;
      for (Path file : paths.filter(Files::isRegularFile).toList()) {
        total += Files.size(file);
      }
      return total;
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
