package io.aloft.application.copilot;

/** The readable copy of the inputs the copilot writes next to {@code inputs.pb}. */
public enum MetadataFormat {
  JSON("inputs.json"),
  YAML("inputs.yaml");

  private final String fileName;

  MetadataFormat(String fileName) {
    this.fileName = fileName;
  }

  public String fileName() {
    return fileName;
  }
}
