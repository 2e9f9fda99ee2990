package dev.gomod.gotool;

import dev.gomod.mod.GoMod;
import dev.gomod.mod.GoReleases;
import dev.gomod.mod.GoVersion;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
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

    /** The module a version names ({@code v0.0.1-go1.26.8.linux-amd64}); empty for a version that names none. */
    public static Optional<ToolchainModule> ofVersion(String version) {
        if (version == null || !version.startsWith("v0.0.1-") || version.lastIndexOf('.') < "v0.0.1-".length()) {
            return Optional.empty();
        }
        int dot = version.lastIndexOf('.');
        try {
            return Optional.of(of(version.substring("v0.0.1-".length(), dot), version.substring(dot + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
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

    /**
     * The platforms Go ships binary distributions, and so toolchain modules, for (go.dev/dl; cmd/distpack
     * names a module {@code <goos>-<goarch>}, as cmd/go asks for it with runtime.GOOS and runtime.GOARCH,
     * so 32-bit ARM is {@code linux-arm} although the download page's archive says armv6l). A release
     * need not have every one: the proxy's {@code @v/list} says which it has.
     */
    public static final Set<String> SHIPPED = Set.of(
            "aix-ppc64", "darwin-amd64", "darwin-arm64", "dragonfly-amd64",
            "freebsd-386", "freebsd-amd64", "freebsd-arm", "freebsd-arm64", "illumos-amd64",
            "linux-386", "linux-amd64", "linux-arm", "linux-arm64", "linux-loong64", "linux-mips", "linux-mips64",
            "linux-mips64le", "linux-mipsle", "linux-ppc64", "linux-ppc64le", "linux-riscv64", "linux-s390x",
            "netbsd-386", "netbsd-amd64", "netbsd-arm", "netbsd-arm64", "openbsd-386", "openbsd-amd64", "openbsd-arm",
            "openbsd-arm64", "openbsd-ppc64", "openbsd-riscv64", "solaris-amd64",
            "windows-386", "windows-amd64", "windows-arm64");

    /**
     * Java's {@code os.name} and {@code os.arch} as Go's GOOS-GOARCH, e.g. {@code Linux}/{@code aarch64}
     * is {@code linux-arm64}; empty for a platform Go ships no toolchain for.
     */
    public static Optional<String> platformOf(String osName, String osArch) {
        String os = osName == null ? "" : osName.strip().toLowerCase(Locale.ROOT);
        String goos = os.startsWith("windows") ? "windows"
                : os.startsWith("mac") || os.startsWith("darwin") ? "darwin"
                : os.equals("sunos") || os.equals("solaris") ? "solaris"
                : os.replaceAll("[^a-z0-9]", "");
        String arch = osArch == null ? "" : osArch.strip().toLowerCase(Locale.ROOT);
        String goarch = switch (arch) {
            case "amd64", "x86_64", "x86-64", "em64t" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i486", "i586", "i686" -> "386";
            case "arm", "arm32", "armv6l", "armv7l", "armhf", "armel" -> "arm";
            case "ppc64le", "powerpc64le" -> "ppc64le";
            case "ppc64", "powerpc64" -> "ppc64";
            case "s390x" -> "s390x";
            case "riscv64" -> "riscv64";
            case "loongarch64", "loong64" -> "loong64";
            case "mips64el", "mips64le" -> "mips64le";
            case "mips64" -> "mips64";
            case "mipsel", "mipsle" -> "mipsle";
            case "mips" -> "mips";
            default -> arch.replaceAll("[^a-z0-9]", "");
        };
        String platform = goos + "-" + goarch;
        return SHIPPED.contains(platform) ? Optional.of(platform) : Optional.empty();
    }

    /** The platform this JVM runs on, as Go names it; empty where Go ships no toolchain. */
    public static Optional<String> running() {
        return platformOf(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /** The platform this JVM runs on, as Go names it; refused, naming Java's words for it, where Go ships no toolchain. */
    public static String runningPlatform() {
        return running().orElseThrow(() -> new IllegalArgumentException("Go ships no toolchain for this machine (os.name "
                + System.getProperty("os.name") + ", os.arch " + System.getProperty("os.arch") + "); it ships them for "
                + String.join(", ", new TreeSet<>(SHIPPED))));
    }

    /**
     * The platforms a release has in {@code golang.org/toolchain}'s version list (as {@code go list -m
     * -versions} prints it), sorted.
     */
    public static SortedSet<String> listedPlatforms(Collection<String> versions, String go) {
        String prefix = "v0.0.1-" + (go.startsWith("go") ? go : "go" + go) + ".";
        SortedSet<String> out = new TreeSet<>();
        for (String v : versions) {
            if (v.startsWith(prefix) && PLATFORM.matcher(v.substring(prefix.length())).matches()) {
                out.add(v.substring(prefix.length()));
            }
        }
        return out;
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
