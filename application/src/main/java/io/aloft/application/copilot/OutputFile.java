package io.aloft.application.copilot;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** The file (or directory) a task wrote for one output. */
record OutputFile(String output, Path path, BasicFileAttributes attributes) {

  boolean isDirectory() {
    return attributes.isDirectory();
  }

  long size() {
    return attributes.size();
  }
}
