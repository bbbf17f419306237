package io.aloft.adapters.s3;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;

/**
 * Builds the async S3 client: Netty HTTP, path-style addressing, the configured endpoint, region
 * and credentials. The SDK's own retries are off: {@link S3Calls} retries, next to its circuit
 * breaker, so attempts do not multiply. Checksums are computed only when an operation requires
 * them; puts are protected by Content-MD5 instead.
 */
final class S3ClientFactory {

  private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private S3ClientFactory() {}

  /**
   * The client and the event loops it runs on. The loops are ours rather than the SDK's: the SDK
   * shuts its own down with a two-second quiet period on close, which every short-lived copilot
   * process would wait out.
   */
  record Client(S3AsyncClient s3, SdkEventLoopGroup eventLoops) implements AutoCloseable {

    /** How long a close waits for the event loops to finish what they have started. */
    private static final long SHUTDOWN_SECONDS = 10;

    @Override
    public void close() {
      s3.close();
      eventLoops
          .eventLoopGroup()
          .shutdownGracefully(0, SHUTDOWN_SECONDS, TimeUnit.SECONDS)
          .awaitUninterruptibly(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
    }
  }

  static Client create(S3Settings settings) {
    Duration timeout = settings.operationTimeout();
    Duration connect = timeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? timeout : MAX_CONNECT_TIMEOUT;
    SdkEventLoopGroup eventLoops = SdkEventLoopGroup.builder().build();
    S3AsyncClientBuilder builder =
        S3AsyncClient.builder()
            .httpClientBuilder(
                NettyNioAsyncHttpClient.builder()
                    .eventLoopGroup(eventLoops)
                    .maxConcurrency(settings.maxConcurrency())
                    .connectionTimeout(connect)
                    .connectionAcquisitionTimeout(timeout)
                    .readTimeout(timeout)
                    .writeTimeout(timeout))
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials(settings))
            .forcePathStyle(settings.pathStyle())
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .overrideConfiguration(
                o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallAttemptTimeout(timeout));
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    return new Client(builder.build(), eventLoops);
  }

  static AwsCredentialsProvider credentials(S3Settings settings) {
    if (settings.hasStaticCredentials()) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
    }
    return DefaultCredentialsProvider.builder().build();
  }
}
