package io.aloft.adapters.connect.run;

import io.aloft.adapters.connect.errors.NotSupportedYet;
import io.aloft.adapters.connect.mapping.Fields;
import io.aloft.adapters.connect.mapping.Ids;
import io.aloft.adapters.connect.mapping.ProtoBytes;
import io.aloft.adapters.connect.mapping.RunSources;
import io.aloft.adapters.connect.mapping.TaskSpecs;
import io.aloft.adapters.connect.mapping.Timestamps;
import io.aloft.application.run.RunInputs;
import io.aloft.application.run.TaskSelector;
import io.aloft.domain.id.ProjectDomain;
import io.aloft.domain.id.RunId;
import io.aloft.domain.id.TaskId;
import io.aloft.proto.run.v1.CreateRunRequest;
import io.aloft.proto.task.v1.TaskSpec;
import org.jspecify.annotations.Nullable;

/** Checks a CreateRun request and turns it into the use case's request. */
public final class CreateRunRequests {

  static final String TRIGGERS_NOT_SUPPORTED =
      "creating runs from triggers is not supported yet; pass task_id or task_spec";

  private CreateRunRequests() {}

  public static io.aloft.application.run.CreateRunRequest toApplication(
      CreateRunRequest request, String createdBy) {
    Target target = target(request);
    TaskSelector task = task(request, target.scope());
    RunInputs inputs = inputs(request);
    byte[] runSpec = runSpec(request);
    String runBaseDir =
        request.hasRunSpec()
            ? Fields.optional(
                request.getRunSpec().getRunBaseDir(), Fields.URI_MAX, "run_spec.run_base_dir")
            : null;
    String rawDataPrefix =
        request.hasRunSpec()
            ? Fields.optional(
                request.getRunSpec().getRawDataStorage().getRawDataPrefix(),
                Fields.URI_MAX,
                "run_spec.raw_data_storage.raw_data_prefix")
            : null;
    String source = RunSources.toStored(request.getSource(), request.getSourceValue(), "source");
    return new io.aloft.application.run.CreateRunRequest(
        target.scope(),
        target.runName(),
        task,
        inputs,
        runSpec,
        runBaseDir,
        rawDataPrefix,
        source,
        createdBy);
  }

  /**
   * The stored RunSpec. The request's run_start_time (a schedule's kickoff time, say) goes into it,
   * taking precedence over one the spec carries, so every action of the run is templated with it.
   */
  static byte @Nullable [] runSpec(CreateRunRequest request) {
    Timestamps.fromProtoIfSet(
        request.getRunSpec().hasRunStartTime(),
        request.getRunSpec().getRunStartTime(),
        "run_spec.run_start_time");
    if (!request.hasRunStartTime()) {
      return request.hasRunSpec() ? ProtoBytes.deterministic(request.getRunSpec()) : null;
    }
    Timestamps.fromProto(request.getRunStartTime(), "run_start_time");
    return ProtoBytes.deterministic(
        request.getRunSpec().toBuilder().setRunStartTime(request.getRunStartTime()).build());
  }

  /** Where the run goes; a null run name asks the server to generate one. */
  record Target(ProjectDomain scope, @Nullable String runName) {}

  static Target target(CreateRunRequest request) {
    return switch (request.getIdCase()) {
      case RUN_ID -> {
        RunId run = Ids.runId(request.getRunId(), "run_id");
        yield new Target(run.scope(), run.name());
      }
      case PROJECT_ID -> new Target(Ids.scope(request.getProjectId(), "project_id"), null);
      case ID_NOT_SET -> throw Fields.missing("run_id or project_id");
    };
  }

  static TaskSelector task(CreateRunRequest request, ProjectDomain scope) {
    return switch (request.getTaskCase()) {
      case TASK_ID -> new TaskSelector.Deployed(Ids.taskId(request.getTaskId(), "task_id"));
      case TASK_SPEC -> inline(request.getTaskSpec(), scope);
      case TRIGGER_NAME -> throw NotSupportedYet.error(TRIGGERS_NOT_SUPPORTED);
      case TASK_NOT_SET -> throw Fields.missing("task_id or task_spec");
    };
  }

  private static TaskSelector inline(TaskSpec spec, ProjectDomain scope) {
    TaskId id = TaskSpecs.inlineId(spec, scope, "task_spec");
    return new TaskSelector.Inline(
        TaskSpecs.ref(id, spec, "task_spec"), ProtoBytes.deterministic(spec));
  }

  static RunInputs inputs(CreateRunRequest request) {
    return switch (request.getInputCase()) {
      case INPUTS -> new RunInputs.Inline(ProtoBytes.deterministic(request.getInputs()));
      case OFFLOADED_INPUT_DATA ->
          new RunInputs.Offloaded(
              Fields.required(
                  request.getOffloadedInputData().getUri(),
                  Fields.URI_MAX,
                  "offloaded_input_data.uri"));
      case INPUT_NOT_SET -> new RunInputs.None();
    };
  }
}
