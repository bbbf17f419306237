package io.aloft.adapters.kubernetes;

import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.id.ActionId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resource names and labels of TaskActions. Names follow the reference ({@code <run>-<action>}, the
 * root {@code <run>-a0}), are DNS-1123 labels, and are short enough that the pod of any attempt
 * ({@code <name>-<attempt-1>}) is one too; a name that would be longer, or that had to be changed
 * to be valid, keeps a readable prefix and ends in a hash of the full action id, so distinct ids
 * never share a name. Label values are cut to 63 valid characters the same way.
 */
public final class ResourceNames {

  public static final String GROUP = "aloft.io";
  public static final String PROJECT = GROUP + "/project";
  public static final String DOMAIN = GROUP + "/domain";
  public static final String RUN = GROUP + "/run";
  public static final String ACTION = GROUP + "/action";
  public static final String ACTION_TYPE = GROUP + "/action-type";
  public static final String IS_ROOT = GROUP + "/is-root";

  /** 63 less room for a pod suffix of up to 6 digits. */
  static final int MAX_NAME = 56;

  static final int MAX_LABEL_VALUE = 63;
  private static final int HASH_CHARS = 10;
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern LABEL_VALUE =
      Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");

  private ResourceNames() {}

  /** The TaskAction's resource name: deterministic, unique per action id, DNS-1123. */
  public static String name(ActionId action) {
    String readable = action.run().name() + "-" + action.name();
    if (readable.length() <= MAX_NAME && DNS_LABEL.matcher(readable).matches()) {
      return readable;
    }
    String cleaned = readable.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
    String prefix = trim(cleaned, MAX_NAME - HASH_CHARS - 1, "[^a-z0-9]");
    return (prefix.isEmpty() ? "" : prefix + "-") + hash(action.key());
  }

  /** The labels the reference sets, with values made valid. */
  public static Map<String, String> labels(TaskActionSpec spec) {
    ActionId id = spec.action();
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(PROJECT, labelValue(id.run().scope().project().name()));
    labels.put(DOMAIN, labelValue(id.run().scope().domain().name()));
    labels.put(RUN, labelValue(id.run().name()));
    labels.put(ACTION, labelValue(id.name()));
    labels.put(ACTION_TYPE, labelValue(spec.type().name().toLowerCase(Locale.ROOT)));
    labels.put(IS_ROOT, Boolean.toString(spec.parent() == null));
    return labels;
  }

  /**
   * {@code value} as a valid label value: itself when valid; otherwise invalid characters become
   * {@code -}, the ends are trimmed to alphanumerics, and a value too long keeps its start and ends
   * in a hash of the original.
   */
  public static String labelValue(String value) {
    if (value.length() <= MAX_LABEL_VALUE && LABEL_VALUE.matcher(value).matches()) {
      return value;
    }
    String cleaned =
        trim(value.replaceAll("[^-A-Za-z0-9_.]+", "-"), Integer.MAX_VALUE, "[^A-Za-z0-9]");
    if (cleaned.length() <= MAX_LABEL_VALUE) {
      return cleaned;
    }
    String prefix = trim(cleaned, MAX_LABEL_VALUE - HASH_CHARS - 1, "[^A-Za-z0-9]");
    return prefix + "-" + hash(value);
  }

  /** Cuts {@code text} to {@code max} characters, then drops characters matching {@code edge}. */
  private static String trim(String text, int max, String edge) {
    String cut = text.length() > max ? text.substring(0, max) : text;
    return cut.replaceAll("^(" + edge + ")+", "").replaceAll("(" + edge + ")+$", "");
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
