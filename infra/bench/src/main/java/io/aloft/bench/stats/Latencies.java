package io.aloft.bench.stats;

import java.util.Arrays;

/** Latency samples in nanoseconds, kept whole so percentiles are exact. Thread-safe. */
public final class Latencies {

  private long[] samples = new long[1 << 16];
  private int size;

  public synchronized void add(long nanos) {
    if (size == samples.length) {
      samples = Arrays.copyOf(samples, size * 2);
    }
    samples[size++] = nanos;
  }

  public synchronized int count() {
    return size;
  }

  public synchronized void clear() {
    size = 0;
  }

  /** The p-th percentile (0 to 100) in milliseconds, or NaN without samples. */
  public synchronized double percentileMillis(double p) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(samples, size);
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * size) - 1;
    return sorted[Math.clamp(index, 0, size - 1)] / 1e6;
  }
}
