package dev.gomod.bundle;

import dev.gomod.WorkspaceException;
import dev.gomod.archive.ArchiveEntry;
import dev.gomod.archive.ReproducibleArchive;
import dev.gomod.gotool.GoCommand;
import dev.gomod.gotool.GoException;
import dev.gomod.hash.DirHash;
import dev.gomod.hash.Sha256;
import dev.gomod.lock.GoModLock;
import dev.gomod.lock.LockDrift;
import dev.gomod.mod.FormatException;
import dev.gomod.mod.GoMod;
import dev.gomod.mod.GoSum;
import dev.gomod.proxy.ModuleSumCheck;
import dev.gomod.proxy.ProxyLayout;
import dev.gomod.workspace.DirectorySwap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The module-cache bundle: every module the build needs, in GOPROXY layout under {@code goproxy/}
 * (list, .info, .mod, .zip byte for byte as go stored them, .ziphash), and a manifest listing each
 * module with its h1. Restored anywhere, {@code GOPROXY=file://<dir>/goproxy} serves a build with no
 * network. Its tree hash covers the .mod and .zip files only: they are what go.sum vouches for,
 * while .info holds proxy metadata that may differ between proxies serving the same modules.
 */
public final class ModcacheBundle {
    /** The directory inside the bundle that is the GOPROXY. */
    public static final String PREFIX = "goproxy/";

    private ModcacheBundle() {
    }

    /**
     * Runs {@code go mod download} into a fresh, private GOMODCACHE (so nothing unrelated is captured)
     * and checks every zip and .mod go.sum names against it.
     *
     * @return the {@code cache/download} directory
     */
    public static Path download(GoCommand go, Path moduleDir, Path freshCache) throws IOException, GoException, WorkspaceException, FormatException {
        DirectorySwap.deleteTree(freshCache);
        Files.createDirectories(freshCache);
        String flags = go.environment().get("GOFLAGS");
        // -modcacherw: go makes extracted modules read-only, and we must be able to delete this cache.
        // -mod=mod: with a vendor/ directory, go would otherwise refuse to download.
        GoCommand isolated = go.with("GOMODCACHE", freshCache.toString())
                .with("GOFLAGS", ((flags == null ? "" : flags) + " -modcacherw -mod=mod").strip());
        isolated.run(moduleDir, "mod", "download");
        Path download = freshCache.resolve("cache").resolve("download");
        Files.createDirectories(download);
        Path goSumFile = moduleDir.resolve("go.sum");
        if (Files.isRegularFile(goSumFile)) {
            GoSum sum = GoSum.parse(goSumFile.toString(), Files.readAllBytes(goSumFile));
            ModuleSumCheck.Report r = ModuleSumCheck.check(ProxyLayout.at(download), sum, Runtime.getRuntime().availableProcessors());
            if (!r.mismatches().isEmpty() || !r.invalid().isEmpty()) {
                List<String> problems = new ArrayList<>(r.invalid());
                r.mismatches().forEach(m -> problems.add(m.toString()));
                throw new WorkspaceException("modules go downloaded do not match go.sum (SECURITY: a proxy served different content):\n  "
                        + String.join("\n  ", problems));
            }
        }
        return download;
    }

    /** The files of {@code download} that belong in a bundle, named {@code goproxy/<relative path>}. */
    public static List<DirHash.FileSource> files(Path download) throws IOException {
        List<DirHash.FileSource> out = new ArrayList<>();
        for (DirHash.FileSource f : DirHash.listDir(download, "")) {
            String n = f.name();
            if (n.startsWith("sumdb/") || !(n.endsWith("/list") || n.endsWith(".info") || n.endsWith(".mod")
                    || n.endsWith(".zip") || n.endsWith(".ziphash"))) {
                continue; // .lock files, partial downloads, the checksum database's cache
            }
            out.add(new DirHash.FileSource(PREFIX + n, f.path()));
        }
        return out;
    }

    /** The module-cache hash gomod.lock records: h1 over the bundle's .mod and .zip files. */
    public static String hash(List<DirHash.FileSource> files) throws IOException {
        List<DirHash.FileSource> content = files.stream().filter(f -> f.name().endsWith(".mod") || f.name().endsWith(".zip")).toList();
        return DirHash.hashParallel(content, Runtime.getRuntime().availableProcessors());
    }

    public static PackedBundle pack(Path moduleDir, Path download, Path lockFile, ReproducibleArchive.Format format,
                                           Instant time, Path target) throws IOException, WorkspaceException, FormatException {
        Path goModFile = moduleDir.resolve("go.mod");
        GoMod goMod = GoMod.parse(goModFile.toString(), Files.readAllBytes(goModFile), true);
        List<DirHash.FileSource> files = files(download);
        String tree = hash(files);
        GoModLock lock = Files.isRegularFile(lockFile) ? GoModLock.parse(lockFile.toString(), Files.readAllBytes(lockFile)) : null;
        if (lock != null) {
            LockDrift.requireNone(lock, lockFile, moduleDir, List.of());
            if (lock.modcacheHash() != null && !lock.modcacheHash().equals(tree)) {
                throw new WorkspaceException("the module cache go downloaded (" + tree + ") does not match " + lockFile.getFileName()
                        + " (" + lock.modcacheHash() + "): the proxy served different module content than when the lock was written");
            }
        }
        List<String> modules = new ArrayList<>();
        Path goSumFile = moduleDir.resolve("go.sum");
        if (Files.isRegularFile(goSumFile)) {
            for (GoSum.Entry e : GoSum.parse(goSumFile.toString(), Files.readAllBytes(goSumFile)).sorted().entries()) {
                if (!e.goMod() && Files.isRegularFile(ProxyLayout.at(download).zip(e.module()))) {
                    modules.add(e.module().path() + " " + e.module().version() + " " + e.hash());
                }
            }
        }
        BundleManifest manifest = new BundleManifest(BundleManifest.MODCACHE, goMod.modulePath(), goMod.goVersion().orElse(null),
                goMod.toolchain().orElse(null), null, Sha256.hex(goModFile), LockDrift.goSumDigest(moduleDir), tree, files.size(), modules);
        List<ArchiveEntry> entries = new ArrayList<>();
        for (DirHash.FileSource f : files) {
            entries.add(ArchiveEntry.ofFile(f.name(), f.path()));
        }
        entries.add(ArchiveEntry.ofBytes(BundleManifest.FILE, manifest.toBytes()));
        ReproducibleArchive.write(target, format, entries, time);
        return new PackedBundle(target, Sha256.hex(target), Files.size(target), entries.size(), manifest);
    }
}
