package io.aloft.manager.demo;

import io.aloft.proto.core.v1.Literal;
import io.aloft.proto.task.v1.TaskSpec;
import java.util.Map;

/**
 * A sample task and how the demo runs it.
 *
 * @param name the task's name, and the prefix of its run's name
 * @param spec the task spec, as read from {@code examples/<name>.json}
 * @param values inputs passed inline, by variable name
 * @param files file inputs, by variable name: uploaded to object storage, passed as blobs
 * @param expected how the run must end
 */
record Sample(
    String name,
    TaskSpec spec,
    Map<String, Literal> values,
    Map<String, FileInput> files,
    Expectation expected) {

  /** A local file passed as a single-file blob input. */
  record FileInput(String fileName, String format, byte[] content) {}

  String version() {
    return SampleCatalogue.version(spec);
  }

  /** The attempts the task may make: its user retries plus one. */
  int maxAttempts() {
    return spec.getTaskTemplate().getMetadata().getRetries().getRetries() + 1;
  }
}
