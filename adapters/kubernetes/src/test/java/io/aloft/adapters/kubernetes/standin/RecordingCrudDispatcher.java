package io.aloft.adapters.kubernetes.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.crud.KubernetesCrudDispatcherException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * fabric8's CRUD dispatcher with two changes. It applies merge patches as RFC 7386 says (the API
 * server does): the mock merges with Jackson's updating reader, which merges lists element by
 * element instead of replacing them, so {@code "finalizers": []} would remove nothing. And it
 * records every change of a TaskAction, and of a pod, as the watch event a real API server would
 * send, with the resource version the change was given (a deletion takes a new one, as in etcd), in
 * a history per kind. The CRUD mock can only stream watches over WebSocket; {@link WatchEvents}
 * serves these over HTTP instead (see {@link KubeApiStandIn}). And it finds a named resource
 * through an index by name, as an API server does by key: the mock scans every stored resource for
 * each read and write of one, under its one lock, so its cost per request grew with what it held
 * and with each resource's labels, and the benchmarks measured that scan instead of the controller.
 */
final class RecordingCrudDispatcher extends KubernetesCrudDispatcher {

  private static final Pattern TASK_ACTIONS = Pattern.compile(".*/namespaces/[^/]+/taskactions.*");
  private static final Pattern PODS = Pattern.compile(".*/namespaces/[^/]+/pods.*");

  private final WatchEvents taskActions;
  private final WatchEvents pods;

  /** The stored keys by resource name (guarded by the dispatcher's lock, as {@code map} is). */
  private final Map<String, Set<AttributeSet>> byName = new HashMap<>();

  RecordingCrudDispatcher(WatchEvents taskActions, WatchEvents pods) {
    this.taskActions = taskActions;
    this.pods = pods;
  }

  @Override
  public void processEvent(
      String path,
      AttributeSet pathAttributes,
      AttributeSet oldAttributes,
      GenericKubernetesResource resource,
      String newState) {
    // Called under the dispatcher's write lock, so events are recorded in the order of writes.
    String existing = oldAttributes == null ? null : map.get(oldAttributes);
    super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
    reindex(pathAttributes, oldAttributes, resource, newState);
    WatchEvents events = historyOf(path);
    if (events == null || Objects.equals(existing, newState)) {
      return;
    }
    if (newState == null) {
      events.record("DELETED", withVersion(existing, requestResourceVersion()));
    } else {
      events.record(existing == null ? "ADDED" : "MODIFIED", newState);
    }
  }

  private WatchEvents historyOf(String path) {
    if (TASK_ACTIONS.matcher(path).matches()) {
      return taskActions;
    }
    return PODS.matcher(path).matches() ? pods : null;
  }

  /**
   * The first stored resource matching {@code attributes}, as the mock's scan finds it; a query by
   * name looks only at the resources of that name, and falls back to the scan when none matches.
   */
  @Override
  public Map.Entry<AttributeSet, String> findResource(AttributeSet attributes) {
    String name = nameOf(attributes);
    Set<AttributeSet> candidates = name == null ? null : byName.get(name);
    if (candidates != null) {
      for (AttributeSet candidate : candidates) {
        String value = map.get(candidate);
        if (value != null && candidate.matches(attributes)) {
          return Map.entry(candidate, value);
        }
      }
    }
    return super.findResource(attributes);
  }

  @Override
  public void reset() {
    super.reset();
    byName.clear();
  }

  /** The key the mock stored {@code newState} under, computed as it does, replaces the old one. */
  private void reindex(
      AttributeSet pathAttributes,
      AttributeSet oldAttributes,
      GenericKubernetesResource resource,
      String newState) {
    if (oldAttributes != null) {
      forget(oldAttributes);
    }
    if (newState == null) {
      return;
    }
    KubernetesAttributesExtractor extractor = (KubernetesAttributesExtractor) attributeExtractor;
    AttributeSet key =
        resource != null ? extractor.extract(resource) : extractor.fromResource(newState);
    if (!key.containsKey(KubernetesAttributesExtractor.PLURAL)) {
      key = AttributeSet.merge(pathAttributes, key);
    }
    String name = nameOf(key);
    if (name != null && map.containsKey(key)) {
      byName.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(key);
    }
  }

  private void forget(AttributeSet key) {
    String name = nameOf(key);
    Set<AttributeSet> keys = name == null ? null : byName.get(name);
    if (keys != null && keys.remove(key) && keys.isEmpty()) {
      byName.remove(name);
    }
  }

  private static String nameOf(AttributeSet attributes) {
    Attribute name = attributes.getAttribute(KubernetesAttributesExtractor.NAME);
    return name == null || name.getType() != AttributeType.WITH || name.getValues().size() != 1
        ? null
        : name.getValues().getFirst().toString();
  }

  @Override
  public JsonNode merge(JsonNode baseResource, String updatedResource)
      throws KubernetesCrudDispatcherException {
    try {
      return mergePatch(
          baseResource.deepCopy(), Serialization.jsonMapper().readTree(updatedResource));
    } catch (Exception e) {
      throw new KubernetesCrudDispatcherException(e.getMessage(), 422);
    }
  }

  /** RFC 7386: objects merge member by member, null removes, anything else replaces. */
  private static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode result =
        target.isObject() ? (ObjectNode) target : JsonNodeFactory.instance.objectNode();
    patch
        .properties()
        .forEach(
            member -> {
              if (member.getValue().isNull()) {
                result.remove(member.getKey());
              } else {
                JsonNode current = result.get(member.getKey());
                result.set(
                    member.getKey(),
                    mergePatch(current == null ? NullNode.instance : current, member.getValue()));
              }
            });
    return result;
  }

  private static String withVersion(String json, long version) {
    try {
      ObjectNode node = (ObjectNode) Serialization.jsonMapper().readTree(json);
      ((ObjectNode) node.get("metadata")).put("resourceVersion", Long.toString(version));
      return Serialization.jsonMapper().writeValueAsString(node);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
