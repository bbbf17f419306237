package io.aloft.application.copilot;

/**
 * Variable names and map keys become file names; one that is not a single plain path segment would
 * write outside the task's directory or collide with it.
 */
final class FileNames {

  private FileNames() {}

  static boolean isPlainSegment(String name) {
    return !name.isEmpty()
        && !name.equals(".")
        && !name.equals("..")
        && name.indexOf('/') < 0
        && name.indexOf('\\') < 0
        && name.indexOf('\0') < 0;
  }
}
