package io.aloft.adapters.connect.mapping;

import static io.aloft.adapters.connect.Rejections.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.aloft.adapters.connect.TestData;
import io.aloft.domain.action.TaskRef;
import io.aloft.domain.id.ProjectDomain;
import io.aloft.proto.core.v1.TaskIdentifier;
import io.aloft.proto.task.v1.Environment;
import io.aloft.proto.task.v1.TaskSpec;
import io.aloft.proto.task.v1.TaskTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskSpecsTest {

  @Test
  void givenTheSameSpec_WhenDigestedTwice_ThenSameLowercaseHexSha256() {
    String first = TaskSpecs.digest(ProtoBytes.deterministic(TestData.spec("python")));
    String second = TaskSpecs.digest(ProtoBytes.deterministic(TestData.spec("python")));

    assertThat(first).isEqualTo(second).hasSize(64).matches("[0-9a-f]{64}");
  }

  @Test
  void givenMapsFilledInDifferentOrders_WhenDigested_ThenSameDigest() {
    List<String> keys = List.of("zeta", "alpha", "mid", "beta", "omega", "gamma", "delta");
    TaskSpec forward = specWithMaps(keys);
    TaskSpec backward = specWithMaps(keys.reversed());

    assertThat(forward).isEqualTo(backward);
    assertThat(ProtoBytes.deterministic(forward)).isEqualTo(ProtoBytes.deterministic(backward));
    assertThat(TaskSpecs.digest(ProtoBytes.deterministic(forward)))
        .isEqualTo(TaskSpecs.digest(ProtoBytes.deterministic(backward)));
  }

  @Test
  void givenDifferentSpecs_WhenDigested_ThenDifferentDigests() {
    assertThat(TaskSpecs.digest(ProtoBytes.deterministic(TestData.spec("python"))))
        .isNotEqualTo(TaskSpecs.digest(ProtoBytes.deterministic(TestData.spec("container"))));
  }

  @Test
  void givenAKnownInput_WhenDigested_ThenTheStandardSha256() {
    assertThat(TaskSpecs.digest(new byte[0]))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void givenASpec_WhenReferenced_ThenTypeShortNameAndEnvironmentComeFromIt() {
    TaskSpec spec =
        TestData.spec("python").toBuilder()
            .setEnvironment(Environment.newBuilder().setName("gpu-env"))
            .build();

    TaskRef ref = TaskSpecs.ref(TestData.TASK, spec, "spec");

    assertThat(ref).isEqualTo(new TaskRef(TestData.TASK, "python", "train", "gpu-env"));
  }

  @Test
  void givenNoShortName_WhenReferenced_ThenTheLastSegmentOfTheTaskName() {
    TaskSpec spec = TestData.spec("python").toBuilder().clearShortName().build();

    assertThat(TaskSpecs.ref(TestData.TASK, spec, "spec").shortName()).isEqualTo("train");
  }

  @Test
  void givenIncompleteSpecs_WhenReferenced_ThenInvalidNamingTheField() {
    assertInvalid(
        () -> TaskSpecs.ref(TestData.TASK, TaskSpec.getDefaultInstance(), "task_spec"),
        "task_spec.task_template is required");
    assertInvalid(
        () -> TaskSpecs.ref(TestData.TASK, TestData.spec(" "), "spec"),
        "spec.task_template.type is required");
    assertInvalid(
        () -> TaskSpecs.ref(TestData.TASK, TestData.spec("t".repeat(64)), "spec"),
        "spec.task_template.type is too long (64 characters); use at most 63");
  }

  @Test
  void givenAnInlineSpecWithoutScope_WhenIdentified_ThenTheRunScopeIsUsed() {
    TaskSpec spec =
        TaskSpec.newBuilder()
            .setTaskTemplate(
                TaskTemplate.newBuilder()
                    .setType("python")
                    .setId(TaskIdentifier.newBuilder().setName("my.module.train").setVersion("v1")))
            .build();

    var id = TaskSpecs.inlineId(spec, ProjectDomain.of("flytesnacks", "development"), "task_spec");

    assertThat(id).isEqualTo(TestData.TASK);
    assertInvalid(
        () ->
            TaskSpecs.inlineId(
                TestData.spec("python").toBuilder()
                    .setTaskTemplate(TaskTemplate.newBuilder().setType("python"))
                    .build(),
                id.scope(),
                "task_spec"),
        "task_spec.task_template.id is required");
  }

  private static TaskSpec specWithMaps(List<String> keys) {
    Map<String, String> config = new LinkedHashMap<>();
    Struct.Builder custom = Struct.newBuilder();
    for (String key : keys) {
      config.put(key, "value-" + key);
      custom.putFields(key, Value.newBuilder().setStringValue(key).build());
    }
    return TaskSpec.newBuilder()
        .setTaskTemplate(
            TestData.spec("python").getTaskTemplate().toBuilder()
                .putAllConfig(config)
                .setCustom(custom))
        .build();
  }
}
