package io.aloft.application.download;

import io.aloft.application.common.Expiry;
import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.application.port.storage.UrlSigner;
import io.aloft.application.run.ActionDetails;
import io.aloft.application.run.AttemptView;
import io.aloft.application.run.RunReader;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.error.NotFound;
import io.aloft.domain.id.ActionId;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * DataProxyService.CreateDownloadLink: a signed GET URL for an action attempt's HTML report, as the
 * attempt's events reported it (behaviour doc section 7). Unlike the reference, the requested
 * lifetime is capped by {@code aloft.dataproxy.download.max-expires-in}, and the link is only
 * signed for a report that exists, so a client never gets a URL that cannot work.
 */
public final class CreateDownloadLinkUseCase {

  private final RunReader runs;
  private final DataStore store;
  private final UrlSigner signer;
  private final Duration maxExpiresIn;

  public CreateDownloadLinkUseCase(
      RunReader runs, DataStore store, UrlSigner signer, Duration maxExpiresIn) {
    this.runs = runs;
    this.store = store;
    this.signer = signer;
    this.maxExpiresIn = maxExpiresIn;
  }

  public Mono<DownloadLink> create(DownloadLinkRequest request) {
    return Mono.defer(
        () -> {
          Duration expiresIn = validate(request);
          return runs.details(request.action())
              .map(details -> reportOf(details, request.attempt()))
              .flatMap(report -> requireObject(request.action(), report))
              .flatMap(report -> signer.signGet(report, expiresIn))
              .map(signed -> new DownloadLink(List.of(signed.url()), signed.expiresAt()));
        });
  }

  private Duration validate(DownloadLinkRequest request) {
    if (request.type() != ArtifactType.REPORT) {
      throw new InvalidArgument(
          "artifact_type is required: only ARTIFACT_TYPE_REPORT can be downloaded");
    }
    if (request.action() == null) {
      throw new InvalidArgument(
          "action_attempt_id is required: name the action attempt whose report to download");
    }
    if (request.attempt() < 1) {
      throw new InvalidArgument(
          "action_attempt_id.attempt must be at least 1 (got "
              + request.attempt()
              + "); attempts count from 1");
    }
    return Expiry.within(request.expiresIn(), maxExpiresIn, "expires_in");
  }

  /** The report uri the attempt's events named. */
  static StorageUri reportOf(ActionDetails details, int attempt) {
    ActionId action = details.action().id();
    AttemptView found =
        details.attempts().stream()
            .filter(a -> a.attempt() == attempt)
            .findFirst()
            .orElseThrow(
                () ->
                    new NotFound(
                        "action "
                            + action
                            + " has no attempt "
                            + attempt
                            + " (it has "
                            + details.attempts().size()
                            + ")"));
    String report = found.reportUri();
    if (report == null || report.isBlank()) {
      throw new NotFound("attempt " + attempt + " of action " + action + " reported no report");
    }
    try {
      return StorageUri.parse(report);
    } catch (InvalidArgument malformed) {
      // The executor reported it; the caller cannot fix it, so it is no argument error.
      throw new IllegalStateException(
          "attempt " + attempt + " of action " + action + " reported a malformed report uri",
          malformed);
    }
  }

  private Mono<StorageUri> requireObject(ActionId action, StorageUri report) {
    return store
        .head(report)
        .switchIfEmpty(
            Mono.error(
                () ->
                    new NotFound(
                        "the report of action " + action + " at '" + report + "' does not exist")))
        .thenReturn(report);
  }
}
