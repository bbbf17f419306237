package io.aloft.application.run;

import io.aloft.domain.id.ProjectDomain;
import java.util.Objects;

/**
 * What CreateRun needs. Nullable: runName (blank or null: a name is generated), runSpec (the
 * serialized RunSpec), runBaseDir (else the configured storage prefix), rawDataPrefix (the
 * RunSpec's raw_data_storage.raw_data_prefix, checked against the storage locations), source,
 * createdBy.
 */
public record CreateRunRequest(
    ProjectDomain scope,
    String runName,
    TaskSelector task,
    RunInputs inputs,
    byte[] runSpec,
    String runBaseDir,
    String rawDataPrefix,
    String source,
    String createdBy) {

  public CreateRunRequest {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(inputs, "inputs");
  }
}
