package io.aloft.application.upload;

import io.aloft.application.port.query.ProjectQueries;
import io.aloft.application.port.query.ProjectView;
import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.ObjectInfo;
import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.SignedUrl;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.application.port.storage.TransferListener;
import io.aloft.application.port.storage.UrlSigner;
import io.aloft.domain.id.ProjectId;
import io.aloft.domain.project.ProjectLifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** In-memory projects, object metadata and a signer that records what it signed. */
final class UploadFakes {

  static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  private UploadFakes() {}

  static ProjectQueries projects(String... names) {
    Set<String> known = Set.of(names);
    return new ProjectQueries() {
      @Override
      public Mono<ProjectView> find(ProjectId id) {
        return known.contains(id.name())
            ? Mono.just(
                new ProjectView(id, id.name(), "", Map.of(), ProjectLifecycle.ACTIVE, NOW, NOW))
            : Mono.empty();
      }

      @Override
      public Flux<ProjectView> list(int limit, long offset) {
        return Flux.empty();
      }
    };
  }

  /** Holds object metadata only: enough for head checks. */
  static final class Objects implements DataStore {
    final Map<StorageUri, ObjectInfo> objects = new ConcurrentHashMap<>();

    void add(StorageUri uri, String md5) {
      objects.put(uri, new ObjectInfo(uri, 1, md5, NOW, Map.of()));
    }

    @Override
    public Mono<ObjectInfo> put(StorageUri uri, byte[] bytes, PutOptions options) {
      return Mono.error(new UnsupportedOperationException("put"));
    }

    @Override
    public Mono<byte[]> get(StorageUri uri) {
      return Mono.empty();
    }

    @Override
    public Mono<ObjectInfo> putFile(
        StorageUri uri, java.nio.file.Path file, PutOptions options, TransferListener listener) {
      return Mono.error(new UnsupportedOperationException("files"));
    }

    @Override
    public Mono<ObjectInfo> getFile(
        StorageUri uri, java.nio.file.Path file, TransferListener listener) {
      return Mono.error(new UnsupportedOperationException("files"));
    }

    @Override
    public Mono<ObjectInfo> head(StorageUri uri) {
      return Mono.justOrEmpty(objects.get(uri));
    }

    @Override
    public Mono<Boolean> delete(StorageUri uri) {
      return Mono.just(objects.remove(uri) != null);
    }

    @Override
    public Flux<ObjectInfo> list(StorageUri prefix) {
      return Flux.empty();
    }

    @Override
    public Set<String> schemes() {
      return Set.of("s3");
    }
  }

  /** Signs "https://signed/<key>?ttl=<seconds>" and echoes the MD5 as headers. */
  static final class Signer implements UrlSigner {
    @Override
    public Mono<SignedUrl> signPut(
        StorageUri uri, Duration expiresIn, String contentMd5Base64, boolean storeMd5Metadata) {
      Map<String, String> headers = new HashMap<>();
      if (contentMd5Base64 != null) {
        headers.put("Content-MD5", contentMd5Base64);
        if (storeMd5Metadata) {
          headers.put("x-amz-meta-" + ObjectInfo.MD5_METADATA_KEY, contentMd5Base64);
        }
      }
      return Mono.just(url(uri, expiresIn, headers));
    }

    @Override
    public Mono<SignedUrl> signGet(StorageUri uri, Duration expiresIn) {
      return Mono.just(url(uri, expiresIn, Map.of()));
    }

    private static SignedUrl url(StorageUri uri, Duration ttl, Map<String, String> headers) {
      return new SignedUrl(
          "https://signed/" + uri.key() + "?ttl=" + ttl.toSeconds(), NOW.plus(ttl), headers);
    }
  }
}
