/**
 * The Go vulnerability database, offline: its OSV entries, the index files Go's tools derive from
 * them, and the sources it is taken from.
 *
 * <h2>Layout</h2>
 * The layout govulncheck reads with {@code -db file://<dir>} (x/vuln's client, "v1"):
 * <ul>
 * <li>{@code index/db.json}: {@code {"modified":"<RFC 3339, UTC>"}}, the newest entry's modified time;</li>
 * <li>{@code index/modules.json}: one object per module path any entry affects, sorted by path,
 * {@code {"path":…,"vulns":[{"id":…,"modified":…,"fixed":…}]}}, the vulns sorted by id, one per
 * {@code affected} element, {@code fixed} the highest SEMVER fix of its ranges (none when a range
 * re-introduces it after that fix), left out when there is none;</li>
 * <li>{@code index/vulns.json}: one object per entry, sorted by id, {@code {"id":…,"modified":…,"aliases":[…]}};</li>
 * <li>{@code ID/<GO-ID>.json}: each OSV entry (schema 1.3 and later), byte for byte as its source has it.</li>
 * </ul>
 * The index files are written as Go's {@code encoding/json} writes them (compact, in field order,
 * {@code <>&} escaped), so that they are byte for byte what x/vulndb's {@code cmd/indexdb} writes
 * for the same entries (a conformance test holds it on the real database).
 *
 * <p>The entries in the golang.org/x/vulndb repository have their {@code modified} times zeroed;
 * indexed as they are, the database would say it was last modified in year 1. Where every entry's
 * time is zero, db.json takes the time of the source instead (the module version's commit time), so
 * that a database's age can be judged; modules.json and vulns.json keep the entries' own times.
 *
 * <h2>Sources</h2>
 * {@link dev.gomod.vulndb.VulnDbSource}: the golang.org/x/vulndb module through the GOPROXY chain;
 * a directory or zip; or a server in the layout (vuln.go.dev or a mirror), read as govulncheck reads
 * one over HTTP, its {@code .json.gz} files, or the plain ones of a static copy, or a bulk zip.
 * Whatever the source, every entry is parsed and the index derived again, so what is packed does not
 * depend on the source's own index being right.
 */
package dev.gomod.vulndb;
