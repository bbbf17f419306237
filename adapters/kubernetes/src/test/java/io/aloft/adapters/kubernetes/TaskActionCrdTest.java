package io.aloft.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.aloft.adapters.kubernetes.standin.KubeApiStandIn;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.execution.ExecutionReason;
import io.aloft.domain.id.ActionId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The CRD in infra/k8s is structural, names what the domain holds, and accepts exactly the
 * resources the mapper writes; sample mistakes are rejected.
 */
class TaskActionCrdTest {

  private static final ActionId ROOT = ActionId.of("proj", "development", "r1", "a0");
  private static final ActionId CHILD = ActionId.of("proj", "development", "r1", "n0");

  @Test
  void givenTheCrd_ThenItServesTaskActionsOfAloftIoV1WithStatusAndPrinterColumns() {
    Map<String, Object> spec = map(crd(), "spec");
    assertThat(spec.get("group")).isEqualTo("aloft.io");
    assertThat(spec.get("scope")).isEqualTo("Namespaced");
    assertThat(map(spec, "names").get("kind")).isEqualTo("TaskAction");
    assertThat(map(spec, "names").get("plural")).isEqualTo(TaskActionResources.PLURAL);
    Map<String, Object> v1 = version();
    assertThat(v1.get("name")).isEqualTo("v1");
    assertThat(map(v1, "subresources")).containsKey("status");
    assertThat(list(v1, "additionalPrinterColumns"))
        .extracting(
            column -> ((Map<?, ?>) column).get("name") + "=" + ((Map<?, ?>) column).get("jsonPath"))
        .contains(
            "Phase=.status.phase", "Attempts=.status.attempts", "Age=.metadata.creationTimestamp");
  }

  @Test
  void givenTheSchema_ThenEveryNodeHasATypeAndNoneForbidsUnknownFields() {
    List<String> problems = new ArrayList<>();
    structural(schema(), "", problems);
    assertThat(problems).isEmpty();
  }

  @Test
  void givenTheSchema_ThenItsEnumsAreTheDomainsValues() {
    Map<String, Object> status = property(schema(), "status");
    Map<String, Object> spec = property(schema(), "spec");
    assertThat(enumOf(property(status, "phase"))).isEqualTo(names(ActionPhase.values()));
    assertThat(enumOf(property(status, "reason"))).isEqualTo(names(ExecutionReason.values()));
    assertThat(enumOf(property(status, "cacheStatus"))).isEqualTo(names(CacheStatus.values()));
    assertThat(enumOf(property(property(status, "error"), "kind")))
        .isEqualTo(names(ErrorKind.values()));
    assertThat(enumOf(property(spec, "actionType")))
        .isEqualTo(
            Arrays.stream(ActionType.values())
                .map(t -> t.name().toLowerCase(Locale.ROOT))
                .toList());
  }

  @Test
  void givenResourcesAsTheStoreWritesThem_ThenTheSchemaAcceptsThem() {
    StructuralSchema schema = new StructuralSchema(schema());

    assertThat(schema.violations(stored(full()))).isEmpty();
    assertThat(schema.violations(stored(minimal()))).isEmpty();
  }

  static Stream<Object[]> mistakes() {
    return Stream.of(
        mistake(
            "spec.runName missing", r -> spec(r).remove("runName"), ".spec: runName is required"),
        mistake("no spec", r -> r.remove("spec"), ": spec is required"),
        mistake("unknown phase", r -> status(r).put("phase", "DONE"), ".status.phase: DONE"),
        mistake("attempts 0", r -> status(r).put("attempts", 0), ".status.attempts: below"),
        mistake(
            "attempts text",
            r -> status(r).put("attempts", "1"),
            ".status.attempts: expected integer"),
        mistake("unknown field", r -> spec(r).put("image", "x"), ".spec.image: unknown field"),
        mistake("env not text", r -> env(r).put("N", 1), ".spec.envVars.N: expected string"),
        mistake(
            "spec not base64",
            r -> spec(r).put("actionSpec", "%%%"),
            ".spec.actionSpec: not a valid byte"),
        mistake(
            "bad time",
            r -> spec(r).put("createdAt", "yesterday"),
            ".spec.createdAt: not a valid date-time"),
        mistake("log without uri", r -> log(r).remove("uri"), ".status.logs[0]: uri is required"),
        mistake(
            "cache key too long",
            r -> spec(r).put("cacheKey", "k".repeat(257)),
            ".spec.cacheKey: longer than 256"),
        mistake(
            "bad type",
            r -> spec(r).put("actionType", "TASK"),
            ".spec.actionType: TASK is not one of"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void givenAMistake_ThenTheSchemaRejectsIt(
      String what, Consumer<Map<String, Object>> mistake, String expected) {
    Map<String, Object> resource = stored(full());
    mistake.accept(resource);

    assertThat(new StructuralSchema(schema()).violations(resource))
        .anySatisfy(violation -> assertThat(violation).startsWith(expected));
  }

  @Test
  void givenEveryManifest_ThenEachDocumentParsesAndNamesItsKind() throws IOException {
    List<Path> manifests;
    try (Stream<Path> files = Files.walk(KubeApiStandIn.CRD.getParent())) {
      manifests = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    List<String> kinds = new ArrayList<>();
    for (Path manifest : manifests) {
      try (InputStream in = Files.newInputStream(manifest)) {
        for (Object document : new Yaml().loadAll(in)) {
          Map<String, Object> resource = cast(document);
          assertThat(resource).containsKeys("apiVersion", "kind", "metadata");
          assertThat(map(resource, "metadata")).containsKey("name");
          kinds.add((String) resource.get("kind"));
          if ("ConfigMap".equals(resource.get("kind"))) {
            Map<String, Object> config =
                cast(new Yaml().load((String) map(resource, "data").get("application.yml")));
            assertThat(config).containsKey("aloft");
          }
        }
      }
    }
    assertThat(kinds)
        .contains(
            "CustomResourceDefinition",
            "ServiceAccount",
            "Role",
            "RoleBinding",
            "Deployment",
            "ConfigMap",
            "Service",
            "Namespace");
  }

  // --- samples

  private static Map<String, Object> full() {
    JsonObject resource =
        TaskActionResources.newResource(
            Samples.fullSpec(CHILD, ROOT),
            "aloft",
            new TaskActionResources.Owner("r1-a0", "uid-1"));
    resource.add("status", StatusJson.write(Samples.fullStatus()));
    return cast(new Yaml().load(new Gson().toJson(resource)));
  }

  private static Map<String, Object> minimal() {
    JsonObject resource = TaskActionResources.newResource(Samples.minimalSpec(ROOT), "aloft", null);
    resource.add(
        "status",
        StatusJson.write(io.aloft.domain.execution.TaskActionStatus.queued(Samples.CREATED)));
    return cast(new Yaml().load(new Gson().toJson(resource)));
  }

  /** As the API server stores a resource: merge patches' nulls removed what they named. */
  private static Map<String, Object> stored(Map<String, Object> resource) {
    Map<String, Object> copy = new LinkedHashMap<>();
    resource.forEach(
        (key, value) -> {
          if (value instanceof Map<?, ?> nested) {
            copy.put(key, stored(cast(nested)));
          } else if (value != null) {
            copy.put(key, value);
          }
        });
    return copy;
  }

  private static Object[] mistake(
      String what, Consumer<Map<String, Object>> mistake, String expected) {
    return new Object[] {what, mistake, expected};
  }

  private static Map<String, Object> spec(Map<String, Object> resource) {
    return map(resource, "spec");
  }

  private static Map<String, Object> status(Map<String, Object> resource) {
    return map(resource, "status");
  }

  private static Map<String, Object> env(Map<String, Object> resource) {
    return map(spec(resource), "envVars");
  }

  private static Map<String, Object> log(Map<String, Object> resource) {
    return cast(list(status(resource), "logs").getFirst());
  }

  // --- the CRD

  private static Map<String, Object> crd() {
    try (InputStream in = Files.newInputStream(KubeApiStandIn.CRD)) {
      return cast(new Yaml().load(in));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> version() {
    return cast(list(map(crd(), "spec"), "versions").getFirst());
  }

  static Map<String, Object> schema() {
    return map(map(version(), "schema"), "openAPIV3Schema");
  }

  private static void structural(Map<String, Object> node, String path, List<String> problems) {
    if (!node.containsKey("type")) {
      problems.add(path + " has no type");
    }
    if (Boolean.FALSE.equals(node.get("additionalProperties"))) {
      problems.add(path + " sets additionalProperties: false, which CRDs may not");
    }
    if (node.get("properties") instanceof Map<?, ?> properties) {
      properties.forEach((name, child) -> structural(cast(child), path + "." + name, problems));
    }
    if (node.get("items") instanceof Map<?, ?> items) {
      structural(cast(items), path + "[]", problems);
    }
    if (node.get("additionalProperties") instanceof Map<?, ?> values) {
      structural(cast(values), path + ".*", problems);
    }
  }

  private static Map<String, Object> property(Map<String, Object> schema, String name) {
    return map(map(schema, "properties"), name);
  }

  private static List<Object> enumOf(Map<String, Object> schema) {
    return list(schema, "enum");
  }

  private static List<Object> names(Enum<?>[] values) {
    return Arrays.stream(values).map(v -> (Object) v.name()).toList();
  }

  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    return cast(parent.get(key));
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Map<String, Object> parent, String key) {
    return (List<Object>) parent.get(key);
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }
}
