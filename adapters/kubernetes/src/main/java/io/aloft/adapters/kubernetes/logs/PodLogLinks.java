package io.aloft.adapters.kubernetes.logs;

import io.aloft.domain.action.TaskLog;
import io.aloft.domain.error.NotFound;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The log links of pods: {@code k8s://<namespace>/<pod>/<container>}, each part a DNS-1123 name, so
 * a link names exactly one container's log and nothing else can be smuggled in.
 */
public final class PodLogLinks {

  public static final String SCHEME = "k8s://";
  public static final String NAME = "pod";

  private static final String DNS = "[a-z0-9]([-a-z0-9.]*[a-z0-9])?";
  private static final Pattern LINK =
      Pattern.compile(Pattern.quote(SCHEME) + "(" + DNS + ")/(" + DNS + ")/(" + DNS + ")");

  /** A parsed link. */
  public record Container(String namespace, String pod, String container) {}

  private PodLogLinks() {}

  public static TaskLog link(String namespace, String pod, String container) {
    return new TaskLog(NAME, SCHEME + namespace + "/" + pod + "/" + container);
  }

  static boolean isPodLink(String uri) {
    return uri.startsWith(SCHEME);
  }

  /** The container a link names; NotFound when it is not a well-formed pod log link. */
  static Container parse(String uri) {
    Matcher matcher = LINK.matcher(uri);
    if (!matcher.matches()) {
      throw new NotFound("no pod log at " + uri);
    }
    return new Container(matcher.group(1), matcher.group(3), matcher.group(5));
  }
}
