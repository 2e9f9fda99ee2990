package dev.gomod.bundle;

import dev.gomod.Reporter;
import dev.gomod.WorkspaceException;
import dev.gomod.hash.DirHash;
import dev.gomod.hash.StatCache;
import dev.gomod.archive.ReproducibleArchive;
import dev.gomod.gotool.GoException;
import dev.gomod.lock.GoModLock;
import dev.gomod.lock.LockDrift;
import dev.gomod.lock.PinKey;
import dev.gomod.mod.FormatException;
import dev.gomod.workspace.Workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One kind of bundle, as the one pack pipeline ({@link Pack}) and the one restore pipeline
 * ({@link Restore}) see it: the directory inside the bundle that is restored as a whole, the other
 * files the bundle carries, which files its tree hash covers, the gomod.lock line that pins that
 * hash, its classifier, where it comes from for packing and freezing, where it is restored, and
 * the checks that come before packing and after the hash on restore. The layouts themselves are
 * specified in the package documentation; {@link BundleKind} lists them by the names users give.
 * A new kind of artifact is a new subclass here; the pipelines and the goals stay as they are.
 */
public abstract sealed class BundleLayout permits VendorBundle, ModcacheBundle, ToolchainBundle, VulndbBundle {
    public static final VendorBundle VENDOR = new VendorBundle();
    public static final ModcacheBundle MODCACHE = new ModcacheBundle();
    public static final VulndbBundle VULNDB = new VulndbBundle(Optional.empty());

    private final String kind;
    private final String root;
    private final String label;
    private final List<String> workspaceFiles;

    /**
     * @param kind           the manifest's {@code kind} line
     * @param root           the directory inside the bundle that becomes the restored directory, e.g. {@code vendor/}
     * @param label          how messages name the restored content: {@code vendor/}, {@code module cache}
     * @param workspaceFiles the files beside the manifest and the root's tree that a bundle of this kind carries (copies of workspace files)
     */
    BundleLayout(String kind, String root, String label, List<String> workspaceFiles) {
        this.kind = kind;
        this.root = root;
        this.label = label;
        this.workspaceFiles = List.copyOf(workspaceFiles);
    }

    /** The kind as users name it, which makes this layout. */
    public abstract BundleKind bundleKind();

    /** The Maven classifier of bundles of this layout: {@code go-vendor}, {@code go-toolchain-linux-amd64}. */
    public abstract String classifier();

    /** The lock line that pins this layout's tree. */
    public abstract PinKey pinKey();

    /** Where a bundle of this layout is restored. */
    public abstract Path target(RestoreDirs dirs);

    /** The archive format of this layout's bundles: the one asked for, or the one its format is (a Go module zip). */
    public ReproducibleArchive.Format format(ReproducibleArchive.Format requested) {
        return requested;
    }

    /** Whether making {@link #source} runs the go command (a download); packing vendor/ does not. */
    public boolean needsGo() {
        return false;
    }

    /** What {@link Pack} packs for this layout: a directory (or, for a kind in someone else's format, the archive), made when needed. */
    public abstract Path source(BundleSources sources) throws IOException, GoException, WorkspaceException, FormatException;

    /** The hash the lock pins for a source made by {@link #source}: its tree hash, or a verbatim archive's h1. */
    public final String sourceHash(Path source) throws IOException, WorkspaceException {
        return manifested() ? treeHash(files(source)) : DirHash.hashZip(source);
    }

    /**
     * The pin freeze writes for this layout. {@code previous} is the lock's pin for the same key
     * when go.mod and go.sum are the ones it was frozen from; by default it is made again.
     */
    public String freezePin(BundleSources sources, Optional<String> previous, Reporter reporter)
            throws IOException, GoException, WorkspaceException, FormatException {
        return sourceHash(source(sources));
    }

    /**
     * Refuses, before freeze makes anything, layouts of this one's kind that cannot be had
     * ({@code unpinned}: those of them the lock does not pin yet).
     */
    public void checkPinnable(List<BundleLayout> unpinned, BundleSources sources, Reporter reporter) throws IOException, WorkspaceException {
    }

    public final String kind() {
        return kind;
    }

    public final String root() {
        return root;
    }

    public final String label() {
        return label;
    }

    /** The copies of workspace files a bundle of this kind carries, as entry names, for one module. */
    public final List<String> workspaceFiles() {
        return workspaceFiles;
    }

    /** The copies of workspace files a bundle of this kind carries for {@code workspace}, in its mode. */
    List<String> carriedFiles(Workspace workspace) throws IOException, FormatException {
        return workspaceFiles;
    }

    /** Whether a bundle of this kind may carry a copy of a workspace file by this name, in any mode. */
    boolean mayCarry(String name) {
        return workspaceFiles.contains(name);
    }

    final LockDrift.Item driftItem() {
        return pinKey().kind();
    }

    /**
     * Whether a bundle of this kind is made for one workspace: its manifest names the module and pins
     * its go.mod and go.sum, and restore holds them to the workspace's. A kind that serves any module
     * (one vulnerability database serves every build, and may be published alone, by a project with
     * no go.mod) says no: its manifest names no module, and restore checks its tree only.
     */
    public boolean ofWorkspace() {
        return true;
    }

    /**
     * Whether bundles of this kind carry a manifest and the workspace files (ours), or are an
     * archive in someone else's format taken byte for byte (a Go module zip), which only the lock's
     * pin can vouch for.
     */
    boolean manifested() {
        return true;
    }

    /**
     * Whether a restore may hard-link the target's unchanged files into the new tree
     * ({@link dev.gomod.archive.PreviousTree}) rather than write them. Not for a layout whose checks
     * change the extracted files' modes: the inode would be the one the target still holds until
     * the swap, and a restore refused after that would have changed it.
     */
    boolean linksPrevious() {
        return true;
    }

    /**
     * For a target shared by every build on the machine, the lock file that serialises restores
     * into it; empty for a target inside the workspace, which the workspace's own lock guards.
     */
    Optional<Path> sharedLockFile(Path target) {
        return Optional.empty();
    }

    /**
     * Where the digests of a restored target are remembered by file stat ({@link StatCache}): beside
     * a shared target, whose lock sits there too; in the workspace's scratch directory otherwise, so
     * that the user's directory gets no file of ours.
     */
    final Path statCacheFile(Workspace workspace, Path target) {
        return sharedLockFile(target).isPresent()
                ? target.resolveSibling("." + target.getFileName() + ".stat")
                : workspace.workDir().resolve(kind() + ".stat");
    }

    /** Whether the tree hash covers this entry (a name under {@link #root()}). */
    public abstract boolean hashed(String name);

    /** The tree hash gomod.lock pins for this layout, when it pins one. */
    public final Optional<String> pinned(GoModLock lock) {
        return lock.pin(pinKey()).map(pinKey().kind()::hash);
    }

    /** What of this kind a lock pins, as advice names it: the kind, or a toolchain's platform. */
    String pinnedItem() {
        return kind;
    }

    /** The manifest's {@code vendored-by} line: the Go that made the content, for kinds that record one. */
    String vendoredBy(Optional<GoModLock> lock) {
        return null;
    }

    /** Extra manifest lines ({@code require …}) describing the content, read from the source directory. */
    abstract List<String> manifestModules(Workspace workspace, Path source) throws IOException, FormatException;

    /** Refuses a source directory that must not be packed, before anything is hashed. */
    abstract void checkSource(Workspace workspace, Path source) throws IOException, FormatException, WorkspaceException;

    /** The files to pack from the source directory, each named {@code root() + relative path}. */
    abstract List<DirHash.FileSource> files(Path source) throws IOException, WorkspaceException;

    /**
     * The checks after the tree hash, the lock and the manifest have passed, on the private
     * extraction: the content against the workspace (go.mod, go.sum). Returns what was checked,
     * for the log, or an empty string.
     */
    abstract String checkRestored(Workspace workspace, Path archive, Path extract, Reporter reporter)
            throws IOException, FormatException, WorkspaceException;

    /** Whether an entry name belongs in a bundle of this kind; everything else is refused on extraction. */
    public final boolean admits(String name) {
        return name.startsWith(root()) || name.equals(BundleManifest.FILE) || mayCarry(name);
    }

    /** Whether a bundle of this kind restored into {@code workspace} may hold this entry: exactly what it carries in that mode. */
    final boolean admits(String name, List<String> carried) {
        return name.startsWith(root()) || name.equals(BundleManifest.FILE) || carried.contains(name);
    }

    /** Whether any kind of bundle may hold this entry name. */
    public static boolean anyAdmits(String name) {
        for (BundleKind k : BundleKind.values()) {
            if (k.admits(name)) {
                return true;
            }
        }
        return false;
    }

    /** The tree hash over the files of {@link #files} that {@link #hashed} selects. */
    public final String treeHash(List<DirHash.FileSource> files) throws IOException {
        return DirHash.hashParallel(hashedFiles(files), Runtime.getRuntime().availableProcessors());
    }

    /** The same tree hash, each file's digest taken from {@code cache} when the file is unchanged; returns the sources as hashed. */
    final List<StatCache.Cached> treeSources(List<DirHash.FileSource> files, StatCache cache) {
        return cache.sources(hashedFiles(files));
    }

    private List<DirHash.FileSource> hashedFiles(List<DirHash.FileSource> files) {
        return files.stream().filter(f -> hashed(f.name())).toList();
    }

    @Override
    public String toString() {
        return kind();
    }
}
