package io.aloft.adapters.connect.mapping;

import io.aloft.application.port.query.ActionFilter;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.proto.core.v1.Filter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Request filters to the application's filters. As in the reference, only two are understood:
 * {@code PHASE} with {@code VALUE_IN} (phase numbers or names) and {@code NAME} with {@code
 * CONTAINS_CASE_INSENSITIVE}; anything else is rejected, naming the filter.
 */
public final class Filters {

  static final String PHASE = "PHASE";
  static final String NAME = "NAME";
  static final String SUPPORTED = "use PHASE with VALUE_IN or NAME with CONTAINS_CASE_INSENSITIVE";

  private static final int MAX_FILTERS = 16;
  private static final int MAX_VALUES = 64;

  private Filters() {}

  /** {@code path} is the path of the repeated filters field, e.g. {@code request.filters}. */
  public static ActionFilter actionFilter(List<Filter> filters, String path) {
    checkCount(filters, path);
    Set<ActionPhase> phases = EnumSet.noneOf(ActionPhase.class);
    String nameContains = null;
    for (int i = 0; i < filters.size(); i++) {
      Filter filter = filters.get(i);
      String at = Fields.element(path, i);
      String field = field(filter, at);
      if (field.equals(PHASE) && filter.getFunction() == Filter.Function.FUNCTION_VALUE_IN) {
        once(phases.isEmpty(), PHASE, at);
        phases.addAll(phases(filter, at));
      } else if (field.equals(NAME)
          && filter.getFunction() == Filter.Function.FUNCTION_CONTAINS_CASE_INSENSITIVE) {
        once(nameContains == null, NAME, at);
        nameContains = nameValue(filter, at);
      } else {
        throw unsupported(filter, at);
      }
    }
    return new ActionFilter(phases, nameContains);
  }

  /** For lists that only filter by name, such as ListTasks: the text to look for, or "". */
  public static String nameContains(List<Filter> filters, String path) {
    ActionFilter filter = actionFilter(filters, path);
    if (!filter.phases().isEmpty()) {
      throw new InvalidArgument(
          path + " filters by PHASE, which this list does not support; use NAME only");
    }
    return filter.nameContains();
  }

  /** For lists that take no filters: rejects any. */
  public static void none(List<Filter> filters, String path) {
    if (!filters.isEmpty()) {
      throw new InvalidArgument(path + " is not supported by this list yet; send no filters");
    }
  }

  private static void checkCount(List<Filter> filters, String path) {
    if (filters.size() > MAX_FILTERS) {
      throw new InvalidArgument(
          path + " has " + filters.size() + " filters; use at most " + MAX_FILTERS);
    }
  }

  private static String field(Filter filter, String path) {
    String field = Fields.maxLength(filter.getField(), Fields.SHORT_TEXT_MAX, path + ".field");
    Fields.known(filter.getFunction(), filter.getFunctionValue(), path + ".function");
    return field.strip().toUpperCase(Locale.ROOT);
  }

  private static Set<ActionPhase> phases(Filter filter, String path) {
    int count = filter.getValuesCount() + filter.getIntValuesCount();
    if (count == 0 || count > MAX_VALUES) {
      throw new InvalidArgument(
          path + " must list between 1 and " + MAX_VALUES + " phases (got " + count + ")");
    }
    Set<ActionPhase> phases = EnumSet.noneOf(ActionPhase.class);
    for (int i = 0; i < filter.getValuesCount(); i++) {
      phases.add(Phases.parse(filter.getValues(i), Fields.element(path + ".values", i)));
    }
    for (int i = 0; i < filter.getIntValuesCount(); i++) {
      phases.add(
          Phases.fromNumber(filter.getIntValues(i), Fields.element(path + ".int_values", i)));
    }
    return phases;
  }

  private static String nameValue(Filter filter, String path) {
    if (filter.getValuesCount() != 1 || filter.getIntValuesCount() != 0) {
      throw new InvalidArgument(path + ".values must hold exactly one text to look for");
    }
    return Fields.required(filter.getValues(0), Fields.SHORT_TEXT_MAX, path + ".values[0]");
  }

  private static void once(boolean first, String field, String path) {
    if (!first) {
      throw new InvalidArgument(path + " repeats the " + field + " filter; send it once");
    }
  }

  private static InvalidArgument unsupported(Filter filter, String path) {
    return new InvalidArgument(
        path
            + ": filter on field '"
            + filter.getField()
            + "' with function "
            + filter.getFunction().name()
            + " is not supported; "
            + SUPPORTED);
  }
}
