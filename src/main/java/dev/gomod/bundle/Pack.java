package dev.gomod.bundle;

import dev.gomod.Reporter;
import dev.gomod.WorkspaceException;
import dev.gomod.WorkspaceException.Reason;
import dev.gomod.archive.ArchiveEntry;
import dev.gomod.archive.ReproducibleArchive;
import dev.gomod.hash.DirHash;
import dev.gomod.hash.Sha256;
import dev.gomod.lock.GoModLock;
import dev.gomod.lock.LockDrift;
import dev.gomod.mod.FormatException;
import dev.gomod.mod.GoMod;
import dev.gomod.mod.GoWork;
import dev.gomod.workspace.Job;
import dev.gomod.workspace.Workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Packs a bundle of one {@link BundleLayout} from a source directory (vendor/, a downloaded module
 * cache): the layout's checks, its files and tree hash, the lock (go.mod and go.sum must match it,
 * and the tree must be the one it pins, when it pins one), the manifest, and a byte-reproducible
 * archive. The same steps for every kind.
 */
public record Pack(Workspace workspace, Reporter reporter, Options options) implements Job<Pack.Options> {
    /** The entry name of the lock inside a bundle, whatever the lock file is called in the workspace. */
    public static final String LOCK_ENTRY = "gomod.lock";

    /**
     * How to pack: the layout, the archive format, the one time every entry gets, and the SBOM of the
     * same dependency set that the manifest pins ({@code sha256:<hex> <file name>}), or null.
     */
    public record Options(BundleLayout layout, ReproducibleArchive.Format format, Instant time, String sbom) {
        public Options(BundleLayout layout, ReproducibleArchive.Format format, Instant time) {
            this(layout, format, time, null);
        }
    }

    /** Packs {@code source} into {@code target}. */
    public PackedBundle run(Path source, Path target) throws IOException, FormatException, WorkspaceException {
        BundleLayout layout = options.layout();
        if (!layout.manifested()) {
            return copyVerbatim(source, target);
        }
        layout.checkSource(workspace, source);
        List<DirHash.FileSource> files = layout.files(source);
        String tree = layout.treeHash(files);
        Optional<GoModLock> lock = workspace.lock();
        Optional<String> pinned = lock.flatMap(layout::pinned);
        workspace.requireNoDrift(pinned.filter(p -> !p.equals(tree))
                .map(p -> List.of(new LockDrift.Drift(layout.driftItem(), p, tree))).orElse(List.of()));
        if (lock.isPresent() && pinned.isEmpty() && layout.ofWorkspace()) {
            reporter.warn(workspace.lockFile().getFileName() + " pins no " + layout.label() + ": the " + layout.kind()
                    + " bundle's tree " + tree + " is not checked against it");
        }

        List<ArchiveEntry> entries = new ArrayList<>();
        for (DirHash.FileSource f : files) {
            entries.add(ArchiveEntry.ofFile(f.name(), f.path()));
        }
        for (String name : layout.carriedFiles(workspace)) {
            Path file = name.equals(LOCK_ENTRY) ? workspace.lockFile() : workspace.dir().resolve(name);
            if (Files.isRegularFile(file)) {
                entries.add(ArchiveEntry.ofFile(name, file));
            }
        }
        BundleManifest manifest = manifest(layout, lock, tree, files.size(), layout.manifestModules(workspace, source));
        entries.add(ArchiveEntry.ofBytes(BundleManifest.FILE, manifest.toBytes()));
        ReproducibleArchive.write(target, options.format(), entries, options.time());
        return new PackedBundle(target, Sha256.hex(target), Files.size(target), entries.size(), tree, manifest);
    }

    private BundleManifest manifest(BundleLayout layout, Optional<GoModLock> lock, String tree, int files, List<String> modules)
            throws IOException, FormatException {
        if (!layout.ofWorkspace()) {
            return new BundleManifest(layout.kind(), null, null, null, null, null, null, tree, files, modules, null, null);
        }
        if (workspace.goWorkMode()) {
            GoWork work = workspace.goWork();
            return new BundleManifest(layout.kind(), workspace.mainModules(), work.goVersion(), work.toolchain().orElse(null),
                    layout.vendoredBy(lock), null, null, tree, files, modules, workspace.workFiles(), options.sbom());
        }
        GoMod goMod = workspace.goMod();
        return new BundleManifest(layout.kind(), goMod.modulePath(), goMod.goVersion().orElse(null), goMod.toolchain().orElse(null),
                layout.vendoredBy(lock), Sha256.hex(workspace.goModFile()), LockDrift.digestOrNone(workspace.goSumFile()), tree, files, modules, null, options.sbom());
    }

    /**
     * A kind in someone else's format (a Go module zip) is the source archive itself, byte for byte:
     * checked to hold only the layout's names and to hash to the lock's pin, then copied.
     */
    private PackedBundle copyVerbatim(Path zip, Path target) throws IOException, FormatException, WorkspaceException {
        BundleLayout layout = options.layout();
        int entries = 0;
        try (ZipFile z = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                if (!e.getName().startsWith(layout.root())) {
                    throw new WorkspaceException(Reason.TAMPERED, zip + " is not " + layout.label() + ": it holds " + e.getName());
                }
                entries++;
            }
        }
        String tree = DirHash.hashZip(zip);
        Optional<String> pinned = workspace.lock().flatMap(layout::pinned);
        workspace.requireNoDrift(pinned.filter(p -> !p.equals(tree))
                .map(p -> List.of(new LockDrift.Drift(layout.driftItem(), p, tree))).orElse(List.of()));
        if (pinned.isEmpty()) {
            reporter.warn(workspace.lockFile().getFileName() + " pins no " + layout.label() + " (" + tree
                    + "): agents can install it only once the lock pins it");
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
        return new PackedBundle(target, Sha256.hex(target), Files.size(target), entries, tree, null);
    }
}
