package io.aloft.adapters.s3;

import io.aloft.application.port.storage.TransferListener;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.AsyncRequestBody;

/** A request body that tells a {@link TransferListener} about each buffer it hands the SDK. */
final class CountingBody implements AsyncRequestBody {

  private final AsyncRequestBody body;
  private final TransferListener listener;

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
            listener.transferred(buffer.remaining());
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
