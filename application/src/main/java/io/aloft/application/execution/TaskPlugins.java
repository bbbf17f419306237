package io.aloft.application.execution;

import io.aloft.application.port.plugin.TaskPlugin;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The registered plugins by the task types they run; two plugins may not claim one type. */
public final class TaskPlugins {

  private final Map<String, TaskPlugin> byType;

  public TaskPlugins(List<TaskPlugin> plugins) {
    Map<String, TaskPlugin> types = new TreeMap<>();
    for (TaskPlugin plugin : plugins) {
      for (String type : plugin.taskTypes()) {
        TaskPlugin previous = types.putIfAbsent(type, plugin);
        if (previous != null) {
          throw new IllegalStateException(
              "task type '"
                  + type
                  + "' is claimed by both "
                  + previous.getClass().getName()
                  + " and "
                  + plugin.getClass().getName()
                  + "; register one plugin per type");
        }
      }
    }
    this.byType = Map.copyOf(types);
  }

  public Optional<TaskPlugin> find(String taskType) {
    return Optional.ofNullable(taskType == null ? null : byType.get(taskType));
  }

  /** The known task types, sorted, for error messages. */
  public List<String> types() {
    return byType.keySet().stream().sorted().toList();
  }
}
