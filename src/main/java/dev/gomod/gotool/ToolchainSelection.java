package dev.gomod.gotool;

import dev.gomod.mod.GoMod;
import dev.gomod.mod.GoReleases;
import dev.gomod.mod.GoVersion;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which Go will build, decided before go starts, by cmd/go's rules for {@code GOTOOLCHAIN} (Go 1.21+):
 * {@code local} runs the installed Go; {@code go1.X.Y} runs exactly that one (from the PATH, else
 * downloaded); {@code <min>+auto} switches up to go.mod's {@code toolchain} or {@code go} line,
 * downloading through GOPROXY; {@code <min>+path} switches only to a {@code go1.X.Y} found on the PATH;
 * {@code auto} and {@code path} mean {@code local+auto} and {@code local+path}.
 *
 * <p>Stricter than go in one place, on purpose: go.mod's {@code toolchain} line counts as a
 * requirement, not a hint. go itself ignores it under {@code GOTOOLCHAIN=local}, and would then
 * vendor and build with an older Go than the project pinned; the plugin refuses instead. A Go older
 * than 1.21 knows nothing of GOTOOLCHAIN and always runs itself.
 */
public final class ToolchainSelection {
    /** What go.mod asks for: the newest of its go and toolchain lines, and where it says so. */
    public record Requirement(GoVersion version, String directive, int line) {
        /** {@code go 1.23.0} or {@code toolchain go1.24.2}. */
        @Override
        public String toString() {
            return directive.equals("go") ? "go " + version : "toolchain go" + version;
        }
    }

    /**
     * The verdict. {@code refused} is set when the Go that would run is older than go.mod asks for;
     * {@code switchTo} when GOTOOLCHAIN lets go switch to another toolchain (a download unless it is
     * cached or on the PATH).
     */
    public record Decision(GoVersion local, String gotoolchain, Optional<Requirement> requirement, GoVersion wouldRun,
                           Optional<String> switchTo, Optional<String> refused) {
        public boolean ok() {
            return refused.isEmpty();
        }
    }

    private ToolchainSelection() {
    }

    /**
     * The installed Go's release, asked with {@code GOTOOLCHAIN=local} so that answering never
     * switches or downloads; empty when go names no release (a devel build without one).
     */
    public static Optional<GoVersion> installed(GoCommand go, java.nio.file.Path dir) throws GoException {
        return GoVersion.ofGoVersionOutput(go.with("GOTOOLCHAIN", "local").goVersion(dir));
    }

    /** The newest of go.mod's go and toolchain lines, or empty when it has neither ({@code toolchain default} is none). */
    public static Optional<Requirement> requirement(GoMod goMod) {
        Optional<Requirement> go = goMod.goVersion().flatMap(GoVersion::parse).map(v -> new Requirement(v, "go", goMod.goLine()));
        Optional<Requirement> tc = goMod.toolchain().filter(t -> !t.equals("default")).flatMap(GoVersion::parse)
                .map(v -> new Requirement(v, "toolchain", goMod.toolchainLine()));
        if (go.isPresent() && tc.isPresent()) {
            return tc.get().version().isNewerThan(go.get().version()) ? tc : go;
        }
        return go.isPresent() ? go : tc;
    }

    /**
     * Asks {@code go}'s installed release (see {@link #installed}) and decides with the GOTOOLCHAIN and
     * PATH of its environment; empty when go names no release (a devel build without one).
     */
    public static Optional<Decision> probe(GoCommand go, java.nio.file.Path dir, GoMod goMod) throws GoException {
        Optional<GoVersion> local = installed(go, dir);
        if (local.isEmpty()) {
            return Optional.empty();
        }
        String path = go.environment().get("PATH");
        return Optional.of(decide(local.get(), go.environment().get("GOTOOLCHAIN"), goMod, name -> onPath(path, name)));
    }

    private static boolean onPath(String path, String name) {
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param local       the installed Go's release ({@code go env GOVERSION} with GOTOOLCHAIN=local)
     * @param gotoolchain the GOTOOLCHAIN go will get
     * @param onPath      whether an executable of that name ({@code go1.24.2}) is on the PATH
     */
    public static Decision decide(GoVersion local, String gotoolchain, GoMod goMod, Predicate<String> onPath) {
        String value = gotoolchain == null || gotoolchain.isBlank() ? "local" : gotoolchain.strip();
        Optional<Requirement> req = requirement(goMod);
        if (!local.atLeast(GoReleases.STRICT)) {
            // no toolchain switching before Go 1.21: whatever GOTOOLCHAIN says, this Go runs
            return verdict(local, value, req, local, Optional.empty(), "Go " + local + " predates toolchain switching (Go " + GoReleases.STRICT + ")");
        }
        String min = value;
        String mode = "";
        int plus = value.lastIndexOf('+');
        if (value.equals("auto") || value.equals("path")) {
            min = "local";
            mode = value;
        } else if (plus > 0) {
            min = value.substring(0, plus);
            mode = value.substring(plus + 1);
            if (!mode.equals("auto") && !mode.equals("path")) {
                return invalid(local, value, req);
            }
        }
        GoVersion minVersion;
        if (min.equals("local")) {
            minVersion = local;
        } else {
            Optional<GoVersion> v = min.startsWith("go") ? GoVersion.parse(min) : Optional.empty();
            if (v.isEmpty()) {
                return invalid(local, value, req);
            }
            minVersion = v.get();
        }
        Optional<String> switchTo = minVersion.equals(local) ? Optional.empty() : Optional.of("go" + minVersion);
        if (mode.isEmpty() || req.isEmpty() || !req.get().version().isNewerThan(minVersion)) {
            return verdict(local, value, req, minVersion, switchTo, null);
        }
        GoVersion wanted = req.get().version();
        String name = "go" + wanted + (wanted.isLanguageVersion() ? ".0" : "");
        if (mode.equals("path") && !onPath.test(name)) {
            return verdict(local, value, req, minVersion, Optional.empty(), "GOTOOLCHAIN=" + value + " switches only to a Go on the PATH,"
                    + " and there is no " + name + " on the PATH");
        }
        return new Decision(local, value, req, wanted, Optional.of(name), Optional.empty());
    }

    private static Decision verdict(GoVersion local, String value, Optional<Requirement> req, GoVersion wouldRun,
                                    Optional<String> switchTo, String why) {
        if (req.isPresent() && req.get().version().isNewerThan(wouldRun)) {
            String reason = req.get().directive().equals("go")
                    ? "go.mod requires go >= " + req.get().version()
                    : "go.mod's toolchain line asks for go" + req.get().version();
            return new Decision(local, value, req, wouldRun, switchTo, Optional.of(reason + " (running go " + wouldRun
                    + "; GOTOOLCHAIN=" + value + ")" + (why == null ? "" : ": " + why)));
        }
        return new Decision(local, value, req, wouldRun, switchTo, Optional.empty());
    }

    private static Decision invalid(GoVersion local, String value, Optional<Requirement> req) {
        return new Decision(local, value, req, local, Optional.empty(), Optional.of("invalid GOTOOLCHAIN \"" + value
                + "\": use local, auto, path, go1.X.Y, or <local|go1.X.Y>+auto / +path"));
    }
}
