package io.aloft.adapters.kubernetes.standin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A label selector's equality and existence requirements, comma-separated, as the API server reads
 * them: {@code key=value} (or {@code ==}), {@code key!=value}, {@code key}, {@code !key}. Set
 * requirements ({@code in}, {@code notin}) are not needed by Aloft and are refused.
 */
record LabelSelector(List<Predicate<Map<String, String>>> requirements) {

  static LabelSelector parse(String selector) {
    List<Predicate<Map<String, String>>> requirements = new ArrayList<>();
    for (String requirement : selector.split(",")) {
      String text = requirement.strip();
      if (!text.isEmpty()) {
        requirements.add(requirement(text));
      }
    }
    return new LabelSelector(requirements);
  }

  boolean matches(Map<String, String> labels) {
    return requirements.stream().allMatch(requirement -> requirement.test(labels));
  }

  private static Predicate<Map<String, String>> requirement(String text) {
    if (text.contains(" in ") || text.contains(" notin ")) {
      throw new IllegalArgumentException("set requirements are not supported: " + text);
    }
    int notEquals = text.indexOf("!=");
    if (notEquals > 0) {
      String key = text.substring(0, notEquals);
      String value = text.substring(notEquals + 2);
      return labels -> !value.equals(labels.get(key));
    }
    int equals = text.indexOf('=');
    if (equals > 0) {
      String key = text.substring(0, equals);
      String value = text.substring(text.startsWith("==", equals) ? equals + 2 : equals + 1);
      return labels -> value.equals(labels.get(key));
    }
    if (text.startsWith("!")) {
      String key = text.substring(1);
      return labels -> !labels.containsKey(key);
    }
    return labels -> labels.containsKey(text);
  }
}
