package io.aloft.adapters.connect.mapping;

import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.error.InvalidArgument;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Action phases between the proto enum and the domain enum; both use the reference's numbers. */
public final class Phases {

  /** The phases a client may name: every phase except UNSPECIFIED. */
  public static final String CHOICES =
      Arrays.stream(ActionPhase.values())
          .filter(phase -> phase != ActionPhase.UNSPECIFIED)
          .map(ActionPhase::name)
          .collect(Collectors.joining(", "));

  private static final String PROTO_PREFIX = "ACTION_PHASE_";

  private Phases() {}

  public static io.aloft.proto.core.v1.ActionPhase toProto(ActionPhase phase) {
    return io.aloft.proto.core.v1.ActionPhase.forNumber(phase.number());
  }

  /** A phase a client sent; UNSPECIFIED and unknown numbers are rejected. */
  public static ActionPhase fromProto(io.aloft.proto.core.v1.ActionPhase phase, String path) {
    if (phase == io.aloft.proto.core.v1.ActionPhase.UNRECOGNIZED) {
      throw invalid(path, "an unknown value");
    }
    return fromNumber(phase.getNumber(), path);
  }

  public static ActionPhase fromNumber(int number, String path) {
    if (number <= 0 || number >= ActionPhase.values().length) {
      throw invalid(path, String.valueOf(number));
    }
    return ActionPhase.fromNumber(number);
  }

  /**
   * A phase written as text, as filters carry it: a number ("5"), a name ("SUCCEEDED") or the proto
   * name ("ACTION_PHASE_SUCCEEDED"), case-insensitive.
   */
  public static ActionPhase parse(String text, String path) {
    String trimmed = text.strip();
    if (!trimmed.isEmpty()
        && trimmed.length() <= 3
        && trimmed.chars().allMatch(Character::isDigit)) {
      return fromNumber(Integer.parseInt(trimmed), path);
    }
    String name = trimmed.toUpperCase(Locale.ROOT);
    if (name.startsWith(PROTO_PREFIX)) {
      name = name.substring(PROTO_PREFIX.length());
    }
    for (ActionPhase phase : ActionPhase.values()) {
      if (phase != ActionPhase.UNSPECIFIED && phase.name().equals(name)) {
        return phase;
      }
    }
    throw invalid(path, "'" + Fields.maxLength(text, Fields.SHORT_TEXT_MAX, path) + "'");
  }

  private static InvalidArgument invalid(String path, String got) {
    return new InvalidArgument(
        path + " must be one of " + CHOICES + " (by name or number); got " + got);
  }
}
