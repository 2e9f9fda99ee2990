package dev.gomod.mod;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Go releases at which cmd/go changed a rule this plugin applies: the one table every
 * version-gated rule reads, so that a threshold is written once, with the cmd/go source that sets it
 * (read at go1.27.4: {@code cmd/go/internal/gover/version.go}, {@code internal/godebugs/table.go},
 * {@code cmd/go/internal/modload}).
 *
 * <p>A rule gated on the main module's go line compares that line ({@link GoMod#goAtLeast}); a rule
 * gated on the Go that runs compares its release ({@link GoVersion#ofGoVersionOutput}).
 */
public final class GoReleases {
    private GoReleases() {
    }

    /** vendor/modules.txt carries {@code ## explicit} annotations that go checks against go.mod (modload/vendor.go). */
    public static final GoVersion VENDOR_ANNOTATIONS = of("1.14");

    /** go.mod lists every module that provides a package, indirect ones in a block of their own (gover.ExplicitIndirectVersion, SeparateIndirectVersion). */
    public static final GoVersion EXPLICIT_INDIRECT = of("1.17");

    /** {@code go mod vendor -o dir}, which lets the plugin vendor beside vendor/ and swap (cmd/go 1.18). */
    public static final GoVersion VENDOR_OUTPUT_DIR = of("1.18");

    /**
     * Go lines are strict: a module newer than the running Go is fatal, GOTOOLCHAIN switches, and
     * releases ship as {@code golang.org/toolchain} modules (gover.GoStrictVersion).
     */
    public static final GoVersion STRICT = of("1.21");

    /** The first release served as a toolchain module. */
    public static final GoVersion FIRST_TOOLCHAIN_MODULE = of("1.21.0");

    /** {@code go work vendor}, and go mod vendor leaves out files embedded only by tests (cmd/go 1.22). */
    public static final GoVersion WORKSPACE_VENDOR = of("1.22");

    /** The {@code tool} directive (gover.GoModToolVersion), and GOAUTH with netrc matched on host and port. */
    public static final GoVersion TOOL = of("1.24");

    /** The {@code ignore} directive (modfile, cmd/go 1.25). */
    public static final GoVersion IGNORE = of("1.25");

    /**
     * go mod tidy merges the require blocks into at most two, one direct and one indirect
     * (gover.SimplifyRequireVersion, modfile's SetRequireAtMostTwo, golang/go#56471).
     */
    public static final GoVersion REQUIRE_AT_MOST_TWO = of("1.27");

    /**
     * A godebug setting Go removed, and the values that asked for its old behaviour
     * (internal/godebugs.Removed).
     *
     * @param removed the release line that removed it: from there on go no longer knows it
     * @param listed  the release whose table of removed settings first names it; between the two, go
     *                calls it unknown
     * @param old     the values that are an error from {@link #OLD_GODEBUG_VALUES} on
     */
    public record RemovedGodebug(String name, GoVersion removed, GoVersion listed, Set<String> old) {
    }

    /** Go's removed godebug settings, as of go1.27.4. */
    public static final List<RemovedGodebug> REMOVED_GODEBUGS = List.of(
            new RemovedGodebug("x509sha1", of("1.24"), of("1.26"), Set.of("1")),
            new RemovedGodebug("tlskyber", of("1.24"), of("1.27"), Set.of("0")),
            new RemovedGodebug("gotypesalias", of("1.27"), of("1.27"), Set.of("0")),
            new RemovedGodebug("tlsunsafeekm", of("1.27"), of("1.27"), Set.of("1")),
            new RemovedGodebug("tlsrsakex", of("1.27"), of("1.27"), Set.of("1")),
            new RemovedGodebug("tls3des", of("1.27"), of("1.27"), Set.of("1")),
            new RemovedGodebug("tls10server", of("1.27"), of("1.27"), Set.of("1")),
            new RemovedGodebug("x509keypairleaf", of("1.27"), of("1.27"), Set.of("0")),
            new RemovedGodebug("asynctimerchan", of("1.27"), of("1.27"), Set.of("1", "2")));

    /**
     * A removed godebug set to an old value is an error; other values of it are accepted
     * (go.dev/issue/76163). Before, any use of a listed removed setting was an error.
     */
    public static final GoVersion OLD_GODEBUG_VALUES = of("1.27");

    /**
     * What the Go {@code builder} says of a {@code godebug key=value} line (go.mod or go.work), in
     * its words, when it refuses the line because the setting was removed; empty when it accepts it.
     * Settings this table does not know are left to go.
     */
    public static Optional<String> removedGodebug(GoVersion builder, String key, String value) {
        for (RemovedGodebug r : REMOVED_GODEBUGS) {
            if (!r.name().equals(key) || builder.compareTo(r.removed()) < 0) {
                continue;
            }
            String doc = "https://go.dev/doc/godebug#go-1" + r.removed().minor();
            if (builder.compareTo(OLD_GODEBUG_VALUES) >= 0) {
                return r.old().contains(value)
                        ? Optional.of("removed GODEBUG \"" + key + "\" set to old value \"" + value + "\" (" + doc + ")")
                        : Optional.empty();
            }
            return Optional.of(builder.compareTo(r.listed()) >= 0
                    ? "use of removed godebug \"" + key + "\", see " + doc
                    : "unknown godebug \"" + key + "\"");
        }
        return Optional.empty();
    }

    private static GoVersion of(String v) {
        return GoVersion.parse(v).orElseThrow();
    }
}
