package io.aloft.manager.replay;

import java.net.URI;
import java.util.List;

/** The replay command's arguments: the run, and the manager's URL. */
record ReplayOptions(String project, String domain, String name, String url) {

  static ReplayOptions parse(List<String> args) {
    String target = null;
    String url = ReplayCommand.DEFAULT_URL;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--url")) {
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException("--url needs a value, e.g. --url http://host:8090");
        }
        url = checkedUrl(args.get(++i));
      } else if (arg.startsWith("-")) {
        throw new IllegalArgumentException("unknown option " + arg);
      } else if (target == null) {
        target = arg;
      } else {
        throw new IllegalArgumentException("one run only; got " + target + " and " + arg);
      }
    }
    if (target == null) {
      throw new IllegalArgumentException("name the run as <project>/<domain>/<run>");
    }
    String[] parts = target.split("/", -1);
    if (parts.length != 3 || List.of(parts).stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException(
          "the run must be <project>/<domain>/<run>, e.g. flytesnacks/development/r1; got "
              + target);
    }
    return new ReplayOptions(parts[0], parts[1], parts[2], url);
  }

  private static String checkedUrl(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--url " + url + " is not a URL");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException("--url must start with http:// or https://; got " + url);
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The run identifier as Connect JSON. */
  String run() {
    return """
        {"project": "%s", "domain": "%s", "name": "%s"}"""
        .formatted(json(project), json(domain), json(name));
  }

  private static String json(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
