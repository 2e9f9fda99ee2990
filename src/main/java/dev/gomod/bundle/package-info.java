/**
 * The artifacts this plugin deploys, their layouts, and the one pipeline that packs and the one
 * that restores every kind ({@link dev.gomod.bundle.Pack}, {@link dev.gomod.bundle.Restore}).
 *
 * <h2>Bundles</h2>
 * A bundle is a byte-reproducible archive ({@code tar.gz} or {@code zip}, see
 * {@link dev.gomod.archive.ReproducibleArchive}): regular files only, no directory entries, entries
 * sorted by the UTF-8 bytes of their names, one timestamp, mode 0644 (0755 for files that were
 * executable). Names are slash-separated, relative, and never contain {@code ..}, empty elements or
 * backslashes. Every bundle holds, at its root:
 * <ul>
 * <li>{@code gomod-manifest.txt}, the manifest ({@link dev.gomod.bundle.BundleManifest}): the
 * format ({@code bundle 1}), the kind, the module path, go.mod's go and toolchain lines, the sha256
 * of go.mod and go.sum the bundle was made for, the tree hash and file count of its content, and one
 * {@code require} line per module it carries (a bundle of a kind that serves any module, the
 * vulnerability database, {@link dev.gomod.bundle.BundleLayout#ofWorkspace}, has no module, go,
 * toolchain, go.mod or go.sum line: it is made by any project, one with no go.mod included, and
 * restored by any);</li>
 * <li>its root directory, the content that a restore puts in place as a whole;</li>
 * <li>the workspace files its kind carries, byte for byte.</li>
 * </ul>
 * Nothing else: an archive with any other name is refused on extraction.
 *
 * <h2>Layouts</h2>
 * <table>
 * <caption>The kinds of bundle</caption>
 * <tr><th>kind</th><th>classifier</th><th>root</th><th>tree hash covers</th><th>pinned by gomod.lock</th>
 * <th>workspace files</th><th>restore checks, after the hash</th></tr>
 * <tr><td>{@code vendor}</td><td>{@code go-vendor}</td><td>{@code vendor/}: what {@code go mod vendor}
 * wrote</td><td>every file under {@code vendor/}</td><td>{@code vendor}</td><td>go.mod, go.sum,
 * gomod.lock</td><td>go.mod and go.sum equal the workspace's; vendor/modules.txt consistent with
 * go.mod, as go checks it</td></tr>
 * <tr><td>{@code modcache}</td><td>{@code go-modcache}</td><td>{@code goproxy/}: a GOPROXY
 * directory (list, .info, .mod, .zip, .ziphash as go stored them)</td><td>the .mod and .zip files,
 * which go.sum vouches for (.info is proxy metadata)</td><td>{@code modcache}</td><td>none</td>
 * <td>every .zip and .mod go.sum names hashes to go.sum's h1</td></tr>
 * <tr><td>{@code go-toolchain}</td><td>{@code go-toolchain-<os>-<arch>}</td><td>{@code golang.org/toolchain@v0.0.1-go<V>.<os>-<arch>/}:
 * Go's own module zip of that toolchain, byte for byte (no manifest, no workspace files)</td><td>every
 * file: the module's h1, the one Go's checksum database holds</td><td>{@code golang.org/toolchain <version>},
 * one line per platform, required</td><td>none</td><td>the zip's h1 against the pin before extraction; exec
 * bits and go.mod copies as cmd/go sets them; {@code go version} prints the release</td></tr>
 * <tr><td>{@code vulndb}</td><td>{@code go-vulndb} (always a zip)</td><td>{@code vulndb/}: the Go vulnerability
 * database in govulncheck's {@code -db file://} layout ({@link dev.gomod.vulndb})</td><td>every file</td>
 * <td>{@code vulndb}, with the time the database states; or none, where the user names a database on
 * coordinates of its own (then held to its manifest's tree)</td><td>none</td><td>the index files are there, and
 * every entry {@code index/vulns.json} names</td></tr>
 * </table>
 * The tree hash is Go's dirhash Hash1 ({@link dev.gomod.hash.DirHash}) over the covered files,
 * each named by its path in the bundle ({@code vendor/modules.txt}, {@code goproxy/example.com/a/@v/v1.0.0.zip}).
 *
 * <h2>Trust</h2>
 * Packing refuses a workspace whose go.mod or go.sum differ from the lock, and content whose tree
 * differs from the one the lock pins. Restoring trusts the lock from git, never the bundle: the
 * archive is extracted by {@link dev.gomod.archive.SafeExtractor} into a private directory and its
 * tree hashed from the digests taken while extracting; the bundle is refused unless its kind and
 * module are the ones asked for, its tree is the one the lock pins (when the lock pins one) and the
 * one its manifest states, the manifest names this workspace's go.mod and go.sum (a kind that serves
 * any module excepted), and the layout's own checks pass. Only then is the root swapped into place ({@link dev.gomod.workspace.DirectorySwap});
 * a failure at any step leaves the target as it was. Files the target already holds byte for byte
 * are hard-linked into the private directory rather than written ({@link dev.gomod.archive.PreviousTree}),
 * checked by their bytes after linking; the bundle's bytes are read and hashed all the same, so the
 * chain does not change. The bundle format carries no per-file digests for this: every entry of a
 * gzip stream is inflated anyway, and comparing its bytes with the old file needs no trust in
 * either; what linking saves is creating and writing the file.
 *
 * A toolchain bundle is the exception to the bundle format above: it is not ours but Go's module
 * zip, so it has no manifest and restore trusts it through the lock's pin alone, checked over the
 * whole zip before one byte is written; it installs into a directory shared by every build on the
 * machine, under a lock file beside it rather than the workspace's.
 *
 * <h2>Adding a kind</h2>
 * The layouts are the one registry: {@link dev.gomod.bundle.BundleKind} names them as users do
 * ({@code gomod.bundles}, {@code gomod.kind}), and each {@link dev.gomod.bundle.BundleLayout} says
 * its classifier, its lock pin ({@link dev.gomod.lock.PinKey}), where its source comes from for
 * packing and freezing ({@link dev.gomod.bundle.BundleLayout#source}), its format, and where it is
 * restored ({@link dev.gomod.bundle.BundleLayout#target}). The pipelines and the goals read these;
 * none of them switches on the kind. A new kind of artifact is:
 * <ul>
 * <li>its lock line, a {@link dev.gomod.lock.PinKind} constant (the key and the value's syntax);</li>
 * <li>a {@link dev.gomod.bundle.BundleLayout} subclass, named in its {@code permits};</li>
 * <li>a {@link dev.gomod.bundle.BundleKind} constant, with its cases in {@code layouts} and {@code admits}
 * (switch expressions, so the compiler finds them);</li>
 * <li>a field of {@link dev.gomod.bundle.RestoreDirs} if it restores to a new kind of place;</li>
 * <li>a row in the table above.</li>
 * </ul>
 */
package dev.gomod.bundle;
