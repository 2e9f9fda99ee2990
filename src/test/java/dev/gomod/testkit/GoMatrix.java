package dev.gomod.testkit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Go releases the tests run against: Debian's Go 1.19 ({@code apt-get install golang-1.19-go}),
 * the newest patch release of each of Go 1.21 to 1.25 and of Go 1.27 (the current release), fetched
 * as {@code golang.org/toolchain} modules through the Go module proxy, and the go on the PATH (1.26
 * here). Toolchains land in a
 * cache that later runs reuse ({@code ~/.cache/gomod-maven-plugin-tests}, or
 * {@code -Dgomod.test.goCache=DIR}); nothing of the user's Go setup is read or written.
 *
 * <p>Resolution is lazy, inside the test that needs a Go: one that cannot be had (no network, no
 * Debian package) skips that test with the reason, except under CI, where the machine is broken
 * and the test fails.
 */
public final class GoMatrix {
    /** Toolchains between Debian's 1.19 and the PATH go: the newest patch of each release the proxy serves. */
    static final List<String> TOOLCHAINS = List.of("go1.21.13", "go1.22.12", "go1.23.12", "go1.24.13", "go1.25.14");
    /** The current release, newer than the PATH go: its newest patch. */
    static final String NEWEST = "go1.27.4";
    static final Path DEBIAN_GO_119 = Path.of("/usr/lib/go-1.19/bin/go");

    private static final Map<String, Path> RESOLVED = new ConcurrentHashMap<>();

    private GoMatrix() {
    }

    /** One Go of the matrix; {@link #executable()} fetches it on first use. */
    public record Go(String name) {
        /** The go executable: skips (or fails under CI) when this Go cannot be had here. */
        public Path executable() {
            return RESOLVED.computeIfAbsent(name, GoMatrix::resolve);
        }

        /** The release, e.g. {@code go1.22.12}; for the PATH and Debian Gos, asked of them. */
        public String version() {
            return name.equals(PATH) ? IsolatedGo.pathGoVersion() : name.equals(DEBIAN) ? IsolatedGo.goVersion(executable()) : name;
        }

        /** The minor release, 19 for go1.19.8. */
        public int minor() {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^go1\\.(\\d+)").matcher(version());
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        }

        @Override
        public String toString() {
            return name.equals(PATH) ? "PATH go" : name;
        }
    }

    private static final String PATH = "path";
    private static final String DEBIAN = "go1.19 (Debian)";

    public static Go pathGo() {
        return new Go(PATH);
    }

    public static Go debian119() {
        return new Go(DEBIAN);
    }

    /** Every Go of the matrix, oldest first. */
    public static Stream<Go> all() {
        List<Go> all = new ArrayList<>();
        all.add(debian119());
        TOOLCHAINS.forEach(t -> all.add(new Go(t)));
        all.add(pathGo());
        all.add(newest());
        return all.stream();
    }

    /** The current Go release, fetched like the older toolchains (the PATH go is one release behind it). */
    public static Go newest() {
        return new Go(NEWEST);
    }

    /** The oldest Go, the PATH go and the newest: where tests that are not about formats run. */
    public static Stream<Go> oldestAndNewest() {
        return Stream.of(debian119(), pathGo(), newest());
    }

    /** Every Go of the matrix that speaks Go 1.21's toolchain rules. */
    public static Stream<Go> modern() {
        return all().filter(g -> !g.name().equals(DEBIAN));
    }

    private static Path resolve(String name) {
        if (name.equals(PATH)) {
            IsolatedGo.requireGo();
            return Path.of("go");
        }
        if (name.equals(DEBIAN)) {
            if (!Files.isExecutable(DEBIAN_GO_119)) {
                unavailable("Debian's Go 1.19 is not installed (apt-get install -y golang-1.19-go)");
            }
            return DEBIAN_GO_119;
        }
        return toolchain(name);
    }

    /** The cache directory toolchains are kept in between runs. */
    public static Path cacheDir() {
        String configured = System.getProperty("gomod.test.goCache");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "gomod-maven-plugin-tests");
    }

    /**
     * Fetches {@code golang.org/toolchain@v0.0.1-<version>.<os>-<arch>} with the PATH go's own
     * toolchain switch ({@code GOTOOLCHAIN=<version> go version}): the checksum database verifies it and
     * cmd/go sets the exec bits, exactly as on a user's machine.
     */
    private static Path toolchain(String version) {
        IsolatedGo.requireGo();
        Path cache = cacheDir();
        Path modcache = cache.resolve("modcache");
        String platform = IsolatedGo.pathGoPlatform();
        Path go = modcache.resolve("golang.org/toolchain@v0.0.1-" + version + "." + platform).resolve("bin/go");
        try {
            Files.createDirectories(cache.resolve("work"));
            try (FileChannel ch = FileChannel.open(cache.resolve("fetch.lck"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                if (runs(go, version)) {
                    return go;
                }
                Map<String, String> env = new TreeMap<>();
                env.put("PATH", System.getenv("PATH"));
                env.put("HOME", Files.createDirectories(cache.resolve("home")).toString());
                env.put("GOMODCACHE", modcache.toString());
                env.put("GOCACHE", Files.createDirectories(cache.resolve("gocache")).toString());
                env.put("GOPATH", Files.createDirectories(cache.resolve("gopath")).toString());
                env.put("GOENV", "off");
                env.put("GOFLAGS", "-modcacherw");
                env.put("GOTOOLCHAIN", version);
                for (String k : List.of("GOPROXY", "GOSUMDB", "HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY", "SSL_CERT_FILE")) {
                    String v = System.getenv(k);
                    if (v != null) {
                        env.put(k, v);
                    }
                }
                Path log = cache.resolve("fetch-" + version + ".log");
                ProcessBuilder pb = new ProcessBuilder("go", "version").directory(cache.resolve("work").toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                pb.environment().clear();
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(10, TimeUnit.MINUTES)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    unavailable("fetching " + version + " from the Go module proxy took over 10 minutes");
                }
                String out = Files.readString(log, StandardCharsets.UTF_8).strip();
                if (p.exitValue() != 0 || !runs(go, version)) {
                    unavailable("could not fetch " + version + " as golang.org/toolchain through the Go module proxy: " + out);
                }
                return go;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean runs(Path go, String version) throws IOException, InterruptedException {
        if (!Files.isExecutable(go)) {
            return false;
        }
        ProcessBuilder pb = new ProcessBuilder(go.toString(), "version").redirectErrorStream(true);
        pb.environment().put("GOTOOLCHAIN", "local");
        pb.environment().put("GOENV", "off");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 && out.startsWith("go version " + version + " ");
    }

    /** Skips the test with the reason, or fails it under CI, where the machine must have what the tests need. */
    public static void unavailable(String why) {
        if (System.getenv("CI") != null) {
            Assertions.fail(why + "; CI must have everything the tests need");
        }
        Assumptions.abort(why);
    }
}
