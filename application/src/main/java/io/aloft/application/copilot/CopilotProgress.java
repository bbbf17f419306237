package io.aloft.application.copilot;

/**
 * Hears how a copilot run's blob transfers advance, for a progress display. Called from I/O
 * threads, concurrently: implementations must be thread-safe and must not block. Totals grow as the
 * copilot discovers files (a directory's files are planned together, once listed); a single blob
 * download is planned with an unknown (zero) size. Retried attempts report their bytes again.
 */
public interface CopilotProgress {

  /** Ignores everything. */
  CopilotProgress NONE =
      new CopilotProgress() {
        @Override
        public void planned(int files, long bytes) {}

        @Override
        public void transferred(long bytes) {}

        @Override
        public void fileDone() {}
      };

  /** {@code files} more files of {@code bytes} in all will move. */
  void planned(int files, long bytes);

  /** {@code bytes} more bytes moved. */
  void transferred(long bytes);

  /** One more file moved completely. */
  void fileDone();
}
