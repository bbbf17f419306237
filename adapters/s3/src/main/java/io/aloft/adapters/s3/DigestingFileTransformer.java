package io.aloft.adapters.s3;

import io.aloft.application.port.storage.FileDigests;
import io.aloft.application.port.storage.TransferListener;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.FileTransformerConfiguration;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Streams a GetObject body into a file (the SDK's own file transformer, which writes
 * asynchronously), computing the MD5 and counting the bytes on the way: one pass, no whole object
 * in memory. One instance serves one attempt.
 */
final class DigestingFileTransformer
    implements AsyncResponseTransformer<GetObjectResponse, GetObjectResponse> {

  private final AsyncResponseTransformer<GetObjectResponse, GetObjectResponse> file;
  private final TransferListener listener;
  private final MessageDigest digest = FileDigests.md5();
  private long bytes;
  private volatile long announced;

  DigestingFileTransformer(Path target, TransferListener listener) {
    this.file =
        AsyncResponseTransformer.toFile(
            target, FileTransformerConfiguration.defaultCreateOrReplaceExisting());
    this.listener = listener;
  }

  @Override
  public CompletableFuture<GetObjectResponse> prepare() {
    return file.prepare();
  }

  @Override
  public void onResponse(GetObjectResponse response) {
    announced = response.contentLength() == null ? 0 : response.contentLength();
    file.onResponse(response);
  }

  @Override
  public void onStream(SdkPublisher<ByteBuffer> publisher) {
    file.onStream(publisher.map(this::seen));
  }

  @Override
  public void exceptionOccurred(Throwable error) {
    file.exceptionOccurred(error);
  }

  /** The length the response announced; 0 until the response arrives. */
  long announced() {
    return announced;
  }

  /** The bytes received; read once the transfer's future completed. */
  synchronized long bytes() {
    return bytes;
  }

  /** The MD5 of the bytes received, base64; read once the transfer's future completed. */
  synchronized String md5() {
    return FileDigests.base64(digest);
  }

  // Buffers arrive one at a time (reactive streams' onNext is serial); the lock only publishes
  // the digest's state to the thread that reads the result.
  private synchronized ByteBuffer seen(ByteBuffer buffer) {
    int n = buffer.remaining();
    FileDigests.update(digest, buffer);
    bytes += n;
    listener.transferred(n);
    return buffer;
  }
}
