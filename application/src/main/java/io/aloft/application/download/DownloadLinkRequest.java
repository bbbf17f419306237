package io.aloft.application.download;

import io.aloft.domain.id.ActionId;
import java.time.Duration;
import java.util.Objects;

/**
 * What CreateDownloadLink needs.
 *
 * @param type never null
 * @param action nullable: the request named no action attempt (refused)
 * @param attempt the attempt, from 1
 * @param expiresIn nullable: the requested lifetime (null or zero: the maximum)
 */
public record DownloadLinkRequest(
    ArtifactType type, ActionId action, int attempt, Duration expiresIn) {

  public DownloadLinkRequest {
    Objects.requireNonNull(type, "type");
  }
}
