package io.aloft.adapters.s3;

import io.aloft.application.port.storage.TransferListener;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.AsyncRequestBody;

/**
 * A request body that tells a {@link TransferListener} about each buffer it hands the SDK, and
 * takes it all back ({@link #retract}) when its attempt fails.
 */
final class CountingBody implements AsyncRequestBody {

  private final AsyncRequestBody body;
  private final TransferListener listener;
  private final AtomicLong counted = new AtomicLong();

  CountingBody(AsyncRequestBody body, TransferListener listener) {
    this.body = body;
    this.listener = listener;
  }

  @Override
  public Optional<Long> contentLength() {
    return body.contentLength();
  }

  @Override
  public String contentType() {
    return body.contentType();
  }

  /** The attempt failed: what it reported is taken back, so that a retry counts from zero. */
  void retract() {
    long bytes = counted.getAndSet(0);
    if (bytes != 0) {
      listener.transferred(-bytes);
    }
  }

  @Override
  public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
    body.subscribe(
        new Subscriber<ByteBuffer>() {
          @Override
          public void onSubscribe(Subscription subscription) {
            subscriber.onSubscribe(subscription);
          }

          @Override
          public void onNext(ByteBuffer buffer) {
            int bytes = buffer.remaining();
            counted.addAndGet(bytes);
            listener.transferred(bytes);
            subscriber.onNext(buffer);
          }

          @Override
          public void onError(Throwable error) {
            subscriber.onError(error);
          }

          @Override
          public void onComplete() {
            subscriber.onComplete();
          }
        });
  }
}
