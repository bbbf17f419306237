package io.aloft.adapters.s3;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach an S3-compatible store.
 *
 * @param endpoint the service endpoint, e.g. {@code http://127.0.0.1:9000}; null for AWS's default
 * @param region the signing region; null means {@code us-east-1}
 * @param accessKey the access key id; null (with the secret) for the default credentials chain
 * @param secretKey the secret key; never printed by {@link #toString()}
 * @param pathStyle path-style addressing ({@code endpoint/bucket/key}), which local servers need
 * @param operationTimeout the limit for one attempt of one call; null means 30 s
 * @param maxConcurrency the most concurrent HTTP connections; 0 or less means 64
 * @param bucket the default bucket for Aloft's data; null means {@code aloft}
 */
public record S3Settings(
    URI endpoint,
    String region,
    String accessKey,
    String secretKey,
    boolean pathStyle,
    Duration operationTimeout,
    int maxConcurrency,
    String bucket) {

  public static final String DEFAULT_REGION = "us-east-1";
  public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_CONCURRENCY = 64;
  public static final String DEFAULT_BUCKET = "aloft";

  public S3Settings {
    region = region == null || region.isBlank() ? DEFAULT_REGION : region;
    operationTimeout = operationTimeout == null ? DEFAULT_OPERATION_TIMEOUT : operationTimeout;
    if (operationTimeout.isNegative() || operationTimeout.isZero()) {
      throw new IllegalArgumentException("operationTimeout must be positive: " + operationTimeout);
    }
    maxConcurrency = maxConcurrency <= 0 ? DEFAULT_MAX_CONCURRENCY : maxConcurrency;
    bucket = bucket == null || bucket.isBlank() ? DEFAULT_BUCKET : bucket;
    if ((accessKey == null) != (secretKey == null)) {
      throw new IllegalArgumentException("set both accessKey and secretKey, or neither");
    }
  }

  /** AWS defaults: default endpoint and credentials chain, path style, 30 s, 64, "aloft". */
  public static S3Settings defaults() {
    return new S3Settings(null, null, null, null, true, null, 0, null);
  }

  /** Settings for a local S3-compatible server at {@code endpoint} with fixed credentials. */
  public static S3Settings local(URI endpoint, String accessKey, String secretKey) {
    return defaults().withEndpoint(endpoint).withCredentials(accessKey, secretKey);
  }

  public S3Settings withEndpoint(URI endpoint) {
    return new S3Settings(
        endpoint,
        region,
        accessKey,
        secretKey,
        pathStyle,
        operationTimeout,
        maxConcurrency,
        bucket);
  }

  public S3Settings withRegion(String region) {
    return new S3Settings(
        endpoint,
        region,
        accessKey,
        secretKey,
        pathStyle,
        operationTimeout,
        maxConcurrency,
        bucket);
  }

  public S3Settings withCredentials(String accessKey, String secretKey) {
    return new S3Settings(
        endpoint,
        region,
        accessKey,
        secretKey,
        pathStyle,
        operationTimeout,
        maxConcurrency,
        bucket);
  }

  public S3Settings withOperationTimeout(Duration operationTimeout) {
    return new S3Settings(
        endpoint,
        region,
        accessKey,
        secretKey,
        pathStyle,
        operationTimeout,
        maxConcurrency,
        bucket);
  }

  public S3Settings withBucket(String bucket) {
    return new S3Settings(
        endpoint,
        region,
        accessKey,
        secretKey,
        pathStyle,
        operationTimeout,
        maxConcurrency,
        bucket);
  }

  /** Static credentials were given (otherwise the default AWS credentials chain is used). */
  public boolean hasStaticCredentials() {
    return accessKey != null;
  }

  /** Like the record's, but the secret key is masked. */
  @Override
  public String toString() {
    return "S3Settings[endpoint="
        + endpoint
        + ", region="
        + region
        + ", accessKey="
        + accessKey
        + ", secretKey="
        + (secretKey == null ? null : "****")
        + ", pathStyle="
        + pathStyle
        + ", operationTimeout="
        + operationTimeout
        + ", maxConcurrency="
        + maxConcurrency
        + ", bucket="
        + bucket
        + "]";
  }
}
