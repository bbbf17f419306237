package io.aloft.adapters.connect.protocol;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * The message compressions this server supports, by their HTTP content-coding names. Decompression
 * is bounded, so that a small compressed body cannot expand into an unbounded amount of memory.
 * Compressing is CPU work on bytes already in memory, so it runs inline on the calling thread.
 */
public enum Compression {
  IDENTITY("identity") {
    @Override
    public byte[] compress(byte[] data) {
      return data;
    }

    @Override
    public byte[] decompress(byte[] data, int maxBytes) {
      if (data.length > maxBytes) {
        throw tooLarge(maxBytes);
      }
      return data;
    }
  },
  GZIP("gzip") {
    @Override
    public byte[] compress(byte[] data) {
      ByteArrayOutputStream compressed = new ByteArrayOutputStream(data.length / 2 + 32);
      try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
        gzip.write(data);
      } catch (IOException e) {
        throw new UncheckedIOException(e); // In-memory streams do not fail.
      }
      return compressed.toByteArray();
    }

    @Override
    public byte[] decompress(byte[] data, int maxBytes) {
      try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(data))) {
        return readAtMost(gzip, maxBytes);
      } catch (IOException e) {
        throw new ConnectException(
            ConnectCode.INVALID_ARGUMENT, "could not decompress the gzip body: " + e.getMessage());
      }
    }
  };

  private final String encodingName;

  Compression(String encodingName) {
    this.encodingName = encodingName;
  }

  /** The name in Content-Encoding and Connect-Content-Encoding headers. */
  public String encodingName() {
    return encodingName;
  }

  public abstract byte[] compress(byte[] data);

  /**
   * @throws ConnectException {@code resource_exhausted} when the result would exceed maxBytes,
   *     {@code invalid_argument} when the data is corrupt
   */
  public abstract byte[] decompress(byte[] data, int maxBytes);

  /** The compression a request's encoding header names; no header means identity. */
  public static Optional<Compression> forName(@Nullable String encoding) {
    if (encoding == null || encoding.isBlank()) {
      return Optional.of(IDENTITY);
    }
    String wanted = encoding.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.encodingName.equals(wanted)).findFirst();
  }

  /** The compression for a response: gzip if the client's accept-encoding header allows it. */
  public static Compression negotiate(@Nullable String acceptEncoding) {
    if (acceptEncoding == null) {
      return IDENTITY;
    }
    for (String coding : acceptEncoding.split(",")) {
      String[] nameAndParameters = coding.split(";");
      String name = nameAndParameters[0].trim().toLowerCase(Locale.ROOT);
      if (name.equals(GZIP.encodingName) && !refused(nameAndParameters)) {
        return GZIP;
      }
    }
    return IDENTITY;
  }

  /** The supported names for an Accept-Encoding response header, e.g. {@code gzip}. */
  public static String acceptEncodingHeader() {
    return GZIP.encodingName;
  }

  /** The {@code unimplemented} error for a request compressed with an unknown encoding. */
  public static ConnectException unsupported(String encoding) {
    String supported =
        Arrays.stream(values()).map(Compression::encodingName).collect(Collectors.joining(", "));
    return new ConnectException(
        ConnectCode.UNIMPLEMENTED,
        "unknown compression \"" + encoding + "\": supported encodings are " + supported);
  }

  static ConnectException tooLarge(int maxBytes) {
    return new ConnectException(
        ConnectCode.RESOURCE_EXHAUSTED,
        "message is larger than the configured limit of " + maxBytes + " bytes");
  }

  /** Whether a coding carries {@code q=0}, which means "not acceptable". */
  private static boolean refused(String[] nameAndParameters) {
    for (int i = 1; i < nameAndParameters.length; i++) {
      String parameter = nameAndParameters[i].replace(" ", "");
      if (parameter.matches("[qQ]=0(\\.0*)?")) {
        return true;
      }
    }
    return false;
  }

  private static byte[] readAtMost(InputStream in, int maxBytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    int total = 0;
    for (int read = in.read(chunk); read != -1; read = in.read(chunk)) {
      total += read;
      if (total > maxBytes) {
        throw tooLarge(maxBytes);
      }
      out.write(chunk, 0, read);
    }
    return out.toByteArray();
  }
}
