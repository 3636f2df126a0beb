package org.industrygaps.ingest;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.industrygaps.config.ConfigException;
import org.industrygaps.config.ConfigFile;
import org.industrygaps.config.PlanConfig;
import org.industrygaps.storage.Storage;

/**
 * Reads a drop's optional {@code drop.json}, validates it against {@code conf/} and resolves it per
 * data file. A problem is an {@link InputException} (exit status 3: the descriptor is part of the
 * input) whose message names {@code <drop>/drop.json}, the line and the field.
 */
public final class DropDescriptorLoader {
  public static final String FILE_NAME = "drop.json";
  /** Declarable encodings and the charset each is read with (GBK is a subset of GB18030). */
  static final Map<String, String> ENCODINGS =
      Map.of("auto", FileSpec.AUTO, "utf-8", "utf-8", "gb18030", "gb18030", "gbk", "gb18030");

  private final PlanConfig config;
  private final ConfigFile<DropDescriptor> file;

  /** A drop's descriptor resolved: its source, publication date and how to read each file. */
  public record Loaded(String source, String publicationDate, Map<String, FileSpec> files) {
    /** How to read {@code file} ({@code <drop>/<name>}). */
    public FileSpec spec(String file) {
      return files.getOrDefault(file, FileSpec.DEFAULT);
    }
  }

  private DropDescriptorLoader(PlanConfig config, ConfigFile<DropDescriptor> file) {
    this.config = config;
    this.file = file;
  }

  /** The descriptor of {@code drop}; a drop without {@code drop.json} reads with the defaults. */
  public static Loaded load(Storage storage, PlanConfig config, Drop drop) {
    String path = drop.path() + "/" + FILE_NAME;
    if (!storage.exists(path)) {
      return new Loaded(null, null, Map.of());
    }
    byte[] bytes;
    try {
      bytes = storage.readAll(path);
    } catch (IOException e) {
      throw new InputException(drop.id() + "/" + FILE_NAME + ": cannot be read: " + e.getMessage());
    }
    return parse(config, drop, bytes);
  }

  /** Parses and validates the bytes of {@code drop}'s {@code drop.json}. */
  static Loaded parse(PlanConfig config, Drop drop, byte[] bytes) {
    try {
      ConfigFile<DropDescriptor> file =
          ConfigFile.parse(drop.id() + "/" + FILE_NAME, bytes, DropDescriptor.class);
      return new DropDescriptorLoader(config, file).resolve(drop);
    } catch (ConfigException e) {
      throw new InputException(e.getMessage());
    }
  }

  private Loaded resolve(Drop drop) {
    DropDescriptor d = file.value();
    if (d == null) {
      throw new ConfigException(file.name() + ": holds null; write {} for a drop without settings");
    }
    if (d.publicationDate() != null) {
      try {
        LocalDate.parse(d.publicationDate());
      } catch (DateTimeParseException e) {
        throw file.error(
            List.of("publication_date"),
            "'" + d.publicationDate() + "' is not a date written YYYY-MM-DD");
      }
    }
    DropDescriptor.FileEntry dropWide = d.dropWide();
    checkSettings(List.of(), dropWide);
    Map<String, String> names =
        drop.files().stream()
            .collect(Collectors.toMap(f -> f.name().substring(drop.id().length() + 1),
                Drop.DropFile::name));
    Map<String, DropDescriptor.FileEntry> entries = orEmpty(d.files());
    for (Map.Entry<String, DropDescriptor.FileEntry> e : entries.entrySet()) {
      List<String> at = List.of("files", e.getKey());
      if (!names.containsKey(e.getKey())) {
        throw file.error(at, "the drop has no data file '" + e.getKey() + "' (data files: "
            + String.join(", ", names.keySet().stream().sorted().toList()) + ")");
      }
      if (e.getValue() == null) {
        throw file.error(at, "must be an object");
      }
      checkSettings(at, e.getValue());
    }
    Map<String, FileSpec> specs = new LinkedHashMap<>();
    for (Map.Entry<String, String> n : names.entrySet()) {
      DropDescriptor.FileEntry f = entries.get(n.getKey());
      List<String> at = f == null ? List.of() : List.of("files", n.getKey());
      specs.put(n.getValue(), spec(dropWide, f, at));
    }
    return new Loaded(d.source(), d.publicationDate(), Map.copyOf(specs));
  }

  /** The file's settings over the drop's; the defaults merge field by field. */
  private FileSpec spec(DropDescriptor.FileEntry d, DropDescriptor.FileEntry f, List<String> at) {
    String encoding = pick(d, f, DropDescriptor.FileEntry::encoding, FileSpec.AUTO);
    String layout = pick(d, f, DropDescriptor.FileEntry::layout, "long");
    int headerLine = pick(d, f, DropDescriptor.FileEntry::headerLine, 1);
    Map<String, String> columns = pick(d, f, DropDescriptor.FileEntry::columns, Map.of());
    Map<String, DropDescriptor.Fixed> valueColumns =
        pick(d, f, DropDescriptor.FileEntry::valueColumns, Map.of());
    DropDescriptor.Fixed defaults =
        DropDescriptor.Fixed.NONE.overriddenBy(d.defaults())
            .overriddenBy(f == null ? null : f.defaults());
    String source = pick(d, f, DropDescriptor.FileEntry::source, null);
    FileSpec.Layout l = FileSpec.Layout.valueOf(layout.toUpperCase(Locale.ROOT));
    if (l == FileSpec.Layout.WIDE && valueColumns.isEmpty()) {
      throw file.error(plus(at, "layout"), "a wide layout needs value_columns: the header of each"
          + " column that holds values and what it stands for");
    }
    if (l == FileSpec.Layout.LONG && !valueColumns.isEmpty()) {
      throw file.error(plus(at, "value_columns"),
          "value_columns apply to a wide table only: set \"layout\": \"wide\"");
    }
    Map<String, DropColumn> mapped = new LinkedHashMap<>();
    columns.forEach((header, column) -> mapped.put(header, column(column)));
    if (l == FileSpec.Layout.WIDE && mapped.containsValue(DropColumn.VALUE)) {
      throw file.error(plus(at, "columns"),
          "a wide table takes its values from value_columns, not from a column mapped to value");
    }
    return new FileSpec(ENCODINGS.get(encoding.toLowerCase(Locale.ROOT)), l, headerLine, mapped,
        valueColumns, defaults, source);
  }

  /** The file's own setting, else the drop-wide one, else {@code otherwise}. */
  private static <T> T pick(
      DropDescriptor.FileEntry dropWide, DropDescriptor.FileEntry own,
      Function<DropDescriptor.FileEntry, T> setting, T otherwise) {
    T value = own == null ? null : setting.apply(own);
    if (value == null) {
      value = setting.apply(dropWide);
    }
    return value != null ? value : otherwise;
  }

  private void checkSettings(List<String> at, DropDescriptor.FileEntry settings) {
    notBlank(plus(at, "source"), settings.source());
    String encoding = settings.encoding();
    String layout = settings.layout();
    Integer headerLine = settings.headerLine();
    if (encoding != null && !ENCODINGS.containsKey(encoding.toLowerCase(Locale.ROOT))) {
      throw file.error(plus(at, "encoding"), "unknown encoding '" + encoding
          + "' (known: auto, utf-8, gb18030, gbk)");
    }
    if (layout != null && !Set.of("long", "wide").contains(layout)) {
      throw file.error(plus(at, "layout"), "unknown layout '" + layout + "' (known: long, wide)");
    }
    if (headerLine != null && headerLine < 1) {
      throw file.error(plus(at, "header_line"), "must be 1 or more, got " + headerLine);
    }
    for (Map.Entry<String, String> c : orEmpty(settings.columns()).entrySet()) {
      List<String> field = plus(plus(at, "columns"), c.getKey());
      notBlank(field, c.getKey());
      if (c.getValue() == null || column(c.getValue()) == null) {
        throw file.error(field, "unknown column '" + c.getValue() + "' (known: "
            + Stream.of(DropColumn.values()).map(DropColumn::code).collect(Collectors.joining(", "))
            + ")");
      }
    }
    for (Map.Entry<String, DropDescriptor.Fixed> v :
        orEmpty(settings.valueColumns()).entrySet()) {
      List<String> field = plus(plus(at, "value_columns"), v.getKey());
      notBlank(field, v.getKey());
      if (v.getValue() == null) {
        throw file.error(field, "must be an object such as {\"indicator\": \"revenue\"}");
      }
      checkFixed(field, v.getValue());
    }
    if (settings.defaults() != null) {
      checkFixed(plus(at, "defaults"), settings.defaults());
    }
  }

  /** Each fixed name must be known to conf/, so a typo stops here, not in every row. */
  private void checkFixed(List<String> at, DropDescriptor.Fixed f) {
    if (f.year() != null) {
      int min = config.settings().years().min();
      int max = config.settings().years().max();
      if (f.year() < min || f.year() > max) {
        throw file.error(plus(at, "year"), f.year() + " is outside " + min + "–" + max
            + " (settings.yaml years)");
      }
    }
    known(plus(at, "region"), f.region(), "region", config::regionNamed, "regions.yaml");
    known(plus(at, "industry"), f.industry(), "industry", config::industryNamed, "plan.yaml");
    known(plus(at, "indicator"), f.indicator(), "indicator", config::indicatorNamed,
        "indicators.yaml");
    known(plus(at, "unit"), f.unit(), "unit", config::unitNamed, "units.yaml");
  }

  private void known(
      List<String> at, String name, String what,
      Function<String, java.util.Optional<?>> lookup, String where) {
    if (name != null && lookup.apply(name).isEmpty()) {
      throw file.error(at, "unknown " + what + " '" + name + "' (not in " + where + ")");
    }
  }

  private void notBlank(List<String> at, String text) {
    if (text != null && text.isBlank()) {
      throw file.error(at, "must not be blank");
    }
  }

  private static DropColumn column(String code) {
    for (DropColumn c : DropColumn.values()) {
      if (c.code().equals(code)) {
        return c;
      }
    }
    return null;
  }

  private static List<String> plus(List<String> path, String name) {
    List<String> p = new ArrayList<>(path);
    p.add(name);
    return p;
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }
}
