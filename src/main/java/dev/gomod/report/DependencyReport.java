package dev.gomod.report;

import dev.gomod.audit.AuditReport;

import java.util.List;

/**
 * Everything the report page shows, gathered by the caller from the plugin's outputs.
 *
 * @param title       the release's name (the Maven project's)
 * @param version     its version
 * @param set         its modules, from its SBOM
 * @param direct      the modules the main modules' go.mod files require without {@code // indirect}, or
 *                    null to take every module a main module's graph edges reach (go mod graph lists
 *                    indirect requirements from the main module too, so this is wider)
 * @param vendored    the vendor tree's files and bytes per module ({@link VendoredBytes#NONE} without one)
 * @param go          the Go release pinned (the lock's go line, else go.mod's), or null
 * @param toolchain   the toolchain pinned, or null
 * @param bundles     the bundles gomod:package wrote
 * @param audit       gomod:audit's findings, or null when it did not run
 * @param database    which vulnerability database the audit used, or null
 * @param since       what changed since the previous release, or null
 * @param sinceNote   why there is no comparison (no earlier release found...), or null
 * @param time        the build's time as project.build.outputTimestamp gives it, or null
 * @param links       other pages to link (a reactor's modules: name and relative href)
 */
public record DependencyReport(String title, String version, DependencySet set, java.util.Set<String> direct, VendoredBytes vendored, String go, String toolchain,
                               List<Bundle> bundles, List<AuditReport.Entry> audit, String database, ReleaseDiff since,
                               String sinceNote, String time, List<Link> links) {

    /** A bundle: its file name, size and sha256. */
    public record Bundle(String file, long bytes, String sha256) {
    }

    /** A link to another page. */
    public record Link(String name, String href) {
    }
}
