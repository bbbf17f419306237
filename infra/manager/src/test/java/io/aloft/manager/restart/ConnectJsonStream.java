package io.aloft.manager.restart;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * One Connect server-streaming call with JSON messages (enveloped, {@code
 * application/connect+json}) to a manager in another process: its messages arrive on a queue as
 * they come.
 */
final class ConnectJsonStream implements AutoCloseable {

  private static final int END_STREAM = 0x02;

  private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  private final Thread reader;
  private volatile InputStream body;
  private volatile String end;

  private ConnectJsonStream(int port, String path, String json) {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    byte[] message = json.getBytes(StandardCharsets.UTF_8);
    ByteBuffer envelope = ByteBuffer.allocate(5 + message.length);
    envelope.put((byte) 0).putInt(message.length).put(message);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/connect+json")
            .header("Connect-Protocol-Version", "1")
            .POST(HttpRequest.BodyPublishers.ofByteArray(envelope.array()))
            .build();
    reader =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    HttpResponse<InputStream> response =
                        client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                    body = response.body();
                    readFrames(new DataInputStream(body));
                  } catch (IOException | InterruptedException e) {
                    // closed by the test, or the manager went away: no more messages
                  }
                });
  }

  /** Opens the stream; {@code json} is the request message. */
  static ConnectJsonStream open(int port, String path, String json) {
    return new ConnectJsonStream(port, path, json);
  }

  private void readFrames(DataInputStream in) throws IOException {
    try {
      while (true) {
        int flags = in.readUnsignedByte();
        byte[] frame = new byte[in.readInt()];
        in.readFully(frame);
        if ((flags & END_STREAM) != 0) {
          end = new String(frame, StandardCharsets.UTF_8);
          return;
        }
        messages.add(JsonApi.JSON.readTree(new String(frame, StandardCharsets.UTF_8)));
      }
    } catch (EOFException e) {
      // the stream ended
    }
  }

  /** The next message, or null if none came within {@code wait}. */
  JsonNode next(Duration wait) throws InterruptedException {
    return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The end-of-stream message (an error, or empty trailers), once the server ended the stream. */
  String end() {
    return end;
  }

  @Override
  public void close() throws IOException {
    InputStream open = body;
    if (open != null) {
      open.close();
    }
    reader.interrupt();
  }
}
