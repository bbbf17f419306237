package io.aloft.application.data;

import io.aloft.application.port.codec.InputsHashing;
import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.application.project.ActiveProjects;
import io.aloft.application.task.TaskCatalog;
import io.aloft.domain.run.InputsHash;
import io.aloft.domain.run.StoragePaths;
import io.aloft.domain.support.Bytes;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * DataProxyService.UploadInputs: stores a run's inputs ahead of CreateRun under a content hash, as
 * the reference does: {@code <base>/<project>/<domain>/offloaded-inputs/<hash>/inputs.pb}. The hash
 * leaves out the inputs the task's template ignores for caching, so runs differing only in those
 * share a directory; every input is stored all the same. Storing equal inputs again overwrites the
 * object with the same bytes, so repeating the call is harmless.
 */
public final class UploadInputsUseCase {

  private final ActiveProjects projects;
  private final TaskCatalog tasks;
  private final InputsHashing hashing;
  private final DataStore store;
  private final LiteralOffloading offloading;
  private final String uploadPrefix;

  /**
   * @param uploadPrefix where inputs go unless the caller names a base_dir, e.g. {@code
   *     s3://aloft/uploads}
   */
  public UploadInputsUseCase(
      ActiveProjects projects,
      TaskCatalog tasks,
      InputsHashing hashing,
      DataStore store,
      LiteralOffloading offloading,
      String uploadPrefix) {
    this.projects = projects;
    this.tasks = tasks;
    this.hashing = hashing;
    this.store = store;
    this.offloading = offloading;
    this.uploadPrefix = Objects.requireNonNull(uploadPrefix, "uploadPrefix");
  }

  public Mono<UploadedInputs> upload(UploadInputsRequest request) {
    return projects
        .require(request.scope().project())
        .then(Mono.defer(() -> ignoredInputs(request.task())))
        .flatMap(ignored -> store(request, ignored));
  }

  private Mono<List<String>> ignoredInputs(UploadInputsRequest.HashedFor task) {
    return switch (task) {
      case UploadInputsRequest.HashedFor.Inline inline ->
          Mono.fromCallable(() -> hashing.cacheIgnoredInputs(inline.spec()));
      case UploadInputsRequest.HashedFor.Deployed deployed ->
          tasks.get(deployed.id()).map(view -> hashing.cacheIgnoredInputs(Bytes.of(view.spec())));
    };
  }

  private Mono<UploadedInputs> store(UploadInputsRequest request, List<String> ignored) {
    return Mono.defer(
        () -> {
          String hash = InputsHash.of(hashing.hashedForm(request.inputs(), ignored));
          String base = request.baseDir() == null ? uploadPrefix : request.baseDir();
          String dir = StoragePaths.offloadedInputsUri(base, request.scope(), hash);
          StorageUri file = StorageUri.parse(StoragePaths.inputsFile(dir));
          // The hash is over the inputs as sent; what is stored keeps large literals apart.
          return offloading
              .offloadSerializedInputs(request.inputs().toArray(), dir)
              .flatMap(stored -> store.put(file, stored, PutOptions.none()))
              .thenReturn(new UploadedInputs(dir, hash));
        });
  }
}
