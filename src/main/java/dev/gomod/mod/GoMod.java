package dev.gomod.mod;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed go.mod file. Read with {@link #parse}: strictly for the main module (unknown directives
 * and malformed versions are errors, like {@code modfile.Parse}), or leniently for dependencies
 * (only module, go, require and retract are read, like {@code modfile.ParseLax}).
 *
 * <p>Accepts every directive any Go release writes, including those Go 1.19 itself rejects
 * (three-part go versions, toolchain, godebug, tool, ignore).
 */
public final class GoMod {
    /** A {@code require} line. */
    public record Require(ModuleVersion module, boolean indirect, int line) {
    }

    /** A {@code replace} line; the old version is empty when every version is replaced. */
    public record Replace(ModuleVersion old, ModuleVersion replacement, int line) {
        /** True for {@code => ./dir}: the replacement is a directory, it has no version and no checksum. */
        public boolean isDirectory() {
            return replacement.version().isEmpty();
        }
    }

    /** A {@code retract} line: a single version has {@code low == high}. */
    public record Retract(String low, String high, String rationale, int line) {
    }

    /** A {@code godebug key=value} line. */
    public record Godebug(String key, String value, int line) {
    }

    /** A go.work {@code use} line: a module directory, relative to go.work. */
    public record Use(String dir, int line) {
    }

    private final String file;
    final List<Use> uses = new ArrayList<>();
    String modulePath;
    int moduleLine;
    String goVersion;
    int goLine;
    String toolchain;
    int toolchainLine;
    final List<Godebug> godebugs = new ArrayList<>();
    final List<Require> requires = new ArrayList<>();
    final List<ModuleVersion> excludes = new ArrayList<>();
    final List<Replace> replaces = new ArrayList<>();
    final List<Retract> retracts = new ArrayList<>();
    final List<String> tools = new ArrayList<>();
    final List<String> ignores = new ArrayList<>();

    GoMod(String file) {
        this.file = file;
    }

    /**
     * Parses go.mod text.
     *
     * @param file   the name used in error messages (usually the path of the go.mod file)
     * @param strict true for the main module's go.mod, false for a dependency's
     */
    /** The default name of the file, and the one {@code -modfile} replaces. */
    public static final String FILE = "go.mod";

    /**
     * The checksum file that goes with a go.mod file of this name, as cmd/go pairs them for
     * {@code -modfile}: {@code go.prod.mod} with {@code go.prod.sum}. Refuses a name go refuses
     * (one without the .mod extension), and, since the plugin pins and ships it beside go.mod,
     * one outside the module directory.
     */
    public static String sumFileFor(String modFile) {
        if (!modFile.endsWith(".mod") || modFile.length() == 4) {
            throw new IllegalArgumentException("-modfile=" + modFile + ": file does not have .mod extension");
        }
        if (modFile.contains("/") || modFile.contains("\\")) {
            throw new IllegalArgumentException("-modfile=" + modFile + ": name a file in the module directory, beside go.mod");
        }
        return modFile.substring(0, modFile.length() - 4) + ".sum";
    }

    public static GoMod parse(String file, byte[] data, boolean strict) throws FormatException {
        return new GoModParser(file, new String(data, StandardCharsets.UTF_8), strict).parse();
    }

    public String file() {
        return file;
    }

    /** The {@code module} path; null only for a lenient parse of a file without one. */
    public String modulePath() {
        return modulePath;
    }

    /** The {@code go} version, e.g. {@code 1.19} or {@code 1.21.0}, if the file has one. */
    public Optional<String> goVersion() {
        return Optional.ofNullable(goVersion);
    }

    /** The line of the go directive, 0 when there is none. */
    public int goLine() {
        return goLine;
    }

    /** The line of the toolchain directive, 0 when there is none. */
    public int toolchainLine() {
        return toolchainLine;
    }

    public Optional<String> toolchain() {
        return Optional.ofNullable(toolchain);
    }

    public List<Godebug> godebugs() {
        return List.copyOf(godebugs);
    }

    public List<Require> requires() {
        return List.copyOf(requires);
    }

    public List<ModuleVersion> excludes() {
        return List.copyOf(excludes);
    }

    public List<Replace> replaces() {
        return List.copyOf(replaces);
    }

    public List<Retract> retracts() {
        return List.copyOf(retracts);
    }

    public List<String> tools() {
        return List.copyOf(tools);
    }

    public List<String> ignores() {
        return List.copyOf(ignores);
    }

    /** The require line for {@code path}, if any. */
    public Optional<Require> require(String path) {
        return requires.stream().filter(r -> r.module().path().equals(path)).findFirst();
    }

    /**
     * The replacement Go applies to {@code m}: an exact {@code path version} replace wins over a
     * path-only one (cmd/go's Replacement).
     */
    public Optional<Replace> replacementFor(ModuleVersion m) {
        Optional<Replace> exact = replaces.stream().filter(r -> r.old().equals(m)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        return replaces.stream()
                .filter(r -> r.old().version().isEmpty() && r.old().path().equals(m.path()))
                .findFirst();
    }

    /**
     * The modules go fetches for the require lines: each required module, or the module that
     * replaces it; none for a module replaced by a directory.
     */
    public List<ModuleVersion> fetched() {
        List<ModuleVersion> out = new java.util.ArrayList<>();
        for (Require r : requires) {
            Optional<Replace> replace = replacementFor(r.module());
            if (replace.isEmpty()) {
                out.add(r.module());
            } else if (!replace.get().isDirectory()) {
                out.add(replace.get().replacement());
            }
        }
        return out;
    }

    /**
     * Whether the main module's go line is {@code release} or later (one of {@link GoReleases}), the
     * way cmd/go gates behaviour on it. A file without a go line counts as older than any.
     */
    public boolean goAtLeast(GoVersion release) {
        return goVersion().flatMap(GoVersion::parse).map(v -> v.atLeast(release)).orElse(false);
    }
}
