package io.aloft.adapters.s3;

import io.aloft.application.port.storage.FileDigests;
import io.aloft.application.port.storage.TransferListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Streams a GetObject body into a file, computing its MD5 and counting its bytes on the way: one
 * pass, never the whole object in memory. The network's buffers (a few KiB each) are gathered into
 * blocks of {@value #BLOCK_BYTES} bytes that one writer thread hashes and writes in order, off the
 * HTTP client's event loop. The SDK's own file transformer wrote each buffer with its own
 * asynchronous write and thread hand-off, which spent as much CPU in the kernel's scheduler as in
 * the transfer. At most {@value #MAX_QUEUED_BLOCKS} blocks wait for the writer; the body is read
 * only as fast as they are written. One instance serves one attempt.
 */
final class DigestingFileTransformer
    implements AsyncResponseTransformer<GetObjectResponse, GetObjectResponse> {

  static final int BLOCK_BYTES = 1024 * 1024;
  static final int MAX_QUEUED_BLOCKS = 4;

  private final Path target;
  private final TransferListener listener;
  private final MessageDigest digest = FileDigests.md5();
  private final CompletableFuture<GetObjectResponse> result = new CompletableFuture<>();
  private final Scheduler.Worker writer = Schedulers.boundedElastic().createWorker();
  private volatile GetObjectResponse response;
  private volatile long announced;
  private FileChannel channel; // touched by the writer only
  private long bytes; // likewise

  DigestingFileTransformer(Path target, TransferListener listener) {
    this.target = target;
    this.listener = listener;
  }

  @Override
  public CompletableFuture<GetObjectResponse> prepare() {
    return result;
  }

  @Override
  public void onResponse(GetObjectResponse response) {
    this.response = response;
    announced = response.contentLength() == null ? 0 : response.contentLength();
  }

  @Override
  public void onStream(SdkPublisher<ByteBuffer> publisher) {
    publisher.subscribe(new BlockWriter());
  }

  @Override
  public void exceptionOccurred(Throwable error) {
    onWriter(() -> fail(error));
  }

  /** Runs {@code task} after what the writer has queued; nothing once the attempt has ended. */
  private void onWriter(Runnable task) {
    if (result.isDone()) {
      return;
    }
    try {
      writer.schedule(task);
    } catch (RejectedExecutionException ended) {
      // The attempt failed or finished in the meantime; its result is settled.
    }
  }

  /** The length the response announced; 0 until the response arrives. */
  long announced() {
    return announced;
  }

  /** The bytes written; read once the transfer's future completed. */
  synchronized long bytes() {
    return bytes;
  }

  /** The MD5 of the bytes written, base64; read once the transfer's future completed. */
  synchronized String md5() {
    return FileDigests.base64(digest);
  }

  /** On the writer: hashes and appends one block. */
  private synchronized void write(byte[] block, int length) throws IOException {
    if (channel == null) {
      channel =
          FileChannel.open(
              target,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE);
    }
    digest.update(block, 0, length);
    ByteBuffer buffer = ByteBuffer.wrap(block, 0, length);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    bytes += length;
    listener.transferred(length);
  }

  /** On the writer, after the last block. */
  private void finish() {
    try {
      synchronized (this) {
        if (channel == null) {
          write(new byte[0], 0); // an empty object is an empty file
        }
        channel.close();
      }
      result.complete(response);
    } catch (IOException | RuntimeException e) {
      fail(e);
    } finally {
      writer.dispose();
    }
  }

  /** On the writer: the attempt failed; its partial file goes, and its bytes are taken back. */
  private void fail(Throwable error) {
    try {
      synchronized (this) {
        if (bytes != 0) {
          listener.transferred(-bytes);
          bytes = 0;
        }
        if (channel != null) {
          channel.close();
        }
      }
      Files.deleteIfExists(target);
    } catch (IOException e) {
      error.addSuppressed(e);
    } finally {
      result.completeExceptionally(error);
      writer.dispose();
    }
  }

  /**
   * Gathers the body's buffers into blocks for the writer. Reactive streams call it serially;
   * demand is one buffer at a time, withheld while {@value #MAX_QUEUED_BLOCKS} blocks are queued
   * and resumed by the writer when one is written.
   */
  private final class BlockWriter implements Subscriber<ByteBuffer> {

    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean stalled = new AtomicBoolean();
    private final AtomicBoolean failed = new AtomicBoolean();
    private Subscription subscription;
    private byte[] block = new byte[BLOCK_BYTES];
    private int filled;

    @Override
    public void onSubscribe(Subscription subscription) {
      this.subscription = subscription;
      subscription.request(1);
    }

    @Override
    public void onNext(ByteBuffer buffer) {
      while (buffer.hasRemaining()) {
        int take = Math.min(buffer.remaining(), BLOCK_BYTES - filled);
        buffer.get(block, filled, take);
        filled += take;
        if (filled == BLOCK_BYTES) {
          submit();
        }
      }
      requestIfRoom();
    }

    @Override
    public void onError(Throwable error) {
      onWriter(() -> fail(error));
    }

    @Override
    public void onComplete() {
      if (filled > 0) {
        submit();
      }
      onWriter(DigestingFileTransformer.this::finish);
    }

    private void submit() {
      byte[] full = block;
      int length = filled;
      block = new byte[BLOCK_BYTES];
      filled = 0;
      queued.incrementAndGet();
      onWriter(() -> writeQueued(full, length));
    }

    private void writeQueued(byte[] full, int length) {
      if (failed.get()) {
        return;
      }
      try {
        write(full, length);
      } catch (IOException | RuntimeException e) {
        failed.set(true);
        subscription.cancel();
        fail(e instanceof IOException io ? new UncheckedIOException(io) : e);
        return;
      }
      queued.decrementAndGet();
      if (stalled.compareAndSet(true, false)) {
        subscription.request(1);
      }
    }

    /** Asks for the next buffer unless the writer is behind; the writer asks once it catches up. */
    private void requestIfRoom() {
      if (queued.get() < MAX_QUEUED_BLOCKS) {
        subscription.request(1);
        return;
      }
      stalled.set(true);
      if (queued.get() < MAX_QUEUED_BLOCKS && stalled.compareAndSet(true, false)) {
        subscription.request(1);
      }
    }
  }
}
