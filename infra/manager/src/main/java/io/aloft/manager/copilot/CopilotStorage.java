package io.aloft.manager.copilot;

import io.aloft.adapters.s3.S3Settings;
import java.net.URI;
import java.util.Map;

/**
 * Where the copilot process finds object storage: options first, then the environment a pod or a
 * local task gets. Credentials come from {@code AWS_ACCESS_KEY_ID} and {@code
 * AWS_SECRET_ACCESS_KEY}, else the AWS default chain (instance roles, web identity).
 */
final class CopilotStorage {

  private CopilotStorage() {}

  static S3Settings s3Settings(CopilotOptions options, Map<String, String> env) {
    String endpoint =
        first(options.optional("storage-endpoint"), env.get("ALOFT_STORAGE_ENDPOINT"));
    String region = first(options.optional("storage-region"), env.get("AWS_REGION"));
    String accessKey = blankToNull(env.get("AWS_ACCESS_KEY_ID"));
    String secretKey = blankToNull(env.get("AWS_SECRET_ACCESS_KEY"));
    if ((accessKey == null) != (secretKey == null)) {
      throw new CopilotOptions.UsageError(
          "set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither");
    }
    S3Settings settings = S3Settings.defaults();
    if (endpoint != null) {
      try {
        settings = settings.withEndpoint(URI.create(endpoint));
      } catch (IllegalArgumentException e) {
        throw new CopilotOptions.UsageError("the storage endpoint '" + endpoint + "' is no URL");
      }
    }
    if (accessKey != null) {
      settings = settings.withCredentials(accessKey, secretKey);
    }
    return region == null ? settings : settings.withRegion(region);
  }

  private static String first(String option, String fromEnv) {
    return option != null ? option : blankToNull(fromEnv);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
