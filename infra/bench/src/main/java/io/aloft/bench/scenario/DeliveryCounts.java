package io.aloft.bench.scenario;

import java.util.List;

/** How many transitions the streams showed exactly, and how many only via a later row. */
record DeliveryCounts(long exact, long coalesced) {

  static DeliveryCounts of(List<WatchedRun> runs) {
    return new DeliveryCounts(
        runs.stream().mapToLong(run -> run.exact.get()).sum(),
        runs.stream().mapToLong(run -> run.coalesced.get()).sum());
  }

  DeliveryCounts since(DeliveryCounts earlier) {
    return new DeliveryCounts(exact - earlier.exact, coalesced - earlier.coalesced);
  }
}
