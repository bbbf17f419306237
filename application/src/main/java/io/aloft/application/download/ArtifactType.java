package io.aloft.application.download;

/** What a download link points at; only reports can be linked. */
public enum ArtifactType {
  UNSPECIFIED,
  REPORT,
  CODE_BUNDLE
}
