package io.aloft.domain.execution;

import io.aloft.domain.error.InvalidArgument;
import java.nio.charset.StandardCharsets;

/**
 * Where an attempt reads and writes its data, laid out as the reference's executor lays it out:
 * {@code <scheme>://<bucket>/<shard>/<rest of runOutputBase>/<action>/<attempt>}. The shard spreads
 * a run's objects over 1,296 key prefixes so object stores do not throttle one hot prefix. A local
 * path ({@code file:///dir}, no bucket) gets no shard: filesystems have no hot prefixes, and a
 * shard in front of the path would move it out of its directory.
 */
public final class AttemptPaths {

  public static final String INPUTS_FILE = "inputs.pb";
  public static final String OUTPUTS_FILE = "outputs.pb";
  public static final String ERRORS_FILE = "errors.pb";

  /** A task's HTML report (a Flyte deck), stored beside outputs.pb as the reference does. */
  public static final String REPORT_FILE = "report.html";

  private static final String SHARD_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final int SHARDS = SHARD_ALPHABET.length() * SHARD_ALPHABET.length();

  private AttemptPaths() {}

  /** {@code <inputUri>/inputs.pb}. */
  public static String inputsFile(String inputUri) {
    String dir = inputUri.endsWith("/") ? inputUri.substring(0, inputUri.length() - 1) : inputUri;
    return dir + "/" + INPUTS_FILE;
  }

  /**
   * The attempt's output prefix (no trailing slash).
   *
   * @param namespace the executor's namespace; part of the shard's hash input
   * @param resourceName the TaskAction's name, {@code <run>-<action>}
   */
  public static String outputPrefix(
      String runOutputBase, String namespace, String resourceName, String action, int attempt) {
    int schemeEnd = runOutputBase.indexOf("://");
    if (schemeEnd < 0) {
      throw new InvalidArgument(
          "run output base '" + runOutputBase + "' is not a URI like s3://bucket/path");
    }
    String afterScheme = runOutputBase.substring(schemeEnd + 3);
    int bucketEnd = afterScheme.indexOf('/');
    String bucket = bucketEnd < 0 ? afterScheme : afterScheme.substring(0, bucketEnd);
    String rest = bucketEnd < 0 ? "" : trimSlashes(afterScheme.substring(bucketEnd + 1));
    StringBuilder out = new StringBuilder(runOutputBase.length() + 32);
    out.append(runOutputBase, 0, schemeEnd + 3).append(bucket).append('/');
    if (!bucket.isEmpty()) {
      out.append(shard(namespace + "/" + resourceName)).append('/');
    }
    if (!rest.isEmpty()) {
      out.append(rest).append('/');
    }
    return out.append(action).append('/').append(attempt).toString();
  }

  /**
   * The attempt's raw data folder under a raw prefix that is not the run's own (a RunSpec's
   * raw_data_storage or the configured default): {@code <scheme>://<bucket>/<shard>/<rest of
   * prefix>/<project>/<domain>/<run>/<action>/<attempt>}, unique per action and attempt. Laid out
   * like {@link #outputPrefix}, with the run's key added since the prefix is shared by runs.
   */
  public static String rawDataPrefix(
      String rawPrefix, String namespace, TaskActionSpec spec, int attempt) {
    String base = rawPrefix.endsWith("/") ? rawPrefix : rawPrefix + "/";
    return outputPrefix(
        base + spec.action().run().key(),
        namespace,
        spec.resourceName(),
        spec.action().name(),
        attempt);
  }

  /** {@code <outputPrefix>/outputs.pb}. */
  public static String outputsFile(String outputPrefix) {
    return outputPrefix + "/" + OUTPUTS_FILE;
  }

  /** {@code <outputPrefix>/report.html}: where an attempt's HTML report is stored. */
  public static String reportFile(String outputPrefix) {
    return outputPrefix + "/" + REPORT_FILE;
  }

  /** {@code <outputPrefix>/errors.pb}: where the copilot records a failure to move data. */
  public static String errorFile(String outputPrefix) {
    return outputPrefix + "/" + ERRORS_FILE;
  }

  /** The two-character shard of {@code key}: FNV-32a mod 1296 over a–z then 0–9. */
  public static String shard(String key) {
    int index = Integer.remainderUnsigned(fnv32a(key.getBytes(StandardCharsets.UTF_8)), SHARDS);
    int size = SHARD_ALPHABET.length();
    return new String(
        new char[] {SHARD_ALPHABET.charAt(index / size), SHARD_ALPHABET.charAt(index % size)});
  }

  static int fnv32a(byte[] data) {
    int hash = 0x811c9dc5;
    for (byte b : data) {
      hash ^= b & 0xff;
      hash *= 0x01000193;
    }
    return hash;
  }

  private static String trimSlashes(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && value.charAt(start) == '/') {
      start++;
    }
    while (end > start && value.charAt(end - 1) == '/') {
      end--;
    }
    return value.substring(start, end);
  }
}
