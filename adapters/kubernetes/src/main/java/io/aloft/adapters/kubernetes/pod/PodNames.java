package io.aloft.adapters.kubernetes.pod;

import io.aloft.adapters.kubernetes.ResourceNames;
import io.aloft.application.port.plugin.PluginContext;

/**
 * Pod and container names. A pod is {@code <resource>-<attempt-1>} as in the reference; a restart
 * after a system failure gets {@code -r<n>} too, since the failed pod may still be terminating
 * under the old name. The resource name leaves room for that within 63 characters (ResourceNames).
 */
public final class PodNames {

  public static final String TASK = "task";
  public static final String DOWNLOAD = "aloft-download";
  public static final String UPLOAD = "aloft-upload";

  private PodNames() {}

  public static String pod(PluginContext context) {
    return ResourceNames.name(context.spec().action())
        + "-"
        + (context.attempt() - 1)
        + (context.systemFailures() > 0 ? "-r" + context.systemFailures() : "");
  }
}
