package io.aloft.adapters.kubernetes;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.aloft.domain.support.Bytes;
import java.time.Instant;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Small helpers for the resource's JSON. Absent and {@code null} members read alike, because a
 * merge patch removes a member by sending {@code null} and not every server drops it.
 */
final class Json {

  /** Serializes as the client does, for size checks. */
  static final Gson GSON = new Gson();

  private Json() {}

  static @Nullable String string(JsonObject object, String member) {
    JsonElement value = object.get(member);
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }

  static String required(JsonObject object, String member) {
    String value = string(object, member);
    if (value == null) {
      throw new IllegalArgumentException("the TaskAction resource has no " + member);
    }
    return value;
  }

  static @Nullable JsonObject object(JsonObject object, String member) {
    JsonElement value = object.get(member);
    return value == null || !value.isJsonObject() ? null : value.getAsJsonObject();
  }

  static @Nullable Instant instant(JsonObject object, String member) {
    String value = string(object, member);
    return value == null ? null : Instant.parse(value);
  }

  static @Nullable Bytes bytes(JsonObject object, String member) {
    String value = string(object, member);
    return value == null ? null : Bytes.of(Base64.getDecoder().decode(value));
  }

  /** A member, or an explicit null (which a merge patch needs to remove a stale value). */
  static void put(JsonObject object, String member, @Nullable String value) {
    object.add(member, value == null ? JsonNull.INSTANCE : new JsonPrimitive(value));
  }

  static void put(JsonObject object, String member, @Nullable Instant value) {
    put(object, member, value == null ? null : value.toString());
  }

  static void put(JsonObject object, String member, @Nullable Bytes value) {
    put(object, member, value == null ? null : Base64.getEncoder().encodeToString(value.toArray()));
  }

  /** Like {@link #put(JsonObject, String, String)}, but leaves an absent value out. */
  static void putIfSet(JsonObject object, String member, @Nullable String value) {
    if (value != null) {
      object.addProperty(member, value);
    }
  }
}
