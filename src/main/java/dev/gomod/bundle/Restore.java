package dev.gomod.bundle;

import dev.gomod.Reporter;
import dev.gomod.WorkspaceException;
import dev.gomod.archive.ReproducibleArchive;
import dev.gomod.archive.SafeExtractor;
import dev.gomod.archive.UnsafeArchiveException;
import dev.gomod.hash.DirHash;
import dev.gomod.hash.Sha256;
import dev.gomod.lock.GoModLock;
import dev.gomod.lock.LockDrift;
import dev.gomod.mod.FormatException;
import dev.gomod.mod.GoMod;
import dev.gomod.mod.GoSum;
import dev.gomod.mod.ModulesTxt;
import dev.gomod.mod.VendorConsistency;
import dev.gomod.proxy.ModuleSumCheck;
import dev.gomod.proxy.ProxyLayout;
import dev.gomod.workspace.DirectorySwap;
import dev.gomod.workspace.Workspace;
import dev.gomod.workspace.WorkspaceLock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Restores a bundle into a workspace, trusting nothing in it until it is checked: extracted by the
 * hardened extractor into a private directory, then the trust chain of the design (gomod.lock, from
 * git, pins the tree hash; the bundle's manifest must name this workspace's go.mod and go.sum), and
 * only then swapped into place. Any failure leaves the workspace as it was. One restore at a time
 * per workspace.
 */
public final class Restore {
    /** What a restore did. */
    public record Outcome(boolean skipped, String treeHash, int files, Path dir) {
    }

    /** How to restore: the extraction limits every bundle is held to. */
    public record Options(SafeExtractor.Limits limits) {
    }

    private final Workspace workspace;
    private final Reporter reporter;
    private final Path moduleDir;
    private final Path lockFile;
    private final SafeExtractor.Limits limits;

    public Restore(Workspace workspace, Reporter reporter, Options options) {
        this.workspace = workspace;
        this.reporter = reporter;
        this.moduleDir = workspace.dir();
        this.lockFile = workspace.lockFile();
        this.limits = options.limits();
    }

    /** The lock's vendor hash when vendor/ already has it: then there is nothing to fetch. Hashing only. */
    public Optional<String> vendorUpToDate() throws IOException, FormatException {
        return workspace.vendorMatchingLock();
    }

    /** Restores vendor/ from a go-vendor bundle. */
    public Outcome vendor(Path archive, ReproducibleArchive.Format format)
            throws IOException, FormatException, WorkspaceException, UnsafeArchiveException {
        Path vendor = workspace.vendorDir();
        DirectorySwap swap = new DirectorySwap(vendor);
        try (WorkspaceLock ignored = workspace.exclusive()) {
            report(swap.recover());
            Path extract = vendor.resolveSibling(".vendor.extract");
            DirectorySwap.deleteTree(extract);
            Optional<String> upToDate = vendorUpToDate(); // again, under the lock: a concurrent restore may have finished
            if (upToDate.isPresent()) {
                reporter.info("vendor/ already matches " + lockFile.getFileName() + " (" + upToDate.get() + "): nothing restored");
                return new Outcome(true, upToDate.get(), 0, vendor);
            }
            try {
                SafeExtractor extractor = new SafeExtractor(limits, n -> n.startsWith("vendor/")
                        || List.of(BundleManifest.FILE, "go.mod", "go.sum", "gomod.lock").contains(n));
                SafeExtractor.Result result = extractor.extract(archive, format, extract);
                GoMod goMod = workspace.goMod();
                BundleManifest manifest = manifest(archive, extract, BundleManifest.VENDOR, goMod);
                Path extracted = extract.resolve("vendor");
                if (!Files.isDirectory(extracted)) {
                    throw new WorkspaceException(archive.getFileName() + " holds no vendor/ directory");
                }
                // hashed while extracted: the tree is read once; the extraction directory is private to us
                java.util.Map<String, byte[]> vendorDigests = new java.util.HashMap<>();
                result.sha256().forEach((n, d) -> {
                    if (n.startsWith("vendor/")) {
                        vendorDigests.put(n, d);
                    }
                });
                String tree = DirHash.fromDigests(vendorDigests);
                int fileCount = vendorDigests.size();
                GoModLock lock = workspace.lock().orElse(null);
                if (lock != null) {
                    workspace.requireNoDrift(List.of());
                    if (lock.vendorHash() == null) {
                        reporter.warn(lockFile.getFileName() + " pins no vendor tree: the bundle is checked against its manifest only");
                    } else if (!lock.vendorHash().equals(tree)) {
                        throw new WorkspaceException("REFUSED " + archive.getFileName() + ": its vendor tree is " + tree + " but "
                                + lockFile.getFileName() + " (from git) pins " + lock.vendorHash()
                                + ". The artifact was tampered with, or built from other sources; vendor/ was left as it was");
                    }
                } else {
                    reporter.warn("no " + lockFile.getFileName() + ": the bundle is not pinned by a lock from git; it is checked against its own manifest only");
                }
                requireManifestMatchesWorkspace(archive, manifest, extract, tree);
                ModulesTxt txt = ModulesTxt.parse(Files.readAllBytes(extracted.resolve("modules.txt")));
                List<VendorConsistency.Violation> violations = VendorConsistency.check(goMod, txt);
                if (!violations.isEmpty()) {
                    throw new WorkspaceException("REFUSED " + archive.getFileName() + ": its vendor/modules.txt is inconsistent with go.mod:\n  "
                            + String.join("\n  ", violations.stream().map(Object::toString).toList()));
                }
                DirectorySwap.deleteTree(swap.staging());
                Files.move(extracted, swap.staging(), StandardCopyOption.ATOMIC_MOVE);
                swap.commit();
                reporter.info("vendor/ restored from " + archive.getFileName() + ": " + fileCount + " files, " + tree
                        + (lock != null && lock.vendorHash() != null ? ", matches " + lockFile.getFileName() : ""));
                return new Outcome(false, tree, fileCount, vendor);
            } finally {
                DirectorySwap.deleteTree(extract);
            }
        }
    }

    /**
     * Restores a go-modcache bundle into {@code target} (a GOPROXY directory), checking every zip and
     * .mod against go.sum; optionally also copies it into a GOMODCACHE's {@code cache/download}.
     */
    public Outcome modcache(Path archive, ReproducibleArchive.Format format, Path target, Path gomodcache)
            throws IOException, FormatException, WorkspaceException, UnsafeArchiveException {
        DirectorySwap swap = new DirectorySwap(target);
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (WorkspaceLock ignored = workspace.exclusive()) {
            report(swap.recover());
            Path extract = target.resolveSibling("." + target.getFileName() + ".extract");
            DirectorySwap.deleteTree(extract);
            try {
                new SafeExtractor(limits, n -> n.startsWith(ModcacheBundle.PREFIX) || n.equals(BundleManifest.FILE))
                        .extract(archive, format, extract);
                GoMod goMod = workspace.goMod();
                BundleManifest manifest = manifest(archive, extract, BundleManifest.MODCACHE, goMod);
                Path proxy = extract.resolve("goproxy");
                Files.createDirectories(proxy);
                String tree = ModcacheBundle.hash(ModcacheBundle.files(proxy));
                GoModLock lock = workspace.lock().orElse(null);
                if (lock != null) {
                    workspace.requireNoDrift(List.of());
                    if (lock.modcacheHash() != null && !lock.modcacheHash().equals(tree)) {
                        throw new WorkspaceException("REFUSED " + archive.getFileName() + ": its module cache is " + tree + " but "
                                + lockFile.getFileName() + " (from git) pins " + lock.modcacheHash());
                    }
                } else {
                    reporter.warn("no " + lockFile.getFileName() + ": the bundle is not pinned by a lock from git");
                }
                requireManifestTree(archive, manifest, tree);
                requireSameDigests(archive, manifest);
                Path goSumFile = moduleDir.resolve("go.sum");
                int checked = 0;
                if (Files.isRegularFile(goSumFile)) {
                    ModuleSumCheck.Report r = ModuleSumCheck.check(ProxyLayout.at(proxy),
                            GoSum.parse(goSumFile.toString(), Files.readAllBytes(goSumFile)), Runtime.getRuntime().availableProcessors());
                    if (!r.mismatches().isEmpty() || !r.invalid().isEmpty()) {
                        throw new WorkspaceException("REFUSED " + archive.getFileName() + ": module files do not match go.sum:\n  "
                                + String.join("\n  ", r.mismatches().stream().map(Object::toString).toList()) + String.join("\n  ", r.invalid()));
                    }
                    r.missing().forEach(m -> reporter.warn("the module cache bundle lacks " + m));
                    checked = r.zipsChecked() + r.modsChecked();
                }
                DirectorySwap.deleteTree(swap.staging());
                Files.move(proxy, swap.staging(), StandardCopyOption.ATOMIC_MOVE);
                swap.commit();
                reporter.info("module cache restored from " + archive.getFileName() + " into " + target + ": " + checked
                        + " zip and go.mod files checked against go.sum, " + tree);
                if (gomodcache != null) {
                    copyInto(target, gomodcache.resolve("cache").resolve("download"));
                    reporter.info("also copied into " + gomodcache);
                }
                return new Outcome(false, tree, checked, target);
            } finally {
                DirectorySwap.deleteTree(extract);
            }
        }
    }

    private BundleManifest manifest(Path archive, Path extract, String kind, GoMod goMod)
            throws IOException, FormatException, WorkspaceException {
        Path m = extract.resolve(BundleManifest.FILE);
        if (!Files.isRegularFile(m)) {
            throw new WorkspaceException("REFUSED " + archive.getFileName() + ": no " + BundleManifest.FILE + "; not a gomod bundle");
        }
        BundleManifest manifest = BundleManifest.parse(archive.getFileName() + "!" + BundleManifest.FILE, Files.readAllBytes(m));
        if (!manifest.kind().equals(kind)) {
            throw new WorkspaceException("REFUSED " + archive.getFileName() + ": a " + manifest.kind() + " bundle, not a " + kind
                    + " bundle (gomod.kind)");
        }
        if (!manifest.modulePath().equals(goMod.modulePath())) {
            throw new WorkspaceException("REFUSED " + archive.getFileName() + ": made for module " + manifest.modulePath()
                    + ", this workspace is " + goMod.modulePath() + " (check gomod.artifact)");
        }
        return manifest;
    }

    private void requireManifestMatchesWorkspace(Path archive, BundleManifest manifest, Path extract, String tree)
            throws IOException, WorkspaceException {
        requireManifestTree(archive, manifest, tree);
        requireSameDigests(archive, manifest);
        for (String f : List.of("go.mod", "go.sum")) {
            Path ours = moduleDir.resolve(f);
            Path theirs = extract.resolve(f);
            boolean same = Files.exists(ours) == Files.exists(theirs)
                    && (!Files.exists(ours) || Arrays.equals(Files.readAllBytes(ours), Files.readAllBytes(theirs)));
            if (!same) {
                throw new WorkspaceException("REFUSED " + archive.getFileName() + ": its " + f + " differs from " + ours);
            }
        }
    }

    private static void requireManifestTree(Path archive, BundleManifest manifest, String tree) throws WorkspaceException {
        if (!manifest.treeHash().equals(tree)) {
            throw new WorkspaceException("REFUSED " + archive.getFileName() + ": its content hashes to " + tree
                    + " but its manifest says " + manifest.treeHash());
        }
    }

    private void requireSameDigests(Path archive, BundleManifest manifest) throws IOException, WorkspaceException {
        String goMod = Sha256.hex(moduleDir.resolve("go.mod"));
        String goSum = LockDrift.goSumDigest(moduleDir);
        if (!manifest.goModSha256().equals(goMod) || !manifest.goSumSha256().equals(goSum)) {
            throw new WorkspaceException("REFUSED " + archive.getFileName() + ": it was made for other go.mod/go.sum (manifest go.mod sha256:"
                    + manifest.goModSha256() + ", go.sum " + manifest.goSumSha256() + "; workspace sha256:" + goMod + ", " + goSum
                    + "). Restore the artifact of this commit's version (gomod.artifact)");
        }
    }

    private static void copyInto(Path from, Path to) throws IOException, WorkspaceException {
        for (DirHash.FileSource f : DirHash.listDir(from, "")) {
            Path dest = to.resolve(f.name());
            if (Files.exists(dest)) {
                if (f.name().endsWith(".zip") || f.name().endsWith(".mod")) {
                    if (!Sha256.hex(dest).equals(Sha256.hex(f.path()))) {
                        throw new WorkspaceException(dest + " already exists with other content; the module cache is damaged: clean it");
                    }
                }
                continue;
            }
            Files.createDirectories(dest.getParent());
            Files.copy(f.path(), dest);
        }
    }

    private void report(String recovered) {
        if (recovered != null) {
            reporter.info(recovered);
        }
    }
}
