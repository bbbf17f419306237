package io.aloft.domain.project;

import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.support.Require;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Limits on a project's descriptive fields, shared by create and update. */
final class ProjectFields {

  static final int DISPLAY_NAME_MAX = 64;
  static final int DESCRIPTION_MAX = 300;
  static final int LABELS_MAX = 64;
  static final int LABEL_MAX = 63;

  private ProjectFields() {}

  static String displayName(String value) {
    return Require.maxLength(value, DISPLAY_NAME_MAX, "project display name");
  }

  static String description(String value) {
    return Require.maxLength(value, DESCRIPTION_MAX, "project description");
  }

  /** Validates and copies {@code labels} (null stays null), sorted so stored events are stable. */
  static Map<String, String> labels(Map<String, String> labels) {
    if (labels == null) {
      return null;
    }
    if (labels.size() > LABELS_MAX) {
      throw new InvalidArgument(
          "project has " + labels.size() + " labels; use at most " + LABELS_MAX);
    }
    labels.forEach(ProjectFields::label);
    return sortedCopy(labels);
  }

  /** An unmodifiable copy in key order: {@code Map.copyOf} would iterate in random order. */
  static Map<String, String> sortedCopy(Map<String, String> labels) {
    return Collections.unmodifiableMap(new TreeMap<>(labels));
  }

  private static void label(String key, String value) {
    Require.nonBlank(key, "project label key");
    Require.maxLength(key, LABEL_MAX, "project label key '" + key + "'");
    if (value == null) {
      throw new InvalidArgument("project label '" + key + "' has no value; set one, may be empty");
    }
    Require.maxLength(value, LABEL_MAX, "value of project label '" + key + "'");
  }
}
