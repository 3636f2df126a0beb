package org.industrygaps.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders summary.html of the sample run in headless Chromium (Debian's {@code chromium}, no
 * network): the page must show its ten industry sections, each with its SVG charts, and log
 * nothing to the console (a console line is an error: a script failure, a blocked resource, a
 * failed self-check). Takes the screenshot {@code target/summary-screenshot.png}; with {@code
 * -Dsummary.screenshot=docs/summary-screenshot.png} also there. Skipped only where chromium is
 * missing and {@code CI} is not {@code true}.
 */
class SummaryPageBrowserTest {
  static final Path SCREENSHOT = Path.of("target/summary-screenshot.png");
  private static Path chromium;

  @BeforeAll
  static void needsChromium() {
    Optional<Path> found = findChromium();
    assumeTrue(found.isPresent() || "true".equals(System.getenv("CI")),
        "chromium is not installed (apt-get install chromium); skipped outside CI");
    assertThat(found).as("chromium must be installed in CI (.ci/run installs it)").isPresent();
    chromium = found.get();
  }

  @Test
  void theSamplePageRendersItsTenIndustriesWithChartsAndNoConsoleErrors(@TempDir Path tmp)
      throws Exception {
    Path page = SampleRun.reports().resolve(SummaryPage.FILE);
    Render render = render(page, tmp);

    assertThat(render.console()).as("console lines of the page").isEmpty();
    assertThat(render.dom()).contains("data-check=\"ok\"");
    assertThat(attribute(render.dom(), "data-sections")).isEqualTo("10");
    List<String> sections = industrySections(render.dom());
    assertThat(sections).hasSize(10);
    for (String section : sections) {
      assertThat(section).as(section.substring(0, Math.min(80, section.length())))
          .contains("<svg class=\"chart\"").contains("<polyline");
    }
    assertThat(Integer.parseInt(attribute(render.dom(), "data-charts"))).isGreaterThanOrEqualTo(10);

    BufferedImage image = ImageIO.read(render.screenshot().toFile());
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(image.getHeight()).isEqualTo(4000);
    Files.createDirectories(SCREENSHOT.getParent());
    Files.copy(render.screenshot(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    String keep = System.getProperty("summary.screenshot");
    if (keep != null && !keep.isBlank()) {
      Files.copy(render.screenshot(), Path.of(keep), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void aScriptErrorOrABlockedResourceIsCaught(@TempDir Path tmp) throws Exception {
    // The detector itself: a page that fails must not pass.
    Path page = tmp.resolve("broken.html");
    Files.writeString(page,
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\""
            + " content=\"default-src 'none'; script-src 'unsafe-inline'\"></head><body>"
            + "<img src=\"https://example.invalid/x.png\"><script>undefinedFunction();</script>"
            + "</body></html>");
    Render render = render(page, tmp);
    assertThat(render.console()).anyMatch(l -> l.contains("Uncaught ReferenceError"));
    assertThat(render.console()).anyMatch(l -> l.contains("Content Security Policy"));
  }

  /** Chromium's DOM after scripts ran, its console lines, its screenshot. */
  record Render(String dom, List<String> console, Path screenshot) {}

  static Render render(Path page, Path tmp) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(tmp, "chromium-profile-");
    Path shot = tmp.resolve("screenshot-" + System.nanoTime() + ".png");
    Path stdout = tmp.resolve("dom.html");
    Path stderr = tmp.resolve("chromium.log");
    List<String> command =
        new ArrayList<>(
            List.of(
                chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--hide-scrollbars", "--user-data-dir=" + profile, "--enable-logging=stderr",
                "--v=0", "--window-size=1280,4000", "--screenshot=" + shot, "--dump-dom",
                page.toUri().toString()));
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish in 90 s: " + Files.readString(stderr));
    }
    List<String> console =
        Files.readAllLines(stderr, StandardCharsets.UTF_8).stream()
            .filter(l -> l.contains(":CONSOLE") || l.contains("Uncaught"))
            .toList();
    assertThat(process.exitValue()).as("chromium exit status; log:\n" + Files.readString(stderr))
        .isZero();
    assertThat(shot).as("screenshot").exists();
    return new Render(Files.readString(stdout, StandardCharsets.UTF_8), console, shot);
  }

  static List<String> industrySections(String dom) {
    List<String> sections = new ArrayList<>();
    Matcher m = Pattern.compile("<section class=\"industry\" id=\"industry-[a-z0-9_]+\".*?</section>",
        Pattern.DOTALL).matcher(dom);
    while (m.find()) {
      sections.add(m.group());
    }
    return sections;
  }

  private static String attribute(String dom, String name) {
    Matcher m = Pattern.compile("<html[^>]*\\s" + name + "=\"([^\"]*)\"").matcher(dom);
    assertThat(m.find()).as(name + " on <html>").isTrue();
    return m.group(1);
  }

  static Optional<Path> findChromium() {
    Path debian = Path.of("/usr/bin/chromium");
    if (Files.isExecutable(debian)) {
      return Optional.of(debian);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir, "chromium");
      if (!dir.isEmpty() && Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
