package io.aloft.adapters.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * An S3-compatible server (s3proxy) in this JVM on 127.0.0.1, keeping buckets as directories under
 * a local directory. It checks AWS signature V4 against fixed credentials. Used when no external S3
 * is configured, and by tests. {@link #start()} blocks until the server listens: call it at
 * startup, never on an event loop.
 */
public final class EmbeddedS3Server implements AutoCloseable {

  private static final String HOST = "127.0.0.1";

  private final Path directory;
  private final int port;
  private final String accessKey;
  private final String secretKey;
  private S3Proxy proxy;
  private URI endpoint;

  /**
   * @param directory where the buckets live; created if missing
   * @param port the port to listen on, or 0 for a free one
   */
  public EmbeddedS3Server(Path directory, int port, String accessKey, String secretKey) {
    this.directory = Objects.requireNonNull(directory, "directory");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535: " + port);
    }
    this.port = port;
    this.accessKey = Objects.requireNonNull(accessKey, "accessKey");
    this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
  }

  /** Starts the server (once) and returns its endpoint, e.g. {@code http://127.0.0.1:43121}. */
  public synchronized URI start() {
    if (endpoint != null) {
      return endpoint;
    }
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the S3 directory " + directory, e);
    }
    S3Proxy server =
        S3Proxy.builder()
            .blobStore(new FilesystemNio2BlobStore(directory.toAbsolutePath().toString()))
            .endpoint(URI.create("http://" + HOST + ":" + port))
            .awsAuthentication(AuthenticationType.AWS_V4, accessKey, secretKey)
            .ignoreUnknownHeaders(true)
            .build();
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      throw new IllegalStateException("cannot start the embedded S3 server on port " + port, e);
    }
    proxy = server;
    endpoint = URI.create("http://" + HOST + ":" + server.getPort());
    return endpoint;
  }

  /** The endpoint of the running server. */
  public synchronized URI endpoint() {
    if (endpoint == null) {
      throw new IllegalStateException("the embedded S3 server is not started");
    }
    return endpoint;
  }

  /** Settings for a client of this server (path style, its credentials). */
  public S3Settings clientSettings() {
    return S3Settings.local(endpoint(), accessKey, secretKey);
  }

  /** Stops the server; the directory and its data stay. Closing twice does nothing. */
  @Override
  public synchronized void close() {
    if (proxy != null) {
      stopQuietly(proxy);
      proxy = null;
      endpoint = null;
    }
  }

  private static void stopQuietly(S3Proxy server) {
    try {
      server.stop();
    } catch (Exception e) {
      // Nothing useful to do while shutting down; the port is released with the JVM anyway.
    }
  }
}
