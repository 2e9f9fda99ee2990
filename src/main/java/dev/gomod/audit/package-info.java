/**
 * The audit: which known vulnerabilities a frozen release carries, answered offline from a restored
 * vulnerability database ({@link dev.gomod.vulndb}) with no Go and no network.
 *
 * <p>What is checked ({@link dev.gomod.audit.AuditedModules}): the modules that provide packages to
 * the build, as vendor/modules.txt lists them (or, without a vendor tree, every module go.mod
 * requires), each at the version of its module replacement if it has one (a directory replacement
 * is local code, with no version to check); and the Go release that builds it, as module
 * {@code stdlib}, and its go command, as module {@code toolchain}. This is the module set govulncheck's
 * {@code -scan module} reports on, plus {@code toolchain}: govulncheck leaves the go command out
 * (it is not linked into what it scans); a release built by a vulnerable go command still carries
 * that risk (cmd/go advisories are about what building untrusted modules can do), so the audit
 * reports it, at {@code required}.
 *
 * <p>How an entry matches ({@link dev.gomod.audit.OsvMatch}), as golang.org/x/vuln does: not
 * withdrawn by now (the repository keeps withdrawn advisories, their summaries saying so); an
 * {@code affected} element of the module's path whose SEMVER ranges contain the version (no range:
 * every version); events sorted by version, a version affected from an {@code introduced} up to the
 * next {@code fixed}. The fixed version reported is the earliest fix above the version that no range
 * re-introduces.
 *
 * <p>How deep ({@link dev.gomod.audit.Finding.Reach}): {@code required} (the module is in the build),
 * {@code imported} (a package the entry names is among the vendored packages, or the entry names no
 * package), as govulncheck ranks them; {@code called} (a vulnerable symbol is reached) from
 * govulncheck's call graph when one is at hand ({@link dev.gomod.audit.Reachability}).
 */
package dev.gomod.audit;
