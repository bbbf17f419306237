package io.aloft.application.download;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.application.data.Fakes;
import io.aloft.application.port.query.ActionEventView;
import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.ObjectInfo;
import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.SignedUrl;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.application.port.storage.UrlSigner;
import io.aloft.application.project.ProjectCatalog;
import io.aloft.application.run.RunReader;
import io.aloft.application.watch.Views;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.EventKey;
import io.aloft.domain.error.DomainError;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.error.NotFound;
import io.aloft.domain.id.ActionId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class CreateDownloadLinkUseCaseTest {

  private static final Instant T = Fakes.T;
  private static final Duration MAX = Duration.ofHours(1);
  private static final ActionId A0 = Views.id("a0");
  private static final String REPORT = "s3://aloft/out/a0/2/report.html";

  private final Fakes.Queries queries = new Fakes.Queries();
  private final Heads objects = new Heads();
  private final CreateDownloadLinkUseCase useCase =
      new CreateDownloadLinkUseCase(
          new RunReader(queries, new ProjectCatalog(null, null)), objects, new Signer(), MAX);

  @BeforeEach
  void aRunWithTwoAttemptsTheSecondReportingItsReportBeforeItEnds() {
    queries.rows.put(
        A0,
        Fakes.withPhase(Views.row("a0", null, ActionPhase.SUCCEEDED, 1), ActionPhase.SUCCEEDED, 2));
    queries.events.add(event(1, ActionPhase.FAILED, null));
    queries.events.add(event(2, ActionPhase.RUNNING, REPORT));
    queries.events.add(event(2, ActionPhase.SUCCEEDED, null));
  }

  @Test
  void givenAnAttemptWithAStoredReport_WhenALinkIsRequested_ThenASignedGetOfItForTheAskedTime() {
    objects.put(REPORT);

    StepVerifier.create(useCase.create(request(2, Duration.ofMinutes(5))))
        .assertNext(
            link -> {
              assertThat(link.urls())
                  .containsExactly("https://signed/out/a0/2/report.html?ttl=300");
              assertThat(link.expiresAt()).isEqualTo(T.plusSeconds(300));
            })
        .verifyComplete();
  }

  @Test
  void givenNoLifetime_WhenALinkIsRequested_ThenItLivesTheMaximum() {
    objects.put(REPORT);

    StepVerifier.create(useCase.create(request(2, null)))
        .assertNext(link -> assertThat(link.urls().getFirst()).endsWith("?ttl=3600"))
        .verifyComplete();
  }

  @Test
  void givenALifetimeOverTheMaximum_WhenALinkIsRequested_ThenInvalidArgument() {
    objects.put(REPORT);

    expect(
        request(2, Duration.ofHours(2)),
        InvalidArgument.class,
        "expires_in PT2H exceeds maximum allowed duration of PT1H");
  }

  @Test
  void givenAnotherArtifactType_WhenALinkIsRequested_ThenInvalidArgument() {
    for (ArtifactType type : List.of(ArtifactType.UNSPECIFIED, ArtifactType.CODE_BUNDLE)) {
      expect(
          new DownloadLinkRequest(type, A0, 2, null),
          InvalidArgument.class,
          "artifact_type is required");
    }
  }

  @Test
  void givenNoActionAttempt_WhenALinkIsRequested_ThenInvalidArgument() {
    expect(
        new DownloadLinkRequest(ArtifactType.REPORT, null, 0, null),
        InvalidArgument.class,
        "action_attempt_id is required");
    expect(request(0, null), InvalidArgument.class, "attempts count from 1");
  }

  @Test
  void givenAnUnknownAction_WhenALinkIsRequested_ThenNotFound() {
    expect(
        new DownloadLinkRequest(ArtifactType.REPORT, Views.id("nope"), 1, null),
        NotFound.class,
        "does not exist");
  }

  @Test
  void givenAMissingAttempt_WhenALinkIsRequested_ThenNotFound() {
    expect(request(3, null), NotFound.class, "has no attempt 3 (it has 2)");
  }

  @Test
  void givenAnAttemptWithoutReport_WhenALinkIsRequested_ThenNotFound() {
    expect(request(1, null), NotFound.class, "attempt 1 of action");
  }

  @Test
  void givenAReportThatWasNeverWritten_WhenALinkIsRequested_ThenNotFound() {
    expect(request(2, null), NotFound.class, "at '" + REPORT + "' does not exist");
  }

  private void expect(
      DownloadLinkRequest request, Class<? extends DomainError> type, String message) {
    StepVerifier.create(useCase.create(request))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(type).hasMessageContaining(message))
        .verify();
  }

  private static DownloadLinkRequest request(int attempt, Duration expiresIn) {
    return new DownloadLinkRequest(ArtifactType.REPORT, A0, attempt, expiresIn);
  }

  private static ActionEventView event(int attempt, ActionPhase phase, String reportUri) {
    return new ActionEventView(
        0,
        T,
        A0,
        "ActionEventRecorded",
        new EventKey(attempt, phase, 0),
        T,
        T,
        null,
        List.of(),
        null,
        CacheStatus.UNSPECIFIED,
        null,
        null,
        null,
        0,
        reportUri);
  }

  /** Knows which objects exist; nothing else. */
  private static final class Heads implements DataStore {
    private final Map<StorageUri, ObjectInfo> objects = new ConcurrentHashMap<>();

    void put(String uri) {
      StorageUri parsed = StorageUri.parse(uri);
      objects.put(parsed, new ObjectInfo(parsed, 1, null, T, Map.of()));
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
        StorageUri uri,
        java.nio.file.Path file,
        PutOptions options,
        io.aloft.application.port.storage.TransferListener listener) {
      return Mono.error(new UnsupportedOperationException("putFile"));
    }

    @Override
    public Mono<ObjectInfo> getFile(
        StorageUri uri,
        java.nio.file.Path file,
        io.aloft.application.port.storage.TransferListener listener) {
      return Mono.empty();
    }

    @Override
    public Mono<ObjectInfo> head(StorageUri uri) {
      return Mono.justOrEmpty(objects.get(uri));
    }

    @Override
    public Mono<Boolean> delete(StorageUri uri) {
      return Mono.just(false);
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

  /** Signs "https://signed/<key>?ttl=<seconds>", expiring that long after {@link #T}. */
  private static final class Signer implements UrlSigner {
    @Override
    public Mono<SignedUrl> signPut(
        StorageUri uri, Duration expiresIn, String contentMd5Base64, boolean storeMd5Metadata) {
      return Mono.error(new UnsupportedOperationException("signPut"));
    }

    @Override
    public Mono<SignedUrl> signGet(StorageUri uri, Duration expiresIn) {
      return Mono.just(
          new SignedUrl(
              "https://signed/" + uri.key() + "?ttl=" + expiresIn.toSeconds(),
              T.plus(expiresIn),
              Map.of()));
    }
  }
}
