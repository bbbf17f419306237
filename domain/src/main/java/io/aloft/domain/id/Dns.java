package io.aloft.domain.id;

import java.util.regex.Pattern;

/** The name rules Flyte inherits from Kubernetes, in one place so the messages stay consistent. */
final class Dns {

  /** DNS-1123 label: projects, domains and action names become Kubernetes label values. */
  static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  /** DNS-1035 label: run names start a CR name, which must begin with a letter. */
  static final Pattern LABEL_1035 = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

  /** Task names and versions: python dotted names like {@code my.module.task}, or git shas. */
  static final Pattern TASK_TOKEN = Pattern.compile("[A-Za-z0-9_.\\-]+");

  static final int LABEL_MAX = 63;

  static String labelRule(int max) {
    return "use lowercase letters, digits and '-', start and end with a letter or digit, at most "
        + max
        + " characters";
  }

  private Dns() {}
}
