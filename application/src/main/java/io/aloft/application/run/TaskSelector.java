package io.aloft.application.run;

import io.aloft.domain.action.TaskRef;
import io.aloft.domain.id.TaskId;
import java.util.Objects;

/** Which task a run executes: a deployed version, or a spec sent inline with the request. */
public sealed interface TaskSelector {

  /** A version deployed earlier with TaskService.DeployTask. */
  record Deployed(TaskId id) implements TaskSelector {
    public Deployed {
      Objects.requireNonNull(id, "id");
    }
  }

  /** A spec sent with the run; {@code spec} is its serialized form. */
  record Inline(TaskRef ref, byte[] spec) implements TaskSelector {
    public Inline {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(spec, "spec");
    }
  }
}
