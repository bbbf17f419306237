package io.aloft.adapters.postgres.notify;

import java.util.Optional;
import java.util.UUID;

/**
 * What a committed projection batch tells the other managers on one database, by PostgreSQL's
 * NOTIFY on {@value #CHANNEL}: which manager ran it ({@code node}), the highest read-model row
 * version it wrote and the global event position it ended at. It names no actions: a listener reads
 * the rows changed since the last version it saw, so a notice is small, and one it missed (a
 * dropped connection) costs nothing once the next read covers its range.
 */
public record ChangeNotice(String node, long toVersion, long lastPosition) {

  public static final String CHANNEL = "aloft_changes";

  /** A fresh identity for this process: notices it sent itself are not read back. */
  public static String newNode() {
    return UUID.randomUUID().toString();
  }

  public String encode() {
    return node + ":" + toVersion + ":" + lastPosition;
  }

  /** Empty for a payload that is not a notice (another sender on the channel). */
  public static Optional<ChangeNotice> decode(String payload) {
    String[] parts = payload == null ? new String[0] : payload.split(":", -1);
    if (parts.length != 3 || parts[0].isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new ChangeNotice(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
