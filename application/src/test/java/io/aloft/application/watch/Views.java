package io.aloft.application.watch;

import io.aloft.application.port.query.ActionView;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import java.time.Instant;
import java.util.Map;

/** Builds action rows for tests. */
public final class Views {

  public static final RunId RUN = RunId.of("p", "d", "r1");

  private Views() {}

  public static ActionId id(String name) {
    return new ActionId(RUN, name);
  }

  public static ActionView row(String name, String parent, ActionPhase phase, long position) {
    Instant t = Instant.parse("2026-11-21T10:00:00Z");
    return new ActionView(
        id(name),
        parent == null ? null : id(parent),
        ActionType.TASK,
        null,
        null,
        "s3://b/in",
        "s3://b/out/",
        null,
        null,
        null,
        null,
        null,
        phase,
        1,
        CacheStatus.UNSPECIFIED,
        null,
        null,
        null,
        t,
        null,
        t,
        null,
        null,
        Map.of(),
        position,
        position);
  }
}
