package dev.gomod.testkit;

import dev.gomod.Reporter;
import dev.gomod.gotool.GoCommand;
import dev.gomod.gotool.GoEnvironment;
import dev.gomod.gotool.SecretMasker;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.time.Duration;

/**
 * Runs the real {@code go} with everything of the user's kept out: its own GOMODCACHE, GOCACHE,
 * GOPATH and HOME under a test directory, GOENV=off, GOFLAGS=-modcacherw (so JUnit can delete the
 * cache), GOSUMDB=off and a file:// GOPROXY. Without go on the PATH the test is skipped, except
 * under CI, where that is a broken machine and fails.
 */
public final class IsolatedGo {
    /** What one go invocation did. */
    public record Result(int exit, String stdout, String stderr) {
        public Result ok() {
            Assertions.assertEquals(0, exit, () -> "go failed:\n" + stderr + stdout);
            return this;
        }
    }

    private final Path home;
    private final String executable;
    private final Map<String, String> env = new TreeMap<>();

    /** The go on the PATH. */
    public IsolatedGo(Path home, String goproxy) throws IOException {
        this(home, goproxy, GoMatrix.pathGo());
    }

    /** One Go of the matrix (fetched on first use). */
    public IsolatedGo(Path home, String goproxy, GoMatrix.Go go) throws IOException {
        this(home, goproxy, go.executable().toString());
    }

    /** A go executable of the test's own (one the plugin installed). */
    public IsolatedGo(Path home, String goproxy, String executable) throws IOException {
        this.executable = executable;
        this.home = home;
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", Files.createDirectories(home.resolve("home")).toString());
        // Go 1.23+ telemetry: with its mode file saying off, go starts no background child that would
        // still be writing under HOME while JUnit deletes the test directory
        Path mode = Files.createDirectories(home.resolve("home/.config/go/telemetry")).resolve("mode");
        Files.writeString(mode, "off 2026-01-01", StandardCharsets.UTF_8);
        env.put("XDG_CONFIG_HOME", home.resolve("home/.config").toString());
        env.put("GOMODCACHE", home.resolve("modcache").toString());
        env.put("GOCACHE", Files.createDirectories(home.resolve("gocache")).toString());
        env.put("GOPATH", Files.createDirectories(home.resolve("gopath")).toString());
        env.put("GOENV", "off");
        env.put("GOFLAGS", "-modcacherw");
        env.put("GOPROXY", goproxy);
        env.put("GOSUMDB", "off");
        env.put("GONOSUMDB", "");
        env.put("GOPRIVATE", "");
        env.put("GOWORK", "off");
        env.put("GOTOOLCHAIN", "local");
        env.put("CGO_ENABLED", "0");
    }

    /** Skips (locally) or fails (under CI) when there is no go on the PATH. */
    public static void requireGo() {
        if (goOnPath()) {
            return;
        }
        String msg = "the go command is not on the PATH (install it: apt-get install -y golang-go)";
        if (System.getenv("CI") != null) {
            Assertions.fail(msg + "; CI must have it");
        }
        Assumptions.abort(msg);
    }

    public static boolean goOnPath() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!p.isEmpty() && Files.isExecutable(Path.of(p, "go"))) {
                return true;
            }
        }
        return false;
    }

    /** The go executable this runs: {@code go} (the PATH's) or a path. */
    public String executable() {
        return executable;
    }

    private static volatile String pathVersion;
    private static volatile String pathPlatform;

    /** The PATH go's release, e.g. {@code go1.26.8}. */
    static String pathGoVersion() {
        if (pathVersion == null) {
            pathVersion = askPathGo("env", "GOVERSION");
        }
        return pathVersion;
    }

    /** The PATH go's {@code goos-goarch}, e.g. {@code linux-amd64}. */
    static String pathGoPlatform() {
        if (pathPlatform == null) {
            pathPlatform = askPathGo("env", "GOOS").strip() + "-" + askPathGo("env", "GOARCH").strip();
        }
        return pathPlatform;
    }

    private static final Map<Path, String> VERSIONS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The release of a go executable, e.g. {@code go1.19.8}. */
    static String goVersion(Path executable) {
        return VERSIONS.computeIfAbsent(executable, e -> ask(e.toString(), "env", "GOVERSION"));
    }

    private static String askPathGo(String... args) {
        requireGo();
        return ask("go", args);
    }

    static String ask(String executable, String... args) {
        List<String> cmd = new ArrayList<>(List.of(executable));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("GOENV", "off");
        pb.environment().put("GOTOOLCHAIN", "local");
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            Assertions.assertEquals(0, p.waitFor(), out);
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The plugin's GoCommand over this environment and Go, logging into {@code log}. */
    public GoCommand command(Consumer<String> log) {
        return new GoCommand(executable, new GoEnvironment(env, new SecretMasker()), Duration.ofMinutes(2), 0, Duration.ZERO,
                Reporter.of(log));
    }

    public Path modcache() {
        return Path.of(env.get("GOMODCACHE"));
    }

    public Map<String, String> env() {
        return Map.copyOf(env);
    }

    public IsolatedGo set(String key, String value) {
        env.put(key, value);
        return this;
    }

    /** The Go release, e.g. {@code go1.19.8}. */
    public String version() throws IOException {
        return run(home, "env", "GOVERSION").ok().stdout().strip();
    }

    public Result run(Path dir, String... args) throws IOException {
        return exec(dir, executable, args);
    }

    /** Another program (a Go tool built here) in this environment. */
    public Result runTool(Path dir, Path program, String... args) throws IOException {
        return exec(dir, program.toString(), args);
    }

    private Result exec(Path dir, String program, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(program);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Path out = Files.createTempFile(home, "go-out", ".txt");
        Path err = Files.createTempFile(home, "go-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        try {
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                Assertions.fail(program + " " + String.join(" ", args) + " did not finish in 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }
}
