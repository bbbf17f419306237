package io.aloft.application.port.storage;

import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Signs URLs that let a client read or write one object directly in the store, without our
 * credentials, until they expire.
 */
public interface UrlSigner {

  /**
   * A URL to PUT {@code uri}'s content.
   *
   * @param contentMd5Base64 when not null, bound into the signature: the store rejects a body with
   *     another MD5
   * @param storeMd5Metadata also bind the MD5 as the object's {@link ObjectInfo#MD5_METADATA_KEY}
   *     metadata, for later overwrite checks (ignored without an MD5)
   */
  Mono<SignedUrl> signPut(
      StorageUri uri, Duration expiresIn, String contentMd5Base64, boolean storeMd5Metadata);

  /** A URL to GET {@code uri}. */
  Mono<SignedUrl> signGet(StorageUri uri, Duration expiresIn);
}
