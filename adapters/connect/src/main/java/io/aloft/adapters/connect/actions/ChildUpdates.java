package io.aloft.adapters.connect.actions;

import io.aloft.adapters.connect.mapping.ExecutionErrors;
import io.aloft.adapters.connect.mapping.Ids;
import io.aloft.adapters.connect.mapping.Phases;
import io.aloft.adapters.connect.mapping.ProtoBytes;
import io.aloft.application.common.Page;
import io.aloft.application.execution.ConditionValues;
import io.aloft.application.port.query.ActionFilter;
import io.aloft.application.port.query.ActionView;
import io.aloft.application.run.RunReader;
import io.aloft.application.run.RunWatches;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import io.aloft.domain.query.PageRequest;
import io.aloft.domain.support.Bytes;
import io.aloft.proto.actions.v1.ActionUpdate;
import io.aloft.proto.actions.v1.ControlMessage;
import io.aloft.proto.actions.v1.WatchForUpdatesResponse;
import io.aloft.proto.core.v1.Literal;
import java.util.HashMap;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * WatchForUpdates: the state of a parent action and its direct children. The stream is a snapshot
 * of the rows that exist when the call starts, a sentinel, then live changes.
 *
 * <p>{@link RunWatches#actions} replays its own snapshot before going live but does not say where
 * that snapshot ends, so the snapshot before the sentinel is read here with {@link RunReader}, and
 * the watch is then subscribed to with every row version already sent skipped. The watch subscribes
 * to changes before reading its snapshot, so nothing committed in the gap is lost: it arrives after
 * the sentinel.
 */
public final class ChildUpdates {

  static final WatchForUpdatesResponse SENTINEL =
      WatchForUpdatesResponse.newBuilder()
          .setControlMessage(ControlMessage.newBuilder().setSentinel(true))
          .build();

  private final RunReader reader;
  private final RunWatches watches;
  private final ConditionValues conditionValues;

  public ChildUpdates(RunReader reader, RunWatches watches, ConditionValues conditionValues) {
    this.reader = reader;
    this.watches = watches;
    this.conditionValues = conditionValues;
  }

  public Flux<WatchForUpdatesResponse> watch(ActionId parent) {
    return reader
        .require(parent)
        .thenMany(
            Flux.defer(
                () -> {
                  SentVersions sent = new SentVersions();
                  Flux<ActionView> live = watches.actions(parent.run());
                  return Flux.concat(
                      updates(snapshot(parent.run()), parent, sent),
                      Mono.just(SENTINEL),
                      updates(live, parent, sent));
                }));
  }

  private Flux<WatchForUpdatesResponse> updates(
      Flux<ActionView> rows, ActionId parent, SentVersions sent) {
    return rows.filter(row -> isParentOrChild(row, parent))
        .filter(sent::admit)
        .concatMap(
            row ->
                conditionValues
                    .of(row)
                    .map(value -> update(row, value))
                    .defaultIfEmpty(update(row))
                    .map(
                        update ->
                            WatchForUpdatesResponse.newBuilder().setActionUpdate(update).build()));
  }

  /** A succeeded condition's update also carries the value it was signalled with. */
  static ActionUpdate update(ActionView row, Bytes value) {
    return update(row).toBuilder()
        .setValue(ProtoBytes.parseStored(Literal.parser(), value.toArray(), "condition value"))
        .build();
  }

  /**
   * Every action of the run, page by page. Offset pages over rows that change phase may skip a row;
   * a skipped row still arrives from the live watch, only after the sentinel.
   */
  private Flux<ActionView> snapshot(RunId run) {
    return page(run, 0)
        .expand(
            page ->
                page.nextToken().isEmpty()
                    ? Mono.empty()
                    : page(run, Long.parseLong(page.nextToken())))
        .concatMapIterable(Page::items);
  }

  private Mono<Page<ActionView>> page(RunId run, long offset) {
    return reader.listActions(
        run, ActionFilter.NONE, new PageRequest(PageRequest.MAX_LIMIT, offset));
  }

  static boolean isParentOrChild(ActionView row, ActionId parent) {
    return row.id().equals(parent) || parent.equals(row.parent());
  }

  static ActionUpdate update(ActionView row) {
    ActionUpdate.Builder update =
        ActionUpdate.newBuilder()
            .setActionId(Ids.toProto(row.id()))
            .setPhase(Phases.toProto(row.phase()));
    if (row.error() != null) {
      update.setError(ExecutionErrors.toProto(row.error()));
    }
    if (row.outputUri() != null) {
      update.setOutputUri(row.outputUri());
    }
    return update.build();
  }

  /** The version of each action's last sent row: only newer rows are sent. */
  static final class SentVersions {

    private final Map<ActionId, Long> versions = new HashMap<>();

    boolean admit(ActionView row) {
      Long sent = versions.get(row.id());
      if (sent != null && row.version() <= sent) {
        return false;
      }
      versions.put(row.id(), row.version());
      return true;
    }
  }
}
