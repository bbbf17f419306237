package io.aloft.adapters.kubernetes;

import org.jspecify.annotations.Nullable;

/**
 * How large a TaskAction resource may grow. etcd refuses objects above about 1.5 MiB ("request is
 * too large") and the API server requests above 3 MiB; the budget keeps a wide margin below both.
 *
 * @param maxResourceBytes the serialized resource at creation; above it the spec's {@code
 *     actionSpec} (the task template) goes to storage and the resource holds a reference
 * @param maxInlineStatusBytes a status byte field ({@code pluginState}, {@code signal}) above this
 *     goes to storage likewise
 * @param maxMessageChars status messages and error messages are cut to this many characters
 * @param fallbackPrefix where large parts go for a spec without a run output base (a storage uri),
 *     or null to refuse such specs
 */
public record ResourceLimits(
    int maxResourceBytes,
    int maxInlineStatusBytes,
    int maxMessageChars,
    @Nullable String fallbackPrefix) {

  public static final int DEFAULT_MAX_RESOURCE_BYTES = 512 * 1024;
  public static final int DEFAULT_MAX_INLINE_STATUS_BYTES = 64 * 1024;
  public static final int DEFAULT_MAX_MESSAGE_CHARS = 16 * 1024;

  public ResourceLimits {
    if (maxResourceBytes < 4096 || maxInlineStatusBytes < 1 || maxMessageChars < 64) {
      throw new IllegalArgumentException(
          "maxResourceBytes >= 4096, maxInlineStatusBytes >= 1 and maxMessageChars >= 64 are"
              + " required");
    }
  }

  /**
   * 512 KiB resources, 64 KiB status byte fields, 16 Ki-character messages: with the status's
   * bounded parts a resource stays under 1 MiB.
   */
  public static ResourceLimits defaults() {
    return new ResourceLimits(
        DEFAULT_MAX_RESOURCE_BYTES,
        DEFAULT_MAX_INLINE_STATUS_BYTES,
        DEFAULT_MAX_MESSAGE_CHARS,
        null);
  }

  public ResourceLimits withMaxResourceBytes(int bytes) {
    return new ResourceLimits(bytes, maxInlineStatusBytes, maxMessageChars, fallbackPrefix);
  }

  public ResourceLimits withFallbackPrefix(@Nullable String prefix) {
    return new ResourceLimits(maxResourceBytes, maxInlineStatusBytes, maxMessageChars, prefix);
  }
}
