package dev.gomod.gotool;

import dev.gomod.mod.GoMod;
import dev.gomod.mod.GoReleases;
import dev.gomod.mod.GoVersion;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Go toolchain as the Go module proxy serves it: the module {@code golang.org/toolchain} at
 * {@code v0.0.1-go<V>.<goos>-<goarch>}, whose zip (made by cmd/distpack) is the binary distribution
 * under the prefix {@code golang.org/toolchain@<version>/}. Releases from Go 1.21.0 on exist in this
 * form; older ones do not.
 *
 * @param go     the release, {@code go1.26.8}
 * @param goos   {@code linux}, {@code darwin}, {@code windows}, …
 * @param goarch {@code amd64}, {@code arm64}, …
 */
public record ToolchainModule(String go, String goos, String goarch) {
    /** The module path every toolchain has. */
    public static final String PATH = "golang.org/toolchain";

    private static final Pattern PLATFORM = Pattern.compile("^([a-z0-9]+)-([a-z0-9]+)$");

    public ToolchainModule {
        GoVersion v = GoVersion.parse(go).filter(x -> go.startsWith("go1.") && !x.isLanguageVersion())
                .orElseThrow(() -> new IllegalArgumentException("'" + go + "' is not a Go release (go1.X.Y or go1.XrcN)"));
        if (!v.atLeast(GoReleases.FIRST_TOOLCHAIN_MODULE)) {
            throw new IllegalArgumentException(go + " predates Go " + GoReleases.FIRST_TOOLCHAIN_MODULE + ": the Go module proxy serves no toolchain module for it");
        }
        if (!PLATFORM.matcher(goos + "-" + goarch).matches()) {
            throw new IllegalArgumentException("'" + goos + "-" + goarch + "' is not a platform (<goos>-<goarch>, e.g. linux-amd64)");
        }
    }

    /** {@code go1.26.8} (or {@code 1.26.8}) for {@code linux-amd64}. */
    public static ToolchainModule of(String go, String platform) {
        String release = go.strip().startsWith("go") ? go.strip() : "go" + go.strip();
        var m = PLATFORM.matcher(platform.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + platform + "' is not a platform (<goos>-<goarch>, e.g. linux-amd64)");
        }
        return new ToolchainModule(release, m.group(1), m.group(2));
    }

    /** The module version, {@code v0.0.1-go1.26.8.linux-amd64}. */
    public String version() {
        return "v0.0.1-" + go + "." + platform();
    }

    /** {@code linux-amd64}. */
    public String platform() {
        return goos + "-" + goarch;
    }

    /** The directory every name in the module zip starts with. */
    public String zipPrefix() {
        return PATH + "@" + version() + "/";
    }

    /** The go command inside the distribution. */
    public String executable() {
        return goos.equals("windows") ? "bin/go.exe" : "bin/go";
    }

    /** What {@code go version} of this toolchain prints: {@code go version go1.26.8 linux/amd64}. */
    public String versionLine() {
        return "go version " + go + " " + goos + "/" + goarch;
    }

    @Override
    public String toString() {
        return PATH + "@" + version();
    }

    /** The platform this JVM runs on, as Go names it. */
    public static String runningPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String goos = os.startsWith("windows") ? "windows" : os.startsWith("mac") || os.startsWith("darwin") ? "darwin"
                : os.replaceAll("[^a-z0-9]", "");
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String goarch = switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            case "ppc64le" -> "ppc64le";
            case "s390x" -> "s390x";
            case "riscv64" -> "riscv64";
            default -> arch.replaceAll("[^a-z0-9]", "");
        };
        return goos + "-" + goarch;
    }

    /**
     * The Go release a module's toolchain is: go.mod's {@code toolchain} line, else its {@code go}
     * line (a bare {@code go 1.22} is go1.22.0, the release cmd/go would select), else
     * {@code fallback}. A go line older than 1.21 names no toolchain module and falls through to the
     * fallback.
     */
    public static Optional<String> releaseFor(GoMod goMod, String fallback) {
        Optional<String> toolchain = goMod.toolchain().filter(t -> !t.equals("default"));
        if (toolchain.isPresent()) {
            return toolchain.map(t -> t.replaceFirst("[-+].*$", ""));
        }
        Optional<GoVersion> go = goMod.goVersion().flatMap(GoVersion::parse).filter(v -> v.atLeast(GoReleases.STRICT));
        if (go.isPresent()) {
            GoVersion v = go.get();
            return Optional.of("go" + (v.isLanguageVersion() ? v.language() + ".0" : v.toString()));
        }
        return Optional.ofNullable(fallback).map(String::strip).filter(f -> !f.isEmpty()).map(f -> f.startsWith("go") ? f : "go" + f);
    }
}
