package io.aloft.adapters.kubernetes;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A small checker of objects against a CRD's structural openAPIV3Schema (the parsed YAML): types,
 * required members, enums, string lengths, minimums, {@code byte} and {@code date-time} formats,
 * and {@code additionalProperties}. Members the schema does not name are errors, as with kubectl's
 * strict field validation (the API server would prune them). {@code metadata} is the API server's
 * to check and is only required to be an object.
 */
final class StructuralSchema {

  private final Map<String, Object> root;

  StructuralSchema(Map<String, Object> openApiV3Schema) {
    this.root = openApiV3Schema;
  }

  /** Every violation, each naming its path; empty when {@code value} is valid. */
  List<String> violations(Object value) {
    List<String> found = new ArrayList<>();
    check(root, value, "", found);
    return found;
  }

  @SuppressWarnings("unchecked")
  private void check(Map<String, Object> schema, Object value, String path, List<String> found) {
    String type = (String) schema.get("type");
    if (!hasType(type, value)) {
      found.add(path + ": expected " + type + ", got " + describe(value));
      return;
    }
    List<Object> allowed = (List<Object>) schema.get("enum");
    if (allowed != null && !allowed.contains(value)) {
      found.add(path + ": " + value + " is not one of " + allowed);
    }
    switch (type) {
      case "object" -> checkObject(schema, (Map<String, Object>) value, path, found);
      case "array" -> {
        Map<String, Object> items = (Map<String, Object>) schema.get("items");
        List<Object> list = (List<Object>) value;
        for (int i = 0; i < list.size(); i++) {
          check(items, list.get(i), path + "[" + i + "]", found);
        }
      }
      case "string" -> checkString(schema, (String) value, path, found);
      case "integer" -> checkMinimum(schema, ((Number) value).longValue(), path, found);
      default -> {}
    }
  }

  @SuppressWarnings("unchecked")
  private void checkObject(
      Map<String, Object> schema, Map<String, Object> value, String path, List<String> found) {
    if (path.equals(".metadata")) {
      return;
    }
    for (Object name : (List<Object>) schema.getOrDefault("required", List.of())) {
      if (!value.containsKey(name)) {
        found.add(path + ": " + name + " is required");
      }
    }
    Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
    Object additional = schema.get("additionalProperties");
    for (Map.Entry<String, Object> member : value.entrySet()) {
      String at = path + "." + member.getKey();
      if (properties != null && properties.containsKey(member.getKey())) {
        check((Map<String, Object>) properties.get(member.getKey()), member.getValue(), at, found);
      } else if (additional instanceof Map<?, ?> valueSchema) {
        check((Map<String, Object>) valueSchema, member.getValue(), at, found);
      } else if (!Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"))) {
        found.add(at + ": unknown field");
      }
    }
  }

  private static void checkString(
      Map<String, Object> schema, String value, String path, List<String> found) {
    if (schema.get("maxLength") instanceof Integer max && value.length() > max) {
      found.add(path + ": longer than " + max);
    }
    if (schema.get("minLength") instanceof Integer min && value.length() < min) {
      found.add(path + ": shorter than " + min);
    }
    try {
      if ("byte".equals(schema.get("format"))) {
        Base64.getDecoder().decode(value);
      } else if ("date-time".equals(schema.get("format"))) {
        OffsetDateTime.parse(value);
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      found.add(path + ": not a valid " + schema.get("format") + ": " + value);
    }
  }

  private static void checkMinimum(
      Map<String, Object> schema, long value, String path, List<String> found) {
    if (schema.get("minimum") instanceof Number min && value < min.longValue()) {
      found.add(path + ": below the minimum " + min);
    }
  }

  private static boolean hasType(String type, Object value) {
    return switch (type) {
      case "object" -> value instanceof Map;
      case "array" -> value instanceof List;
      case "string" -> value instanceof String;
      case "integer" -> value instanceof Integer || value instanceof Long;
      case "number" -> value instanceof Number;
      case "boolean" -> value instanceof Boolean;
      default -> throw new IllegalArgumentException("a structural schema has no type " + type);
    };
  }

  private static String describe(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
  }
}
