package io.aloft.domain.run;

import io.aloft.domain.id.ProjectDomain;
import io.aloft.domain.id.RunId;
import java.util.random.RandomGenerator;

/** Chooses the name of a new run. */
public final class RunNames {

  private RunNames() {}

  /**
   * The requested name, validated, or a generated one when none was requested.
   *
   * @param requestedName nullable; null or blank means "generate"
   * @throws io.aloft.domain.error.InvalidArgument when the requested name is not a valid run name
   */
  public static RunId resolve(ProjectDomain scope, String requestedName, RandomGenerator random) {
    if (requestedName == null || requestedName.isBlank()) {
      return RunId.generate(scope, random);
    }
    return new RunId(scope, requestedName);
  }
}
