package io.aloft.adapters.local.copilot;

import io.aloft.adapters.protobuf.ProtoLiteralCodec;
import io.aloft.adapters.s3.EmbeddedS3Server;
import io.aloft.adapters.s3.S3DataStore;
import io.aloft.application.copilot.Copilot;
import io.aloft.application.data.LiteralOffloading;
import io.aloft.application.port.storage.ObjectInfo;
import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.literal.Inputs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Real storage for copilot tests: an in-JVM s3proxy, the S3 adapter and the protobuf codec. Each
 * test class starts one; every test works under its own random prefix.
 */
final class CopilotStorage implements AutoCloseable {

  static final String BUCKET = "copilot";
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  final ProtoLiteralCodec codec = new ProtoLiteralCodec();
  private final EmbeddedS3Server server;
  private final S3DataStore store;

  private CopilotStorage(EmbeddedS3Server server, S3DataStore store) {
    this.server = server;
    this.store = store;
  }

  static CopilotStorage start(Path directory) {
    EmbeddedS3Server server = new EmbeddedS3Server(directory, 0, "copilot", "copilot-secret");
    server.start();
    S3DataStore store = new S3DataStore(server.clientSettings());
    store.ensureBucket(BUCKET).block(TIMEOUT);
    return new CopilotStorage(server, store);
  }

  Copilot copilot() {
    return new Copilot(store, codec);
  }

  LiteralOffloading offloading(long thresholdBytes) {
    return new LiteralOffloading(store, codec, thresholdBytes);
  }

  /** A fresh directory-like prefix, e.g. {@code s3://copilot/t-<uuid>}. */
  StorageUri newPrefix() {
    return new StorageUri("s3", BUCKET, "t-" + UUID.randomUUID());
  }

  void put(StorageUri uri, byte[] bytes) {
    store.put(uri, bytes, PutOptions.none()).block(TIMEOUT);
  }

  void put(StorageUri uri, String text) {
    put(uri, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code inputs} as {@code <prefix>/inputs.pb} and returns that uri. */
  String putInputs(StorageUri prefix, Inputs inputs) {
    StorageUri uri = prefix.resolve("inputs.pb");
    put(uri, codec.encodeInputs(inputs));
    return uri.toString();
  }

  byte[] get(StorageUri uri) {
    return store.get(uri).block(TIMEOUT);
  }

  String text(StorageUri uri) {
    return new String(get(uri), StandardCharsets.UTF_8);
  }

  /** The keys under {@code prefix}, relative to it, in order. */
  List<String> keysUnder(StorageUri prefix) {
    String base = prefix.key().endsWith("/") ? prefix.key() : prefix.key() + "/";
    return store
        .list(new StorageUri(prefix.scheme(), prefix.bucket(), base))
        .map(ObjectInfo::uri)
        .map(uri -> uri.key().substring(base.length()))
        .collectList()
        .block(TIMEOUT);
  }

  @Override
  public void close() {
    store.close();
    server.close();
  }
}
