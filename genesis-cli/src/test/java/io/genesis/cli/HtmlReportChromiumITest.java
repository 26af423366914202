package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.history.dora.DoraChart;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page {@code genesis history --html} writes, rendered by Debian's headless Chromium (the package
 * {@code ./build} installs) from a {@code file://} URL with every host name unresolvable: the screenshot
 * must show each chart's bars in its colour where the page puts them, and the rendered DOM the figures.
 * The records are real: three rollouts of the engine through {@code genesis deploy}, one rolled back.
 */
class HtmlReportChromiumITest {

    private static final String STEPS = "deploy; smoke; weight 50; weight 100; promote; scaleDown";
    /** CSS pixels; the page lays the charts out two per row, {@link DoraChart#WIDTH} wide, 12 apart. */
    private static final int WINDOW_WIDTH = 1000;

    private static final int WINDOW_HEIGHT = 1200;
    private static final int BODY_MARGIN = 16;
    private static final int GAP = 12;
    private static final int DAYS = 12;

    @TempDir
    Path state;

    @TempDir
    Path work;

    private final RecordingKind recording = new RecordingKind();
    private Path chromium;

    @BeforeEach
    void findChromium() {
        Optional<Path> found = Stream.of("chromium-headless-shell", "chromium")
                .flatMap(name -> Stream.of(
                                System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                        .filter(dir -> !dir.isEmpty())
                        .map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
        String missing = "no chromium-headless-shell or chromium on the PATH: ./build installs Debian's"
                + " chromium-headless-shell; run it, or 'apt-get install chromium-headless-shell'";
        // CI installs it (./build): there a missing browser is a failure, not a skipped check.
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertThat(found).as(missing).isPresent();
        }
        Assumptions.assumeTrue(found.isPresent(), missing);
        chromium = found.orElseThrow();
    }

    @Test
    void shouldRenderTheChartsAndFiguresInHeadlessChromium() throws Exception {
        String built = Instant.now().minus(Duration.ofHours(3)).toString();
        deploy("1.0.0", built);
        recording.target.failNext("promote", new io.genesis.core.target.TargetException("promote refused"));
        deploy("1.1.0", built);
        deploy("1.2.0", built);
        Path page = work.resolve("report.html");
        Run history = Run.on(
                recording.host(),
                "history",
                "--state-dir",
                state.toString(),
                "--html",
                page.toString(),
                "--period",
                "day",
                "--dora");
        assertThat(history.exitCode()).as(history.err()).isZero();
        assertThat(history.out()).contains("change-failure rate    33.3 % (1 of 3 changes)");

        Path png = work.resolve("report.png");
        chromium("--screenshot=" + png, "--window-size=" + WINDOW_WIDTH + "," + WINDOW_HEIGHT, page);
        String rendered = chromium("--dump-dom", page);

        assertThat(rendered)
                .contains("data-environment=\"staging\"", "33.3 % (1 of 3 changes)", "2 (0.17 a day)")
                .containsPattern("median [0-9.]+ (ms|s), p90 [0-9.]+ (ms|s) \\(1 restore\\)")
                .containsPattern(
                        "median 3 h[^,]*, p90 3 h[^(]*\\(2 promotions, from the build date: no commit time recorded\\)");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("the screenshot decodes as an image").isNotNull();
        assertThat(image.getWidth()).isEqualTo(WINDOW_WIDTH);
        assertThat(image.getHeight()).isEqualTo(WINDOW_HEIGHT);
        assertThat(Files.size(png)).isGreaterThan(10_000);

        Rectangle deployments = area(image, DoraChart.DEPLOYMENTS);
        Rectangle lead = area(image, DoraChart.LEAD_TIME);
        Rectangle failures = area(image, DoraChart.CHANGE_FAILURE_RATE);
        Rectangle restore = area(image, DoraChart.TIME_TO_RESTORE);
        // Two per row: deployments | lead time, then change-failure rate | time to restore.
        assertThat(deployments.y).isEqualTo(lead.y);
        assertThat(failures.y).isEqualTo(restore.y);
        assertThat(failures.y).isGreaterThan(deployments.y + deployments.height);
        // Every record is from today, the last of the 12 days: each bar stands in its chart's last slot.
        for (int column = 0; column < 2; column++) {
            double slot = (DoraChart.WIDTH - 16.0) / DAYS;
            int chartLeft = BODY_MARGIN + column * (DoraChart.WIDTH + GAP) + 1;
            int barLeft = (int) Math.round(chartLeft + 8 + (DAYS - 1) * slot + slot * 0.15);
            Rectangle bar = column == 0 ? deployments : lead;
            assertThat(bar.x).as("bar of column %d", column).isBetween(barLeft - 3, barLeft + 3);
            assertThat(bar.width).isBetween((int) (slot * 0.7) - 3, (int) (slot * 0.7) + 3);
            Rectangle below = column == 0 ? failures : restore;
            assertThat(below.x).isBetween(barLeft - 3, barLeft + 3);
        }
        // Every bar is the highest of its chart: the plot's full height (128 CSS pixels).
        for (Rectangle bar : List.of(deployments, lead, failures, restore)) {
            assertThat(bar.height).isBetween(125, 131);
        }
    }

    private void deploy(String version, String builtAt) {
        Run run = Run.on(
                recording.host(),
                CommandLines.deploy(
                        state,
                        "shop",
                        "--environment",
                        "staging",
                        "--target",
                        RecordingKind.NAME,
                        "--version",
                        version,
                        "--steps",
                        STEPS,
                        "--build-date",
                        builtAt));
        assertThat(run.exitCode()).as(run.out() + run.err()).isIn(0, 1);
    }

    /** Runs headless Chromium on {@code page} with {@code options}; returns what it printed. */
    private String chromium(Object... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                chromium.toString(),
                "--headless",
                "--disable-gpu",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--user-data-dir=" + work.resolve("profile")));
        if ("root".equals(System.getProperty("user.name"))) {
            // Chromium's sandbox refuses to run as root; only then, and only for this local file.
            command.add("--no-sandbox");
        }
        for (Object option : options) {
            command.add(option instanceof Path path ? path.toUri().toString() : option.toString());
        }
        Path output = work.resolve("chromium.out");
        Process process = new ProcessBuilder(command)
                .redirectOutput(output.toFile())
                .redirectError(work.resolve("chromium.err").toFile())
                .start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("headless Chromium did not finish in 90 s: " + command);
        }
        assertThat(process.exitValue())
                .as("%s\n%s", command, Files.readString(work.resolve("chromium.err"), StandardCharsets.UTF_8))
                .isZero();
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    /** The smallest rectangle holding every pixel of {@code chart}'s colour (give or take antialiasing). */
    private static Rectangle area(BufferedImage image, DoraChart chart) {
        int want = Integer.parseInt(chart.colour().substring(1), 16);
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (close(image.getRGB(x, y), want)) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        assertThat(maxX)
                .as("pixels of the %s chart's colour %s", chart.id(), chart.colour())
                .isNotNegative();
        return new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    private static boolean close(int rgb, int want) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xff) - ((want >> shift) & 0xff)) > 6) {
                return false;
            }
        }
        return true;
    }
}
