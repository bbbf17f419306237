package io.aloft.adapters.local.storage;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * An object's metadata (its MD5, content type and user metadata), kept next to it in a hidden file
 * named {@code .aloft.meta.<name>}: extended attributes would be tidier, but many filesystems
 * (tmpfs, some overlay and network mounts) do not support them.
 */
record Sidecar(String contentType, Map<String, String> metadata) {

  private static final String META_PREFIX = ".aloft.meta.";
  private static final String CONTENT_TYPE = "content-type";
  private static final String USER = "meta.";

  Sidecar {
    metadata = Map.copyOf(metadata);
  }

  /** Where the metadata of the object at {@code object} lives. */
  static Path pathFor(Path object) {
    return object.resolveSibling(META_PREFIX + object.getFileName());
  }

  /** The sidecar of {@code object}, or none (empty metadata) when it has none. */
  static Sidecar read(Path object) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(pathFor(object), StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      return new Sidecar(null, Map.of());
    }
    Map<String, String> metadata = new HashMap<>();
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith(USER)) {
        metadata.put(name.substring(USER.length()), properties.getProperty(name));
      }
    }
    return new Sidecar(properties.getProperty(CONTENT_TYPE), metadata);
  }

  /** Writes the properties text to {@code writer}. */
  void write(Writer writer) throws IOException {
    Properties properties = new Properties();
    if (contentType != null) {
      properties.setProperty(CONTENT_TYPE, contentType);
    }
    metadata.forEach((key, value) -> properties.setProperty(USER + key, value));
    properties.store(writer, null);
  }
}
