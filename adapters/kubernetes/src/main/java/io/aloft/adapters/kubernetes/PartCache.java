package io.aloft.adapters.kubernetes;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Offloaded parts by storage uri, least recently used first out, bounded in bytes. A uri names its
 * content (it ends in the content's SHA-256), so an entry never goes stale: it is both a read cache
 * and the knowledge that the object is stored.
 */
final class PartCache {

  private final long maxBytes;
  private final LinkedHashMap<String, byte[]> parts = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes;

  PartCache(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  synchronized byte @Nullable [] get(String uri) {
    return parts.get(uri);
  }

  synchronized void put(String uri, byte[] content) {
    if (content.length > maxBytes / 4) {
      return; // one huge part must not flush everything else
    }
    byte[] before = parts.put(uri, content);
    bytes += content.length - (before == null ? 0 : before.length);
    var oldest = parts.entrySet().iterator();
    while (bytes > maxBytes && oldest.hasNext()) {
      Map.Entry<String, byte[]> entry = oldest.next();
      bytes -= entry.getValue().length;
      oldest.remove();
    }
  }
}
