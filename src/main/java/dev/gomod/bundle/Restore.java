package dev.gomod.bundle;

import dev.gomod.Reporter;
import dev.gomod.WorkspaceException;
import dev.gomod.WorkspaceException.Reason;
import dev.gomod.archive.PreviousTree;
import dev.gomod.archive.ReproducibleArchive;
import dev.gomod.archive.SafeExtractor;
import dev.gomod.archive.UnsafeArchiveException;
import dev.gomod.hash.DirHash;
import dev.gomod.hash.Sha256;
import dev.gomod.hash.StatCache;
import dev.gomod.lock.GoModLock;
import dev.gomod.lock.LockDrift;
import dev.gomod.mod.FormatException;
import dev.gomod.workspace.DirectorySwap;
import dev.gomod.workspace.Job;
import dev.gomod.workspace.Workspace;
import dev.gomod.workspace.WorkspaceLock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Restores a bundle of one {@link BundleLayout} into a directory of the workspace, trusting nothing
 * in it until it is checked. The same steps for every kind: extracted by the hardened extractor
 * (admitting only names some layout has) into a private directory; refused unless its manifest is of
 * this layout and every entry one this layout admits; the layout's tree hashed from the digests
 * taken while extracting; the trust chain of the design (gomod.lock, from git, pins the tree
 * hash; the bundle's manifest must name this module, its go.mod and go.sum, and that tree; a bundle
 * of a kind that serves any module names none, and is held to the lock's pin and its manifest's
 * tree); the layout's own checks; and only then the layout's root swapped into place. Any failure
 * leaves the target as it was. One restore at a time per workspace.
 */
public record Restore(Workspace workspace, Reporter reporter, Options options) implements Job<Restore.Options> {
    private static final Executor DAEMON = task -> {
        Thread t = new Thread(task, "gomod-stat-cache");
        t.setDaemon(true);
        t.start();
    };

    /** What a restore did: {@code linked} of the files were hard-linked from the target's previous tree, the rest written. */
    public record Outcome(boolean skipped, String treeHash, int files, Path dir, int linked) {
    }

    /**
     * A target found to hold the pinned tree already: the tree hash, how many files it has, and how
     * many of them had to be read (the rest were unchanged since gomod last wrote or read them).
     */
    public record Unchanged(String treeHash, int files, long read) {
        /** For the log: the hash and what finding it cost. */
        public String describe() {
            return treeHash + "; " + files + " files, " + (read == files ? "all read" : read + " read, the rest unchanged since gomod last hashed them");
        }
    }

    /**
     * What to restore, where to, and the extraction limits every bundle is held to.
     *
     * @param lockPins whether the lock's pin vouches for the bundle (always, but for a bundle the user
     *                 named by coordinates of its own, newer than any lock: a database published alone;
     *                 then it is held to its manifest only, and the caller says what else vouches for it)
     */
    public record Options(BundleLayout layout, Path target, SafeExtractor.Limits limits, boolean lockPins) {
        public Options(BundleLayout layout, Path target, SafeExtractor.Limits limits) {
            this(layout, target, limits, true);
        }
    }

    /**
     * The pinned tree hash when the target already holds it, and go.mod and go.sum match the lock:
     * then there is nothing to fetch. Hashing only, and only the files whose stat changed since
     * gomod last hashed them ({@link StatCache}); the cache is brought up to date when it missed.
     */
    public Optional<Unchanged> upToDate() throws IOException, FormatException {
        Optional<GoModLock> lock = workspace.lock();
        if (!options.lockPins() || lock.isEmpty()
                || options.layout().ofWorkspace() && !LockDrift.checkInputs(lock.get(), workspace.dir()).isEmpty()) {
            return Optional.empty();
        }
        return holdsPinnedTree();
    }

    /**
     * As {@link #upToDate()}, whether or not go.mod and go.sum still match the lock: the target holds
     * the tree the lock pins for this layout. What a toolchain needs to be run; not what a restore
     * needs to be skipped.
     */
    public Optional<Unchanged> holdsPinnedTree() throws IOException, FormatException {
        BundleLayout layout = options.layout();
        Path target = options.target();
        Optional<String> pinned = workspace.lock().flatMap(layout::pinned);
        if (pinned.isEmpty() || !Files.isDirectory(target)) {
            return Optional.empty();
        }
        Path cacheFile = layout.statCacheFile(workspace, target);
        // the cache is read on a second thread while the target is walked
        CompletableFuture<StatCache> cache = CompletableFuture.supplyAsync(() -> StatCache.read(cacheFile), DAEMON);
        List<StatCache.Cached> sources;
        try {
            sources = layout.treeSources(layout.files(target), cache.join());
        } catch (WorkspaceException e) {
            return Optional.empty(); // a link or a device in the target: not what the lock pins; the restore replaces it
        }
        if (!cache.join().treeHash(sources, Runtime.getRuntime().availableProcessors()).equals(pinned.get())) {
            return Optional.empty();
        }
        long read = StatCache.misses(sources);
        if (read > 0) {
            try {
                StatCache.write(cacheFile, pinned.get(), sources);
            } catch (IOException e) {
                reporter.warn("could not update " + cacheFile + " (" + e.getMessage() + "): the next run reads every file again");
            }
        }
        return Optional.of(new Unchanged(pinned.get(), sources.size(), read));
    }

    /**
     * Whether a restore that ran while this one waited for the lock may have left the pinned tree:
     * its stat cache then records it. {@link #run} is called once {@link #upToDate} found the target
     * out of date, so only that case is checked again under the lock, and the whole tree is hashed
     * again only then: otherwise nothing is read twice.
     */
    private boolean restoredMeanwhile() throws IOException, FormatException {
        Optional<String> pinned = workspace.lock().flatMap(options.layout()::pinned);
        return pinned.isPresent() && pinned.equals(StatCache.recordedTree(options.layout().statCacheFile(workspace, options.target())));
    }

    /**
     * Restores the bundle {@code archive} into the target, which {@link #upToDate} found out of date
     * (a target that already matches, but that gomod did not restore or check, is restored again).
     */
    public Outcome run(Path archive, ReproducibleArchive.Format format)
            throws IOException, FormatException, WorkspaceException, UnsafeArchiveException {
        BundleLayout layout = options.layout();
        Path target = options.target();
        DirectorySwap swap = new DirectorySwap(target);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path lockName = workspace.lockFile().getFileName();
        Optional<Path> shared = layout.sharedLockFile(target);
        try (WorkspaceLock ignored = shared.isPresent() ? WorkspaceLock.acquire(shared.get()) : workspace.exclusive()) {
            report(swap.recover());
            Optional<Unchanged> upToDate = restoredMeanwhile() ? upToDate() : Optional.empty();
            if (upToDate.isPresent()) {
                reporter.info(layout.label() + " already matches " + lockName + " (" + upToDate.get().describe() + "): nothing restored");
                return new Outcome(true, upToDate.get().treeHash(), 0, target, 0);
            }
            if (!layout.manifested()) {
                requirePinnedBeforeExtraction(archive, format);
            }
            Path extract = target.resolveSibling("." + target.getFileName() + ".extract");
            DirectorySwap.deleteTree(extract);
            try {
                // any kind's names are admitted here, so that a bundle of another kind is named as such, not as a bad entry;
                // the target's files that the bundle holds byte for byte are linked, not written (an agent that keeps its workspace)
                PreviousTree previous = layout.linksPrevious() && Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)
                        ? new PreviousTree(target, layout.root()) : null;
                SafeExtractor.Result result = new SafeExtractor(options.limits(), BundleLayout::anyAdmits, previous).extract(archive, format, extract);
                Optional<BundleManifest> manifest = layout.manifested() ? Optional.of(manifest(archive, extract)) : Optional.empty();
                List<String> carried = layout.carriedFiles(workspace);
                List<String> foreign = result.sha256().keySet().stream().filter(n -> !layout.admits(n, carried)).sorted().limit(5).toList();
                if (!foreign.isEmpty()) {
                    // copies of another go.mod file: made for another build of the module; the lock, if any, says which first
                    workspace.requireNoDrift(List.of());
                    if (foreign.stream().allMatch(n -> !n.contains("/") && (n.endsWith(".mod") || n.endsWith(".sum")))) {
                        throw new WorkspaceException(Reason.OTHER_SOURCES, "REFUSED " + archive.getFileName() + ": it was made from "
                                + String.join(" and ", foreign) + ", but this build reads " + workspace.modFileName());
                    }
                    throw new WorkspaceException(Reason.TAMPERED, "REFUSED " + archive.getFileName() + ": a " + layout.kind()
                            + " bundle holds no such entries: " + String.join(", ", foreign));
                }
                // hashed while extracted: the tree is read once; the extraction directory is private to us
                Map<String, byte[]> hashed = new HashMap<>();
                result.sha256().forEach((name, digest) -> {
                    if (layout.hashed(name)) {
                        hashed.put(name, digest);
                    }
                });
                String tree = DirHash.fromDigests(hashed);
                int files = (int) result.sha256().keySet().stream().filter(n -> n.startsWith(layout.root())).count();
                Optional<GoModLock> lock = options.lockPins() ? workspace.lock() : Optional.empty();
                Optional<String> pinned = lock.flatMap(layout::pinned);
                if (!options.lockPins()) {
                    reporter.info("the bundle is checked against its own manifest: it was named by coordinates of its own");
                } else if (lock.isEmpty()) {
                    reporter.warn("no " + lockName + ": the bundle is not pinned by a lock from git; it is checked against its own manifest only");
                } else {
                    if (layout.ofWorkspace()) {
                        workspace.requireNoDrift(List.of()); // a bundle made for other inputs; one database serves any
                    }
                    if (pinned.isEmpty()) {
                        reporter.warn(lockName + " pins no " + layout.label() + ": the bundle is checked against its manifest only");
                    } else if (!pinned.get().equals(tree)) {
                        throw new WorkspaceException(Reason.TAMPERED, "REFUSED " + archive.getFileName() + ": its " + layout.label().replace("/", "")
                                + " tree is " + tree + " but " + lockName + " (from git) pins " + pinned.get()
                                + ". The artifact was tampered with, or built from other sources; " + target.getFileName() + "/ was left as it was");
                    }
                }
                if (manifest.isPresent()) {
                    requireManifestMatchesWorkspace(archive, manifest.get(), extract, tree, carried);
                }
                String checked = layout.checkRestored(workspace, archive, extract, reporter);

                // statted here, in the private directory and after the layout's last change (exec bits):
                // the moves below keep inodes and times, and nothing else can have written in between
                Map<String, Path> restored = new HashMap<>();
                hashed.keySet().forEach(name -> restored.put(name, extract.resolve(name)));
                StatCache.Snapshot stats = StatCache.snapshot(tree, restored, hashed);
                Path cacheFile = layout.statCacheFile(workspace, target);
                Files.deleteIfExists(cacheFile);
                Path content = extract.resolve(layout.root());
                Files.createDirectories(content);
                DirectorySwap.deleteTree(swap.staging());
                Files.move(content, swap.staging(), StandardCopyOption.ATOMIC_MOVE);
                swap.commit();
                recordStats(cacheFile, stats.relinked(relocated(result.linked(), target)));
                reporter.info(layout.label() + " restored from " + archive.getFileName() + ": " + files + " files"
                        + (previous == null ? "" : " (" + result.linked().size() + " unchanged, linked from the previous " + layout.label() + ")")
                        + ", " + tree
                        + (pinned.isPresent() ? ", matches " + lockName : "") + (checked.isEmpty() ? "" : ", " + checked)
                        + (target.equals(workspace.dir().resolve(layout.root())) ? "" : ", into " + target));
                return new Outcome(false, tree, files, target, result.linked().size());
            } finally {
                DirectorySwap.deleteTree(extract);
            }
        }
    }

    /**
     * An archive in Go's own format carries nothing of ours to check it by: only the lock from git
     * vouches for it, so it must pin it, and the whole zip is hashed against the pin before one
     * byte of it is written to disk.
     */
    private void requirePinnedBeforeExtraction(Path archive, ReproducibleArchive.Format format)
            throws IOException, FormatException, WorkspaceException {
        BundleLayout layout = options.layout();
        Path lockName = workspace.lockFile().getFileName();
        Optional<String> pinned = workspace.lock().flatMap(layout::pinned);
        if (pinned.isEmpty()) {
            throw new WorkspaceException(Reason.NOT_PINNED, "REFUSED " + archive.getFileName() + ": " + (workspace.lock().isEmpty()
                    ? "there is no " + lockName : lockName + " pins no " + layout.label()) + ", and nothing else can vouch for a "
                    + layout.kind() + " artifact; nothing was installed", Map.of("lock", lockName.toString(), "what", layout.pinnedItem()));
        }
        String h1 = format == ReproducibleArchive.Format.ZIP ? DirHash.hashZip(archive) : "(not a zip)";
        if (!h1.equals(pinned.get())) {
            throw new WorkspaceException(Reason.TAMPERED, "REFUSED " + archive.getFileName() + ": it hashes to " + h1 + " but "
                    + lockName + " (from git) pins " + pinned.get() + " for " + layout.label()
                    + ". The artifact was tampered with, or is another build; nothing was extracted or installed");
        }
    }

    private BundleManifest manifest(Path archive, Path extract) throws IOException, FormatException, WorkspaceException {
        BundleLayout layout = options.layout();
        Path m = extract.resolve(BundleManifest.FILE);
        if (!Files.isRegularFile(m)) {
            throw new WorkspaceException(Reason.WRONG_KIND, "REFUSED " + archive.getFileName() + ": no " + BundleManifest.FILE
                    + "; not a gomod bundle", Map.of("kind", layout.kind(), "found", "none"));
        }
        BundleManifest manifest = BundleManifest.parse(archive.getFileName() + "!" + BundleManifest.FILE, Files.readAllBytes(m));
        if (!manifest.kind().equals(layout.kind())) {
            throw new WorkspaceException(Reason.WRONG_KIND, "REFUSED " + archive.getFileName() + ": a " + manifest.kind()
                    + " bundle, not a " + layout.kind() + " bundle", Map.of("kind", layout.kind(), "found", manifest.kind()));
        }
        if (!layout.ofWorkspace()) {
            return manifest; // serves any module, whatever module an older bundle's manifest names
        }
        String ours = workspace.mainModules();
        if (manifest.modulePath() == null) {
            throw new WorkspaceException(Reason.WRONG_MODULE, "REFUSED " + archive.getFileName() + ": made for no module, this is "
                    + describe(workspace.goWorkMode(), ours));
        }
        if (!manifest.modulePath().equals(ours) || (manifest.work() != null) != workspace.goWorkMode()) {
            throw new WorkspaceException(Reason.WRONG_MODULE, "REFUSED " + archive.getFileName() + ": made for "
                    + describe(manifest.work() != null, manifest.modulePath()) + ", this is " + describe(workspace.goWorkMode(), ours));
        }
        return manifest;
    }

    private static String describe(boolean goWork, String modules) {
        return goWork ? "the go.work workspace of " + modules : "module " + modules;
    }

    /** The manifest's tree, go.mod and go.sum digests (go.work's in workspace mode), and the copies of workspace files the bundle carries, against the workspace. */
    private void requireManifestMatchesWorkspace(Path archive, BundleManifest manifest, Path extract, String tree, List<String> carried)
            throws IOException, FormatException, WorkspaceException {
        BundleLayout layout = options.layout();
        if (!manifest.treeHash().equals(tree)) {
            throw new WorkspaceException(Reason.TAMPERED, "REFUSED " + archive.getFileName() + ": its content hashes to " + tree
                    + " but its manifest says " + manifest.treeHash());
        }
        if (!layout.ofWorkspace()) {
            return;
        }
        Path dir = workspace.dir();
        if (manifest.work() != null) {
            List<LockDrift.Drift> other = LockDrift.checkWork(manifest.work(), dir);
            if (!other.isEmpty()) {
                throw new WorkspaceException(Reason.OTHER_SOURCES, "REFUSED " + archive.getFileName() + ": it was made for other workspace files:\n  "
                        + String.join("\n  ", other.stream().map(d -> d.what() + ": manifest " + d.locked() + ", workspace " + d.actual()).toList()));
            }
        } else {
            String goMod = LockDrift.digestOrNone(workspace.goModFile());
            String goSum = LockDrift.digestOrNone(workspace.goSumFile());
            if (!manifest.goModSha256().equals(goMod) || !manifest.goSumSha256().equals(goSum)) {
                throw new WorkspaceException(Reason.OTHER_SOURCES, "REFUSED " + archive.getFileName() + ": it was made for other go.mod/go.sum (manifest go.mod sha256:"
                        + manifest.goModSha256() + ", go.sum " + manifest.goSumSha256() + "; workspace sha256:" + goMod + ", " + goSum + ")");
            }
        }
        for (String f : carried) {
            if (f.equals(Pack.LOCK_ENTRY)) {
                continue; // the lock from git is the reference; the bundle's copy is informative
            }
            Path ours = dir.resolve(f);
            Path theirs = extract.resolve(f);
            boolean same = Files.exists(ours) == Files.exists(theirs)
                    && (!Files.exists(ours) || Arrays.equals(Files.readAllBytes(ours), Files.readAllBytes(theirs)));
            if (!same) {
                throw new WorkspaceException(Reason.OTHER_SOURCES, "REFUSED " + archive.getFileName() + ": its " + f + " differs from " + ours);
            }
        }
    }

    /** The restored files among {@code names}, where they are now. */
    private Map<String, Path> relocated(Set<String> names, Path target) {
        Map<String, Path> at = new HashMap<>();
        String root = options.layout().root();
        names.forEach(n -> at.put(n, target.resolve(n.substring(root.length()))));
        return at;
    }

    /** Remembers the restored files' digests by stat, for the next no-op. A failure costs that run a full hash, nothing else. */
    private void recordStats(Path cacheFile, StatCache.Snapshot stats) {
        try {
            stats.write(cacheFile);
        } catch (IOException e) {
            reporter.warn("could not record " + cacheFile + " (" + e.getMessage() + "): the next run reads every file again");
        }
    }

    private void report(String recovered) {
        if (recovered != null) {
            reporter.info(recovered);
        }
    }
}
