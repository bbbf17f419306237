package io.aloft.application.upload;

import io.aloft.application.common.Expiry;
import io.aloft.application.port.query.ProjectQueries;
import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.ObjectInfo;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.application.port.storage.UrlSigner;
import io.aloft.application.project.ProjectCatalog;
import io.aloft.domain.error.AlreadyExists;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.id.Domain;
import io.aloft.domain.id.ProjectId;
import java.time.Duration;
import java.util.Base64;
import reactor.core.publisher.Mono;

/**
 * DataProxyService.CreateUploadLocation: a signed PUT URL for a file under the uploads prefix.
 *
 * <p>The reference's checks come first, in its order and with its messages; then names that could
 * leave their directory and MD5s of the wrong length are refused, which the reference lets through.
 * A deterministic location (filename_root and filename both set) is only handed out again for the
 * same content: the stored MD5 must match the given one.
 */
public final class CreateUploadLocationUseCase {

  static final int MD5_BYTES = 16;

  private final ProjectQueries projects;
  private final DataStore store;
  private final UrlSigner signer;
  private final UploadLimits limits;

  public CreateUploadLocationUseCase(
      ProjectQueries projects, DataStore store, UrlSigner signer, UploadLimits limits) {
    this.projects = projects;
    this.store = store;
    this.signer = signer;
    this.limits = limits;
  }

  public Mono<UploadLocation> create(UploadRequest request) {
    return Mono.defer(
        () -> {
          Duration expiresIn = validate(request);
          ProjectId project = new ProjectId(request.project());
          new Domain(request.domain());
          String md5 = md5Base64(request);
          StorageUri target = target(request);
          return projects
              .find(project)
              .switchIfEmpty(Mono.error(() -> ProjectCatalog.missing(project)))
              .then(checkOverwrite(request, target, md5))
              .then(
                  Mono.defer(
                      () ->
                          signer.signPut(target, expiresIn, md5, request.addContentMd5Metadata())))
              .map(
                  signed ->
                      new UploadLocation(
                          signed.url(), target.toString(), signed.expiresAt(), signed.headers()));
        });
  }

  /** The reference's checks, then ours; returns the URL's lifetime. */
  private Duration validate(UploadRequest request) {
    if (request.filenameRoot().isEmpty() && request.contentMd5().isEmpty()) {
      throw new InvalidArgument("either filename_root or content_md5 must be provided");
    }
    Duration expiresIn = Expiry.within(request.expiresIn(), limits.maxExpiresIn(), "expires_in");
    if (request.contentLength() > limits.maxSizeBytes()) {
      throw new InvalidArgument(
          "content_length "
              + request.contentLength()
              + " exceeds maximum allowed size of "
              + limits.maxSizeBytes()
              + " bytes: upload a smaller file");
    }
    if (request.contentLength() < 0) {
      throw new InvalidArgument(
          "content_length " + request.contentLength() + " is negative: give the size in bytes");
    }
    if (!request.contentMd5().isEmpty() && request.contentMd5().size() != MD5_BYTES) {
      throw new InvalidArgument(
          "content_md5 has "
              + request.contentMd5().size()
              + " bytes: an MD5 digest has 16 (send the raw digest, not hex or base64 text)");
    }
    UploadPath.checkName(request.filename(), "filename");
    UploadPath.checkName(request.filenameRoot(), "filename_root");
    return expiresIn;
  }

  private StorageUri target(UploadRequest request) {
    String root =
        request.filenameRoot().isEmpty()
            ? UploadPath.base32(request.contentMd5().toArray())
            : request.filenameRoot();
    return UploadPath.of(
        limits.base(), request.project(), request.domain(), root, request.filename());
  }

  private Mono<Void> checkOverwrite(UploadRequest request, StorageUri target, String md5) {
    if (request.filename().isEmpty() || request.filenameRoot().isEmpty()) {
      return Mono.empty();
    }
    return store.head(target).doOnNext(existing -> refuseOverwrite(existing, md5)).then();
  }

  private static void refuseOverwrite(ObjectInfo existing, String md5) {
    if (md5 == null) {
      throw new AlreadyExists(
          "'"
              + existing.uri()
              + "' exists: content_md5 is required to verify safe overwrite (send the MD5 of"
              + " the content)");
    }
    if (!md5.equals(existing.contentMd5Base64())) {
      throw new AlreadyExists(
          "'"
              + existing.uri()
              + "' exists with other content (hash mismatch): choose another filename or"
              + " filename_root");
    }
  }

  private static String md5Base64(UploadRequest request) {
    return request.contentMd5().isEmpty()
        ? null
        : Base64.getEncoder().encodeToString(request.contentMd5().toArray());
  }
}
