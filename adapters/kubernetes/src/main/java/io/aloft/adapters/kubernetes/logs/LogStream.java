package io.aloft.adapters.kubernetes.logs;

import io.aloft.application.port.logs.LogChunk;
import io.aloft.application.port.logs.LogChunkBuilder;
import io.aloft.domain.error.Unavailable;
import io.kubernetes.client.openapi.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One pod log response: opened on OkHttp's threads, its body read on a bounded-elastic thread (the
 * body is a blocking stream) into chunks of whole lines, each read emitted as it arrives.
 * Cancelling closes the response, which ends the blocked read.
 */
final class LogStream {

  private static final int READ_BYTES = 64 * 1024;

  private LogStream() {}

  /** The response once its headers arrived; an error status is an {@link ApiException}. */
  static Mono<Response> execute(Call call) {
    return Mono.create(
        sink -> {
          sink.onCancel(call::cancel);
          call.enqueue(
              new Callback() {
                @Override
                public void onFailure(Call failed, IOException e) {
                  sink.error(e);
                }

                @Override
                public void onResponse(Call done, Response response) throws IOException {
                  if (response.isSuccessful()) {
                    sink.success(response);
                    return;
                  }
                  try (response) {
                    sink.error(
                        new ApiException(
                            response.code(),
                            response.headers().toMultimap(),
                            response.body() == null ? "" : response.body().string()));
                  }
                }
              });
        });
  }

  static Flux<LogChunk> chunks(Response response) {
    return Flux.create(
        sink -> {
          AtomicBoolean cancelled = new AtomicBoolean();
          sink.onDispose(
              () -> {
                cancelled.set(true);
                response.close();
              });
          Schedulers.boundedElastic().schedule(() -> pump(response, sink, cancelled));
        });
  }

  private static void pump(Response response, FluxSink<LogChunk> sink, AtomicBoolean cancelled) {
    LogChunkBuilder lines = new LogChunkBuilder();
    byte[] buffer = new byte[READ_BYTES];
    try (InputStream in = response.body().byteStream()) {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        LogChunk chunk = lines.append(buffer, 0, read).take();
        if (!chunk.isEmpty()) {
          sink.next(chunk);
        }
      }
      LogChunk rest = lines.flush().take();
      if (!rest.isEmpty()) {
        sink.next(rest);
      }
      sink.complete();
    } catch (IOException e) {
      if (cancelled.get()) {
        sink.complete();
      } else {
        sink.error(new Unavailable("the pod log stream broke: " + e.getMessage(), e));
      }
    }
  }
}
