package org.industrygaps.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * One YAML file of {@code conf/}, bound to a record, that remembers the line of every field so a
 * validation message can point at it (Jackson's tree and records carry no locations).
 */
public final class ConfigFile<T> {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

  private final String name;
  private final T value;
  private final byte[] bytes;
  /** Field lines, found only when a message needs one: a second pass over a large file costs. */
  private Map<String, Integer> lines;

  private ConfigFile(String name, T value, byte[] bytes) {
    this.name = name;
    this.value = value;
    this.bytes = bytes;
  }

  /** Binds {@code bytes} (the content of file {@code name}) to {@code type}. */
  public static <T> ConfigFile<T> parse(String name, byte[] bytes, Class<T> type) {
    ConfigFile<T> located = new ConfigFile<>(name, null, bytes);
    try {
      return new ConfigFile<>(name, YAML.readValue(bytes, type), bytes);
    } catch (UnrecognizedPropertyException e) {
      throw located.error(
          fieldOf(e),
          "unknown field '" + e.getPropertyName() + "' (known: "
              + String.join(", ", e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList())
              + ")");
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      throw located.error(fieldOf(e), e.getOriginalMessage().replaceAll("\\s+", " "));
    } catch (JsonProcessingException e) {
      throw new ConfigException(at(name, e) + e.getOriginalMessage().replaceAll("\\s+", " "));
    } catch (IOException e) {
      throw new ConfigException(name + ": cannot be read: " + e.getMessage());
    }
  }

  public T value() {
    return value;
  }

  public String name() {
    return name;
  }

  /**
   * The problem {@code message} at {@code field}, written as {@code targets[3].indicator}; the line
   * is that of the field, or of its nearest enclosing field that has one.
   */
  public ConfigException error(String field, String message) {
    String pointer = toPointer(field);
    if (lines == null) {
      lines = fieldLines(name, bytes);
    }
    Integer line = null;
    for (String p = pointer; line == null && !p.isEmpty(); p = p.substring(0, p.lastIndexOf('/'))) {
      line = lines.get(p);
    }
    return new ConfigException(
        name + (line == null ? "" : " line " + line) + ", field " + field + ": " + message);
  }

  private static String at(String name, JsonProcessingException e) {
    return name + (e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr()) + ": ";
  }

  private static String fieldOf(com.fasterxml.jackson.databind.JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  /** {@code targets[3].indicator} → {@code /targets/3/indicator}. */
  static String toPointer(String field) {
    return ("/" + field.replace("[", "/").replace("]", "").replace(".", "/")).replace("//", "/");
  }

  private static Map<String, Integer> fieldLines(String name, byte[] bytes) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = YAML.getFactory().createParser(bytes)) {
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
          lines.putIfAbsent(
              parser.getParsingContext().pathAsPointer().toString(),
              parser.currentTokenLocation().getLineNr());
        }
      }
    } catch (JsonProcessingException e) {
      throw new ConfigException(at(name, e) + e.getOriginalMessage().replaceAll("\\s+", " "));
    } catch (IOException e) {
      throw new ConfigException(name + ": cannot be read: " + e.getMessage());
    }
    return lines;
  }
}
