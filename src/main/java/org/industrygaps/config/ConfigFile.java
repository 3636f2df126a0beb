package org.industrygaps.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One YAML file of {@code conf/} (or JSON file, when its name ends in {@code .json}: a drop's
 * {@code drop.json}), bound to a record, that remembers the line of every field so a validation
 * message can point at it (Jackson's tree and records carry no locations).
 */
public final class ConfigFile<T> implements FieldErrors {
  private static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()));
  /** JSON, strictly: a key given twice is an error, not silently the last one. */
  private static final ObjectMapper JSON =
      configure(
          new ObjectMapper(
              JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()));

  private static ObjectMapper configure(ObjectMapper mapper) {
    return mapper
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
  }

  private static ObjectMapper mapper(String name) {
    return name.endsWith(".json") ? JSON : YAML;
  }

  private final String name;
  private final T value;
  private final Map<String, Integer> lines;

  private ConfigFile(String name, T value, Map<String, Integer> lines) {
    this.name = name;
    this.value = value;
    this.lines = lines;
  }

  /** Binds {@code bytes} (the content of file {@code name}) to {@code type}. */
  public static <T> ConfigFile<T> parse(String name, byte[] bytes, Class<T> type) {
    Map<String, Integer> lines = fieldLines(name, bytes);
    try {
      return new ConfigFile<>(name, mapper(name).readValue(bytes, type), lines);
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(
          at(name, e, lines) + "unknown field '" + e.getPropertyName() + "' (known: "
              + String.join(", ", e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList())
              + ")");
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          at(name, e, lines) + e.getOriginalMessage().replaceAll("\\s+", " "));
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
  @Override
  public ConfigException error(String field, String message) {
    return error(toPointer(field), field, message);
  }

  /**
   * The problem {@code message} at the field whose path is {@code path} (names and indexes, which
   * may hold dots or slashes, e.g. a CSV header used as a key), shown joined with dots.
   */
  public ConfigException error(List<String> path, String message) {
    String pointer =
        path.stream()
            .map(p -> "/" + p.replace("~", "~0").replace("/", "~1"))
            .collect(Collectors.joining());
    return error(pointer, String.join(".", path), message);
  }

  private ConfigException error(String pointer, String field, String message) {
    Integer line = null;
    for (String p = pointer; line == null && !p.isEmpty(); p = p.substring(0, p.lastIndexOf('/'))) {
      line = lines.get(p);
    }
    return new ConfigException(
        name + (line == null ? "" : " line " + line) + ", field " + field + ": " + message);
  }

  /** Where {@code e} is: the line of its field when known, else where the parser stopped. */
  private static String at(String name, JsonProcessingException e, Map<String, Integer> lines) {
    String field = "";
    Integer line = null;
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
      field = fieldOf(m);
      line = lines.get(pointerOf(m));
    }
    if (line == null && e.getLocation() != null) {
      line = e.getLocation().getLineNr();
    }
    return name + (line == null ? "" : " line " + line)
        + (field.isEmpty() ? "" : ", field " + field) + ": ";
  }

  private static String pointerOf(com.fasterxml.jackson.databind.JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (var ref : e.getPath()) {
      sb.append('/').append(ref.getFieldName() != null
          ? ref.getFieldName().replace("~", "~0").replace("/", "~1")
          : String.valueOf(ref.getIndex()));
    }
    return sb.toString();
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
    try (JsonParser parser = mapper(name).getFactory().createParser(bytes)) {
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
          lines.putIfAbsent(
              parser.getParsingContext().pathAsPointer().toString(),
              parser.currentTokenLocation().getLineNr());
        }
      }
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          at(name, e, Map.of()) + e.getOriginalMessage().replaceAll("\\s+", " "));
    } catch (IOException e) {
      throw new ConfigException(name + ": cannot be read: " + e.getMessage());
    }
    return lines;
  }
}
