package io.aloft.application.upload;

import io.aloft.domain.support.Bytes;
import java.time.Duration;
import java.util.Objects;

/**
 * DataProxyService.CreateUploadLocation's request, unvalidated.
 *
 * @param filename the object's name below its directory; may be empty or contain slashes
 * @param filenameRoot the directory used instead of the MD5; may be empty
 * @param contentMd5 the content's MD5 (16 bytes), or empty
 * @param expiresIn the URL's requested lifetime; null (unset) means the maximum
 * @param contentLength the announced size in bytes; 0 when unknown
 * @param addContentMd5Metadata keep the MD5 as object metadata, for later overwrite checks
 */
public record UploadRequest(
    String project,
    String domain,
    String filename,
    String filenameRoot,
    Bytes contentMd5,
    Duration expiresIn,
    long contentLength,
    boolean addContentMd5Metadata) {

  public UploadRequest {
    project = Objects.requireNonNullElse(project, "");
    domain = Objects.requireNonNullElse(domain, "");
    filename = Objects.requireNonNullElse(filename, "");
    filenameRoot = Objects.requireNonNullElse(filenameRoot, "");
    contentMd5 = Objects.requireNonNullElse(contentMd5, Bytes.EMPTY);
  }
}
