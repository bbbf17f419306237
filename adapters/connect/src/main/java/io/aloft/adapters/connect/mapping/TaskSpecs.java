package io.aloft.adapters.connect.mapping;

import io.aloft.domain.action.TaskRef;
import io.aloft.domain.id.ProjectDomain;
import io.aloft.domain.id.TaskId;
import io.aloft.proto.core.v1.TaskIdentifier;
import io.aloft.proto.task.v1.TaskSpec;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Task specs as the domain stores them: deterministic bytes, their digest, and the denormalised
 * task reference (type, display name, environment) read from the spec.
 */
public final class TaskSpecs {

  /** The domain's limits; checked here too so the message names the spec field. */
  static final int TASK_TYPE_MAX = 63;

  static final int SHORT_NAME_MAX = 255;
  static final int ENVIRONMENT_MAX = 255;

  private TaskSpecs() {}

  /** Lowercase hex SHA-256 of the deterministic serialization: equal specs, equal digests. */
  public static String digest(byte[] deterministicBytes) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(deterministicBytes));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every Java platform provides SHA-256", impossible);
    }
  }

  /**
   * The task reference a spec describes, for task {@code id}. {@code path} is the path of the spec.
   */
  public static TaskRef ref(TaskId id, TaskSpec spec, String path) {
    Fields.require(spec.hasTaskTemplate(), path + ".task_template");
    String type =
        Fields.required(
            spec.getTaskTemplate().getType(), TASK_TYPE_MAX, path + ".task_template.type");
    String shortName = Fields.maxLength(spec.getShortName(), SHORT_NAME_MAX, path + ".short_name");
    return new TaskRef(
        id,
        type,
        shortName.isBlank() ? lastSegment(id.name()) : shortName,
        environment(spec, path));
  }

  /**
   * The id of an inline spec: its template id, with project and domain defaulting to the scope the
   * spec runs in (SDKs may leave them empty for specs that were never deployed).
   */
  public static TaskId inlineId(TaskSpec spec, ProjectDomain scope, String path) {
    Fields.require(spec.hasTaskTemplate(), path + ".task_template");
    String idPath = path + ".task_template.id";
    Fields.require(spec.getTaskTemplate().hasId(), idPath);
    TaskIdentifier id = spec.getTaskTemplate().getId();
    return Ids.taskId(
        id.toBuilder()
            .setProject(id.getProject().isEmpty() ? scope.project().name() : id.getProject())
            .setDomain(id.getDomain().isEmpty() ? scope.domain().name() : id.getDomain())
            .build(),
        idPath);
  }

  private static @Nullable String environment(TaskSpec spec, String path) {
    if (!spec.hasEnvironment()) {
      return null;
    }
    String name =
        Fields.maxLength(
            spec.getEnvironment().getName(), ENVIRONMENT_MAX, path + ".environment.name");
    return name.isEmpty() ? null : name;
  }

  /** A display name for specs without one: {@code my.module.train} shows as {@code train}. */
  private static String lastSegment(String taskName) {
    String last = taskName.substring(taskName.lastIndexOf('.') + 1);
    return last.isEmpty() ? taskName : last;
  }
}
