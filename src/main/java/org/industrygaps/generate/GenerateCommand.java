package org.industrygaps.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.industrygaps.cli.UsageException;
import org.industrygaps.config.PlanConfig;
import org.industrygaps.config.PlanConfigLoader;
import org.industrygaps.storage.Storage;

/**
 * {@code generate --out DIR [--observations N] [--years N] [--files N] [--drops N]
 * [--unknown-region-every N] [--seed N] [--conf DIR]}: writes a synthetic plan and drops (see
 * {@link SyntheticDrops}). Needs no Spark.
 */
public final class GenerateCommand {
  public static final String USAGE =
      "generate --out DIR [--observations N (default 10000, per drop)] [--years N (30)]"
          + " [--files N (8, per drop)] [--drops N (1)] [--unknown-region-every N (none)]"
          + " [--seed N (1)] [--conf DIR]";

  private GenerateCommand() {}

  /** Runs {@code generate} with the arguments after the command word; prints what it wrote. */
  public static void run(List<String> args) {
    String out = null;
    String conf = "conf";
    long observations = 10_000;
    int years = 30;
    int files = 8;
    long seed = 1;
    long drops = 1;
    long unknownRegionEvery = 0;
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      if (i + 1 >= args.size()) {
        throw new UsageException(option + " needs a value (" + USAGE + ")");
      }
      String value = args.get(++i);
      switch (option) {
        case "--out" -> out = value;
        case "--conf" -> conf = value;
        case "--observations" -> observations = number(option, value);
        case "--years" -> years = (int) number(option, value);
        case "--files" -> files = (int) number(option, value);
        case "--seed" -> seed = number(option, value);
        case "--drops" -> drops = number(option, value);
        case "--unknown-region-every" -> unknownRegionEvery = number(option, value);
        default -> throw new UsageException("unknown option " + option + " (" + USAGE + ")");
      }
    }
    if (out == null) {
      throw new UsageException("generate needs --out DIR (" + USAGE + ")");
    }
    if (drops > 999) {
      throw new UsageException("--drops " + drops + ": at most 999");
    }
    PlanConfig config = PlanConfigLoader.load(new Storage(new Configuration()), conf);
    SyntheticDrops synthetic =
        new SyntheticDrops(
            config, Path.of(conf), observations, years, files, seed, (int) drops,
            unknownRegionEvery);
    if (observations > synthetic.capacity()) {
      throw new UsageException(String.format(Locale.ROOT,
          "--observations %,d: at most %,d fit in %d years (%,d counties × %d series × %d"
              + " years); raise --years", observations, synthetic.capacity(), years,
          SyntheticDrops.MAX_REGIONS, synthetic.capacity() / SyntheticDrops.MAX_REGIONS / years,
          years));
    }
    try {
      synthetic.write(Path.of(out));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out, e);
    }
    System.out.printf(
        "generated %d observations (%d regions × %d years) in each of %d drop(s) in %s/inbox, the"
            + " next drop in %s/next-drop, the plan in %s/conf%n",
        observations, synthetic.regions(), years, drops, out, out, out);
  }

  private static long number(String option, String value) {
    try {
      long n = Long.parseLong(value.replace("_", ""));
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException(option + " needs a positive whole number, got " + value);
    }
  }
}
