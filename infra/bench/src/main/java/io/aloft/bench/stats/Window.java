package io.aloft.bench.stats;

import java.time.Duration;

/**
 * The wall-clock interval a measurement covers. run.sh samples process CPU and PostgreSQL waits
 * every second and attributes the samples inside each printed {@code WINDOW} to that measurement.
 */
public record Window(String name, long startEpochMillis, long endEpochMillis) {

  /** A window opening after {@code warmup} and lasting {@code length}, from now. */
  public static Window after(String name, Duration warmup, Duration length) {
    long start = System.currentTimeMillis() + warmup.toMillis();
    return new Window(name, start, start + length.toMillis());
  }

  public void print() {
    System.out.println("WINDOW " + name + " " + startEpochMillis + " " + endEpochMillis);
  }
}
