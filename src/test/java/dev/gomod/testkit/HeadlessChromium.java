package dev.gomod.testkit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, as the browser the plugin's pages are checked in: the DOM after a page
 * loaded, and a screenshot. With no Chromium, or no page to load, a test skips, and under CI fails.
 */
public final class HeadlessChromium {
    private final String executable;
    private final Path profile;

    private HeadlessChromium(String executable) throws IOException {
        this.executable = executable;
        this.profile = Files.createTempDirectory("gomod-chromium");
    }

    /** Chromium, once {@code missing} (what the test needs besides it: null when it has it) is absent; else skips (fails under CI). */
    public static HeadlessChromium require(String missing) throws IOException {
        String chromium = Stream.of("chromium", "chromium-browser", "google-chrome")
                .filter(c -> Stream.of(System.getenv("PATH").split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, c))))
                .findFirst().orElse(null);
        String why = chromium == null ? "no Chromium on the PATH (apt-get install -y chromium)" : missing;
        if (why != null) {
            if (System.getenv("CI") != null) {
                Assertions.fail(why + "; CI must check the pages");
            }
            Assumptions.abort(why);
        }
        return new HeadlessChromium(chromium);
    }

    /** The page's DOM after Chromium loaded it. */
    public String dom(Path page) throws IOException, InterruptedException {
        return new String(run(List.of("--dump-dom", page.toUri().toString())), StandardCharsets.UTF_8);
    }

    /** A screenshot of the page's first {@code width} x {@code height} pixels. */
    public void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.getParent());
        run(List.of("--window-size=" + width + "," + height, "--hide-scrollbars", "--screenshot=" + png.toAbsolutePath(), page.toUri().toString()));
        Assertions.assertTrue(Files.size(png) > 1000, "Chromium wrote no screenshot of " + page);
    }

    private byte[] run(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(executable, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--user-data-dir=" + profile));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            Assertions.fail("Chromium did not load " + args.get(args.size() - 1) + " within 60 s");
        }
        return out;
    }
}
