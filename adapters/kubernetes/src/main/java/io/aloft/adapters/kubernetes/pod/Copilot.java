package io.aloft.adapters.kubernetes.pod;

import io.aloft.application.port.plugin.PluginContext;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1EnvVarSource;
import io.kubernetes.client.openapi.models.V1SecretKeySelector;
import java.util.ArrayList;
import java.util.List;

/**
 * The copilot's two containers, running the Aloft image's entrypoint (infra/k8s/copilot): {@code
 * download} as an init container, and {@code upload-on-exit} as a native sidecar (an init container
 * that restarts Always, Kubernetes 1.29+), which waits for the kubelet to stop it once the task's
 * container has ended and then uploads the outputs.
 */
final class Copilot {

  static final String INPUTS_VOLUME = "aloft-inputs";
  static final String OUTPUTS_VOLUME = "aloft-outputs";

  private Copilot() {}

  static V1Container download(PluginContext context, PodSettings settings) {
    return base(PodNames.DOWNLOAD, settings)
        .args(
            List.of(
                "download",
                "--from-remote",
                context.inputsFile(),
                "--to-local-dir",
                PodManifests.INPUTS,
                "--to-output-prefix",
                context.outputPrefix()))
        .addVolumeMountsItem(PodManifests.mount(INPUTS_VOLUME, PodManifests.INPUTS, false));
  }

  static V1Container upload(PluginContext context, PodSettings settings, String outputInterface) {
    return base(PodNames.UPLOAD, settings)
        .restartPolicy("Always")
        .args(
            List.of(
                "upload-on-exit",
                "--from-local-dir",
                PodManifests.OUTPUTS,
                "--to-output-prefix",
                context.outputPrefix(),
                "--to-raw-output",
                context.rawOutputPrefix(),
                "--output-interface",
                outputInterface))
        .addVolumeMountsItem(PodManifests.mount(OUTPUTS_VOLUME, PodManifests.OUTPUTS, true));
  }

  private static V1Container base(String name, PodSettings settings) {
    List<V1EnvVar> env = new ArrayList<>();
    settings.copilotEnvironment().forEach((k, v) -> env.add(new V1EnvVar().name(k).value(v)));
    if (settings.storageSecret() != null) {
      env.add(secret("AWS_ACCESS_KEY_ID", settings.storageSecret(), "storage-access-key"));
      env.add(secret("AWS_SECRET_ACCESS_KEY", settings.storageSecret(), "storage-secret-key"));
    }
    return new V1Container().name(name).image(settings.copilotImage()).env(env);
  }

  private static V1EnvVar secret(String variable, String secret, String key) {
    return new V1EnvVar()
        .name(variable)
        .valueFrom(
            new V1EnvVarSource().secretKeyRef(new V1SecretKeySelector().name(secret).key(key)));
  }
}
