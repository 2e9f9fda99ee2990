/**
 * The dependency report: one self-contained HTML page (inline SVG and CSS, no script, no network)
 * that shows what a release carries, for people who would rather look than read.
 *
 * <p>Its inputs are the plugin's own outputs, so the page needs no Go and no network: the SBOM
 * ({@link dev.gomod.report.DependencySet}: modules, versions, licenses, go mod graph's selected
 * edges, and the vulnerabilities gomod:audit gave it), the vendor tree ({@link
 * dev.gomod.report.VendoredBytes}: files and bytes per module, each file the module's whose path is
 * the longest prefix of it), {@code target/gomod/audit.json} (findings with reach and decision), the
 * bundles gomod:package wrote (size and sha256), and optionally the SBOM of an earlier release
 * ({@link dev.gomod.report.ReleaseDiff}).
 *
 * <p>The module graph is laid out by Eclipse ELK's layered algorithm ({@link
 * dev.gomod.report.GraphLayout}), left to right from the main modules. Up to {@value
 * dev.gomod.report.GraphLayout#FLAT_LIMIT} modules it draws one node per module; above, where one
 * node per module becomes a hairball, one node per path group (host and owner, such as
 * {@code github.com/aws} or {@code golang.org/x}), with the edges between groups, and the tables still
 * list every module, linked to its group's node.
 *
 * <p>The page is byte-reproducible: the same inputs give the same bytes on any machine, path, time
 * zone and locale (sorted, fixed number formats, no clock; the time shown is the build's
 * {@code project.build.outputTimestamp} when set).
 */
package dev.gomod.report;
