package io.aloft.application.upload;

import java.time.Instant;
import java.util.Map;

/**
 * Where and how to upload.
 *
 * @param signedUrl the URL to PUT the content to
 * @param nativeUrl the object's storage uri, e.g. {@code s3://bucket/uploads/p/d/root/file}
 * @param expiresAt when the signed URL expires
 * @param headers the headers the PUT must carry
 */
public record UploadLocation(
    String signedUrl, String nativeUrl, Instant expiresAt, Map<String, String> headers) {

  public UploadLocation {
    headers = Map.copyOf(headers);
  }
}
