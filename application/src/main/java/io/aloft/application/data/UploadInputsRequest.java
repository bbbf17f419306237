package io.aloft.application.data;

import io.aloft.domain.id.ProjectDomain;
import io.aloft.domain.id.TaskId;
import io.aloft.domain.support.Bytes;
import java.util.Objects;

/**
 * DataProxyService.UploadInputs.
 *
 * @param scope the project and domain the inputs are stored under
 * @param task whose cache-ignored inputs are left out of the hash
 * @param inputs the serialized Inputs message, stored as it is
 * @param baseDir the caller's directory instead of the upload prefix; null for the prefix
 */
public record UploadInputsRequest(
    ProjectDomain scope, HashedFor task, Bytes inputs, String baseDir) {

  public UploadInputsRequest {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(inputs, "inputs");
  }

  /** The task whose template says which inputs the hash ignores. */
  public sealed interface HashedFor {

    /** A version deployed with TaskService.DeployTask; NotFound when it does not exist. */
    record Deployed(TaskId id) implements HashedFor {
      public Deployed {
        Objects.requireNonNull(id, "id");
      }
    }

    /** A serialized TaskSpec sent with the request. */
    record Inline(Bytes spec) implements HashedFor {
      public Inline {
        Objects.requireNonNull(spec, "spec");
      }
    }
  }
}
