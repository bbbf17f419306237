package io.aloft.adapters.connect.actions;

import static io.aloft.adapters.connect.Rejections.assertInvalid;
import static io.aloft.adapters.connect.Rejections.assertInvalidStart;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.connect.TestData;
import io.aloft.adapters.connect.mapping.ActionSpecs;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.action.CreateAction;
import io.aloft.domain.action.TaskRef;
import io.aloft.domain.id.ActionId;
import io.aloft.proto.actions.v1.Action;
import io.aloft.proto.actions.v1.EnqueueRequest;
import io.aloft.proto.core.v1.LiteralType;
import io.aloft.proto.core.v1.SimpleType;
import io.aloft.proto.run.v1.ConditionAction;
import io.aloft.proto.run.v1.TaskAction;
import io.aloft.proto.run.v1.TraceAction;
import io.aloft.proto.task.v1.RunSpec;
import org.junit.jupiter.api.Test;

class EnqueueRequestsTest {

  private static final Action CHILD =
      Action.newBuilder()
          .setActionId(TestData.actionId("r1", "a1"))
          .setParentActionName("a0")
          .setInputUri("s3://b/r1/a1/inputs")
          .setRunOutputBase("s3://b/r1/")
          .setTask(TaskAction.newBuilder().setSpec(TestData.spec("python")))
          .build();

  @Test
  void givenAChildTask_WhenMapped_ThenATaskActionUnderItsParent() {
    CreateAction command =
        EnqueueRequests.toCommand(
            EnqueueRequest.newBuilder()
                .setAction(CHILD)
                .setRunSpec(RunSpec.getDefaultInstance())
                .build(),
            "executor",
            TestData.T0);

    assertThat(command.actionId()).isEqualTo(new ActionId(TestData.ROOT.run(), "a1"));
    assertThat(command.parent()).isEqualTo(TestData.ROOT);
    assertThat(command.type()).isEqualTo(ActionType.TASK);
    assertThat(command.task()).isEqualTo(new TaskRef(TestData.TASK, "python", "train", null));
    assertThat(command.spec()).isEqualTo(ActionSpecs.encode(TestData.spec("python")));
    assertThat(command.runSpec()).isEmpty();
    assertThat(command.createdBy()).isEqualTo("executor");
    assertThat(command.group()).isNull();
    assertThat(command.requestedAt()).isEqualTo(TestData.T0);
  }

  @Test
  void givenASubjectAndAnExplicitTaskId_WhenMapped_ThenBothWin() {
    Action action =
        CHILD.toBuilder()
            .setSubject("alice")
            .setTask(CHILD.getTask().toBuilder().setId(TestData.taskId("v9")))
            .build();

    CreateAction command = EnqueueRequests.toCommand(enqueue(action), "executor", TestData.T0);

    assertThat(command.createdBy()).isEqualTo("alice");
    assertThat(command.task().id().version()).isEqualTo("v9");
  }

  @Test
  void givenTraceAndCondition_WhenMapped_ThenTheirTypesAndStoredSpecs() {
    TraceAction trace = TraceAction.newBuilder().setName("fetch").build();
    ConditionAction condition =
        ConditionAction.newBuilder()
            .setName("approve")
            .setType(LiteralType.newBuilder().setSimple(SimpleType.SIMPLE_TYPE_BOOLEAN))
            .build();

    CreateAction traced =
        EnqueueRequests.toCommand(
            enqueue(CHILD.toBuilder().setTrace(trace).build()), "e", TestData.T0);
    CreateAction waiting =
        EnqueueRequests.toCommand(
            enqueue(CHILD.toBuilder().setCondition(condition).build()), "e", TestData.T0);

    assertThat(traced.type()).isEqualTo(ActionType.TRACE);
    assertThat(traced.task()).isNull();
    assertThat(traced.spec()).isEqualTo(ActionSpecs.encode(trace));
    assertThat(waiting.type()).isEqualTo(ActionType.CONDITION);
    assertThat(waiting.spec()).isEqualTo(ActionSpecs.encode(condition));
  }

  @Test
  void givenMissingParts_WhenMapped_ThenTheFieldPathIsRequired() {
    assertInvalid(
        () -> EnqueueRequests.toCommand(EnqueueRequest.getDefaultInstance(), "e", TestData.T0),
        "action is required");
    assertInvalid(
        () -> map(CHILD.toBuilder().clearActionId().build()), "action.action_id is required");
    assertInvalid(
        () -> map(CHILD.toBuilder().clearParentActionName().build()),
        "action.parent_action_name is required; root actions are created by RunService.CreateRun");
    assertInvalid(
        () -> map(CHILD.toBuilder().clearInputUri().build()), "action.input_uri is required");
    assertInvalid(
        () -> map(CHILD.toBuilder().clearRunOutputBase().build()),
        "action.run_output_base is required");
    assertInvalid(
        () -> map(CHILD.toBuilder().clearTask().build()),
        "action.task, action.trace or action.condition is required");
    assertInvalid(
        () -> map(CHILD.toBuilder().setTask(TaskAction.getDefaultInstance()).build()),
        "action.task.spec is required");
  }

  @Test
  void givenBadValues_WhenMapped_ThenEachRuleNamesItsField() {
    assertInvalid(
        () -> map(CHILD.toBuilder().setRecoveredFrom(TestData.actionId("r0", "a1")).build()),
        "action.recovered_from is set by the server; leave it unset");
    assertInvalidStart(
        () -> map(CHILD.toBuilder().setParentActionName("Bad Parent").build()),
        "action.parent_action_name: action name 'Bad Parent' is invalid");
    assertInvalid(
        () -> map(CHILD.toBuilder().setTrace(TraceAction.getDefaultInstance()).build()),
        "action.trace.name is required");
    assertInvalid(
        () ->
            map(
                CHILD.toBuilder()
                    .setCondition(
                        ConditionAction.newBuilder()
                            .setName("c")
                            .setType(
                                LiteralType.newBuilder().setSimple(SimpleType.SIMPLE_TYPE_BINARY)))
                    .build()),
        "action.condition.type must be a simple BOOLEAN, INTEGER, FLOAT or STRING type");
    assertInvalid(
        () ->
            map(CHILD.toBuilder().setCondition(ConditionAction.newBuilder().setName("c")).build()),
        "action.condition.type is required");
    assertInvalid(
        () -> map(CHILD.toBuilder().setActionId(TestData.actionId("r1", "a0")).build()),
        "action.action_id names the root action a0; root actions are created by"
            + " RunService.CreateRun");
    assertInvalid(
        () -> map(CHILD.toBuilder().setParentActionName("a1").build()),
        "action flytesnacks/development/r1/a1 cannot be its own parent");
  }

  private static CreateAction map(Action action) {
    return EnqueueRequests.toCommand(enqueue(action), "e", TestData.T0);
  }

  private static EnqueueRequest enqueue(Action action) {
    return EnqueueRequest.newBuilder().setAction(action).build();
  }
}
