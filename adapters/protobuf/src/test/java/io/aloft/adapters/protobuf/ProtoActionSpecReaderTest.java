package io.aloft.adapters.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Duration;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.execution.CacheSettings;
import io.aloft.domain.execution.ConditionSpec;
import io.aloft.domain.execution.ContainerSpec;
import io.aloft.domain.execution.EnvVar;
import io.aloft.domain.execution.TaskTemplate;
import io.aloft.domain.literal.Dimensionality;
import io.aloft.domain.literal.LiteralType;
import io.aloft.domain.literal.SimpleType;
import io.aloft.domain.literal.Variable;
import io.aloft.domain.support.Bytes;
import io.aloft.proto.core.v1.BlobType;
import io.aloft.proto.core.v1.EnumType;
import io.aloft.proto.core.v1.KeyValuePair;
import io.aloft.proto.core.v1.StructuredDatasetType;
import io.aloft.proto.core.v1.TypedInterface;
import io.aloft.proto.core.v1.VariableEntry;
import io.aloft.proto.core.v1.VariableMap;
import io.aloft.proto.run.v1.ConditionAction;
import io.aloft.proto.task.v1.Container;
import io.aloft.proto.task.v1.RetryStrategy;
import io.aloft.proto.task.v1.TaskMetadata;
import io.aloft.proto.task.v1.TaskSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtoActionSpecReaderTest {

  private final ProtoActionSpecReader reader = new ProtoActionSpecReader();

  @Test
  void givenARunSpecWithEnvs_whenRead_thenTheVariablesInOrder() {
    var spec =
        io.aloft.proto.task.v1.RunSpec.newBuilder()
            .setEnvs(
                io.aloft.proto.task.v1.Envs.newBuilder()
                    .addValues(KeyValuePair.newBuilder().setKey("Z").setValue("last"))
                    .addValues(KeyValuePair.newBuilder().setKey("A").setValue("")))
            .build();

    Map<String, String> env = reader.runEnvironment(Bytes.of(spec.toByteArray()));

    assertThat(env).containsExactly(Map.entry("Z", "last"), Map.entry("A", ""));
    assertThat(reader.runEnvironment(Bytes.EMPTY)).isEmpty();
  }

  @Test
  void givenARunSpecWithAStartTime_whenRead_thenThatInstant() {
    var spec =
        io.aloft.proto.task.v1.RunSpec.newBuilder()
            .setRunStartTime(
                com.google.protobuf.Timestamp.newBuilder().setSeconds(1_767_323_045).setNanos(5))
            .build();

    assertThat(reader.runStartTime(Bytes.of(spec.toByteArray())))
        .contains(java.time.Instant.ofEpochSecond(1_767_323_045, 5));
    assertThat(reader.runStartTime(Bytes.EMPTY)).isEmpty();
    assertThat(
            reader.runStartTime(
                Bytes.of(
                    io.aloft.proto.task.v1.RunSpec.newBuilder()
                        .setRunBaseDir("s3://b")
                        .build()
                        .toByteArray())))
        .isEmpty();
  }

  @Test
  void givenRunSpecs_whenRawDataPrefixRead_thenSetPrefixOnly() {
    var spec =
        io.aloft.proto.task.v1.RunSpec.newBuilder()
            .setRawDataStorage(
                io.aloft.proto.task.v1.RawDataStorage.newBuilder()
                    .setRawDataPrefix("s3://raw/prefix"))
            .build();

    assertThat(reader.rawDataPrefix(Bytes.of(spec.toByteArray()))).contains("s3://raw/prefix");
    assertThat(reader.rawDataPrefix(Bytes.EMPTY)).isEmpty();
    assertThat(
            reader.rawDataPrefix(
                Bytes.of(
                    io.aloft.proto.task.v1.RunSpec.newBuilder()
                        .setRunBaseDir("s3://b")
                        .build()
                        .toByteArray())))
        .isEmpty();
  }

  @Test
  void givenContainerArgsWithThePlaceholder_whenTemplated_thenRfc3339UtcToTheSecond() {
    TaskSpec spec =
        TaskSpec.newBuilder()
            .setTaskTemplate(
                io.aloft.proto.task.v1.TaskTemplate.newBuilder()
                    .setType("container")
                    .setContainer(
                        Container.newBuilder()
                            .addArgs("--run-start-time")
                            .addArgs("{{.runStartTime}}")
                            .addArgs("at={{.runStartTime}};{{.runName}}")))
            .build();

    Bytes templated =
        reader.withRunStartTime(
            Bytes.of(spec.toByteArray()), java.time.Instant.parse("2026-01-02T03:04:05.678Z"));

    assertThat(reader.taskTemplate(templated).container().args())
        .containsExactly(
            "--run-start-time", "2026-01-02T03:04:05Z", "at=2026-01-02T03:04:05Z;{{.runName}}");
  }

  @Test
  void givenASpecWithoutThePlaceholder_whenTemplated_thenTheSameBytes() {
    Bytes spec =
        Bytes.of(
            TaskSpec.newBuilder()
                .setTaskTemplate(
                    io.aloft.proto.task.v1.TaskTemplate.newBuilder()
                        .setType("container")
                        .setContainer(Container.newBuilder().addArgs("{{.runName}}")))
                .build()
                .toByteArray());

    assertThat(reader.withRunStartTime(spec, java.time.Instant.EPOCH)).isSameAs(spec);
  }

  @Test
  void givenBytesThatAreNoRunSpec_whenRead_thenInvalidArgument() {
    assertThatThrownBy(() -> reader.runEnvironment(Bytes.of(new byte[] {(byte) 0xff, 0x01})))
        .isInstanceOf(io.aloft.domain.error.InvalidArgument.class)
        .hasMessageContaining("run spec");
  }

  @Test
  void givenAFullTemplate_whenRead_thenEveryPartTheExecutorUses() {
    var template =
        io.aloft.proto.task.v1.TaskTemplate.newBuilder()
            .setType("container")
            .setInterface(iface())
            .setMetadata(
                TaskMetadata.newBuilder()
                    .setRetries(RetryStrategy.newBuilder().setRetries(3))
                    .setTimeout(Duration.newBuilder().setSeconds(90))
                    .setInterruptible(true)
                    .setDiscoverable(true)
                    .setDiscoveryVersion("v2")
                    .setCacheSerializable(true)
                    .addCacheIgnoreInputVars("seed"))
            .setContainer(
                Container.newBuilder()
                    .setImage("python:3.12")
                    .addCommand("python")
                    .addArgs("-c")
                    .addArgs("print(1)")
                    .addEnv(KeyValuePair.newBuilder().setKey("B").setValue("2"))
                    .addEnv(KeyValuePair.newBuilder().setKey("A").setValue("1")))
            .putConfig("k", "v");

    TaskTemplate read = reader.taskTemplate(spec(template));

    assertThat(read.type()).isEqualTo("container");
    assertThat(read.retries()).isEqualTo(3);
    assertThat(read.timeout()).isEqualTo(java.time.Duration.ofSeconds(90));
    assertThat(read.interruptible()).isTrue();
    assertThat(read.cache()).isEqualTo(new CacheSettings(true, "v2", true, List.of("seed")));
    assertThat(read.container())
        .isEqualTo(
            new ContainerSpec(
                "python:3.12",
                List.of("python"),
                List.of("-c", "print(1)"),
                List.of(new EnvVar("B", "2"), new EnvVar("A", "1"))));
    assertThat(read.config()).isEqualTo(Map.of("k", "v"));
    assertThat(read.iface().inputs())
        .containsExactly(
            Map.entry("n", new Variable(LiteralType.simple(SimpleType.INTEGER), "count")),
            Map.entry("color", new Variable(LiteralType.simple(SimpleType.STRING), "")));
    assertThat(read.iface().outputs())
        .containsExactly(
            Map.entry(
                "dir", new Variable(new LiteralType.BlobType("", Dimensionality.MULTIPART), "")));
  }

  @Test
  void givenATemplateWithoutContainerTimeoutRetriesOrMetadata_whenRead_thenDefaults() {
    var template = io.aloft.proto.task.v1.TaskTemplate.newBuilder().setType("noop");

    TaskTemplate read = reader.taskTemplate(spec(template));

    assertThat(read.container()).isNull();
    assertThat(read.timeout()).isNull();
    assertThat(read.retries()).isZero();
    assertThat(read.interruptible()).isFalse();
    assertThat(read.cache()).isEqualTo(CacheSettings.DISABLED);
    assertThat(read.iface().inputs()).isEmpty();
    assertThat(read.config()).isEmpty();
  }

  @Test
  void givenASpecWithoutTemplate_whenRead_thenInvalidArgumentNamingTheField() {
    Bytes spec = Bytes.of(TaskSpec.newBuilder().setShortName("t").build().toByteArray());

    assertThatThrownBy(() -> reader.taskTemplate(spec))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("task_template is required");
  }

  @Test
  void givenBytesThatAreNoTaskSpec_whenRead_thenInvalidArgument() {
    Bytes garbage = Bytes.of(new byte[] {(byte) 0xff, 0x01});

    assertThatThrownBy(() -> reader.taskTemplate(garbage))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("task spec (aloft.task.v1.TaskSpec) cannot be parsed");
  }

  @Test
  void givenAVariableWithoutType_whenRead_thenInvalidArgumentNamingTheVariable() {
    var iface =
        TypedInterface.newBuilder()
            .setOutputs(
                VariableMap.newBuilder()
                    .addVariables(VariableEntry.newBuilder().setKey("o").setValue(variable(null))));
    var template = io.aloft.proto.task.v1.TaskTemplate.newBuilder().setInterface(iface);

    assertThatThrownBy(() -> reader.taskTemplate(spec(template)))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage("task_template.interface.outputs.o.type is required");
  }

  @Test
  void givenAStructuredDatasetOutput_whenRead_thenInvalidArgumentSayingItIsUnsupported() {
    var type =
        io.aloft.proto.core.v1.LiteralType.newBuilder()
            .setStructuredDatasetType(StructuredDatasetType.newBuilder().setFormat("parquet"))
            .build();
    var iface =
        TypedInterface.newBuilder()
            .setOutputs(
                VariableMap.newBuilder()
                    .addVariables(
                        VariableEntry.newBuilder().setKey("df").setValue(variable(type))));
    var template = io.aloft.proto.task.v1.TaskTemplate.newBuilder().setInterface(iface);

    assertThatThrownBy(() -> reader.taskTemplate(spec(template)))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("task_template.interface.outputs.df.type")
        .hasMessageContaining("not support");
  }

  @Test
  void givenACondition_whenRead_thenNameTypePromptAndTimeout() {
    var condition =
        ConditionAction.newBuilder()
            .setName("approve")
            .setType(simple(io.aloft.proto.core.v1.SimpleType.SIMPLE_TYPE_BOOLEAN))
            .setPrompt("ship it?")
            .setTimeout(Duration.newBuilder().setSeconds(60))
            .build();

    ConditionSpec read = reader.condition(Bytes.of(condition.toByteArray()));

    assertThat(read)
        .isEqualTo(
            new ConditionSpec(
                "approve", SimpleType.BOOLEAN, "ship it?", java.time.Duration.ofMinutes(1)));
  }

  @Test
  void givenAConditionWithZeroTimeout_whenRead_thenItWaitsForever() {
    var condition =
        ConditionAction.newBuilder()
            .setName("n")
            .setType(simple(io.aloft.proto.core.v1.SimpleType.SIMPLE_TYPE_INTEGER))
            .setTimeout(Duration.getDefaultInstance())
            .build();

    assertThat(reader.condition(Bytes.of(condition.toByteArray())).timeout()).isNull();
  }

  @Test
  void givenAConditionOfANonSimpleType_whenRead_thenInvalidArgument() {
    var condition =
        ConditionAction.newBuilder()
            .setName("n")
            .setType(
                io.aloft.proto.core.v1.LiteralType.newBuilder()
                    .setBlob(BlobType.getDefaultInstance()))
            .build();

    assertThatThrownBy(() -> reader.condition(Bytes.of(condition.toByteArray())))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("condition.type");
  }

  private static TypedInterface iface() {
    var enumType =
        io.aloft.proto.core.v1.LiteralType.newBuilder()
            .setEnumType(EnumType.newBuilder().addValues("red"))
            .build();
    var dir =
        io.aloft.proto.core.v1.LiteralType.newBuilder()
            .setBlob(
                BlobType.newBuilder()
                    .setDimensionality(BlobType.BlobDimensionality.BLOB_DIMENSIONALITY_MULTIPART))
            .build();
    return TypedInterface.newBuilder()
        .setInputs(
            VariableMap.newBuilder()
                .addVariables(
                    entry(
                        "n",
                        variable(simple(io.aloft.proto.core.v1.SimpleType.SIMPLE_TYPE_INTEGER))
                            .toBuilder()
                            .setDescription("count")
                            .build()))
                .addVariables(entry("color", variable(enumType))))
        .setOutputs(VariableMap.newBuilder().addVariables(entry("dir", variable(dir))))
        .build();
  }

  private static VariableEntry entry(String name, io.aloft.proto.core.v1.Variable variable) {
    return VariableEntry.newBuilder().setKey(name).setValue(variable).build();
  }

  private static io.aloft.proto.core.v1.Variable variable(io.aloft.proto.core.v1.LiteralType type) {
    var variable = io.aloft.proto.core.v1.Variable.newBuilder();
    if (type != null) {
      variable.setType(type);
    }
    return variable.build();
  }

  private static io.aloft.proto.core.v1.LiteralType simple(io.aloft.proto.core.v1.SimpleType type) {
    return io.aloft.proto.core.v1.LiteralType.newBuilder().setSimple(type).build();
  }

  private static Bytes spec(io.aloft.proto.task.v1.TaskTemplate.Builder template) {
    return Bytes.of(TaskSpec.newBuilder().setTaskTemplate(template).build().toByteArray());
  }
}
