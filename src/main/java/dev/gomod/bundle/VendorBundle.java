package dev.gomod.bundle;

import dev.gomod.WorkspaceException;
import dev.gomod.archive.ArchiveEntry;
import dev.gomod.archive.ReproducibleArchive;
import dev.gomod.hash.DirHash;
import dev.gomod.hash.Sha256;
import dev.gomod.lock.GoModLock;
import dev.gomod.lock.LockDrift;
import dev.gomod.mod.FormatException;
import dev.gomod.mod.GoMod;
import dev.gomod.mod.ModulesTxt;
import dev.gomod.mod.VendorConsistency;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The vendor bundle: {@code gomod-manifest.txt}, go.mod, go.sum, gomod.lock (when present) and
 * every file of vendor/, packed reproducibly. Refuses what a vendor tree must not hold.
 */
public final class VendorBundle {
    private VendorBundle() {
    }

    /**
     * @param lockFile the lock, or a path that does not exist; when it exists, go.mod, go.sum and vendor/ must match it
     */
    public static PackedBundle pack(Path moduleDir, Path lockFile, ReproducibleArchive.Format format, Instant time, Path target)
            throws IOException, WorkspaceException, FormatException {
        Path goModFile = moduleDir.resolve("go.mod");
        GoMod goMod = GoMod.parse(goModFile.toString(), Files.readAllBytes(goModFile), true);
        Path vendor = moduleDir.resolve("vendor");
        if (!Files.isDirectory(vendor)) {
            throw new WorkspaceException("no vendor/ in " + moduleDir + ": run 'mvn gomod:vendor' (or gomod:restore) first");
        }
        List<Path> files = regularFiles(vendor);
        ModulesTxt txt = ModulesTxt.parse(Files.readAllBytes(vendor.resolve("modules.txt")));
        List<VendorConsistency.Violation> violations = VendorConsistency.check(goMod, txt);
        if (!violations.isEmpty()) {
            throw new WorkspaceException(vendor.resolve("modules.txt") + " is inconsistent with go.mod:\n  "
                    + String.join("\n  ", violations.stream().map(Object::toString).toList()) + "\nRun 'mvn gomod:vendor' to sync it");
        }
        List<ArchiveEntry> entries = new ArrayList<>();
        List<DirHash.FileSource> hashed = new ArrayList<>();
        for (Path f : files) {
            String name = "vendor/" + vendor.relativize(f).toString().replace('\\', '/');
            entries.add(ArchiveEntry.ofFile(name, f));
            hashed.add(new DirHash.FileSource(name, f));
        }
        String tree = DirHash.hashParallel(hashed, Runtime.getRuntime().availableProcessors());

        GoModLock lock = Files.isRegularFile(lockFile) ? GoModLock.parse(lockFile.toString(), Files.readAllBytes(lockFile)) : null;
        if (lock != null) {
            List<LockDrift.Drift> vendorDrift = lock.vendorHash() == null || lock.vendorHash().equals(tree) ? List.of()
                    : List.of(new LockDrift.Drift(LockDrift.Item.VENDOR, lock.vendorHash(), tree));
            LockDrift.requireNone(lock, lockFile, moduleDir, vendorDrift);
            entries.add(ArchiveEntry.ofFile("gomod.lock", lockFile));
        }
        List<String> modules = new ArrayList<>();
        for (ModulesTxt.Module m : txt.modules()) {
            StringBuilder b = new StringBuilder(m.module().path());
            if (!m.module().version().isEmpty()) {
                b.append(' ').append(m.module().version());
            }
            m.replacement().ifPresent(r -> b.append(" => ").append(r.path()).append(r.version().isEmpty() ? "" : " " + r.version()));
            if (m.explicit()) {
                b.append(" explicit");
            }
            b.append(" packages=").append(m.packages().size());
            modules.add(b.toString());
        }
        BundleManifest manifest = new BundleManifest(BundleManifest.VENDOR, goMod.modulePath(), goMod.goVersion().orElse(null),
                goMod.toolchain().orElse(null), lock == null ? null : lock.vendoredBy(), Sha256.hex(goModFile),
                LockDrift.goSumDigest(moduleDir), tree, files.size(), modules);
        entries.add(ArchiveEntry.ofBytes(BundleManifest.FILE, manifest.toBytes()));
        entries.add(ArchiveEntry.ofFile("go.mod", goModFile));
        if (Files.isRegularFile(moduleDir.resolve("go.sum"))) {
            entries.add(ArchiveEntry.ofFile("go.sum", moduleDir.resolve("go.sum")));
        }
        ReproducibleArchive.write(target, format, entries, time);
        return new PackedBundle(target, Sha256.hex(target), Files.size(target), entries.size(), manifest);
    }

    /** Every file below dir, refusing symbolic links, devices and anything else that is not a regular file. */
    static List<Path> regularFiles(Path dir) throws IOException, WorkspaceException {
        List<Path> out = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isSymbolicLink()) {
                    refused.add(file + " is a symbolic link");
                } else if (!attrs.isRegularFile()) {
                    refused.add(file + " is not a regular file (device, socket or pipe)");
                } else {
                    out.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        if (!refused.isEmpty()) {
            throw new WorkspaceException("a bundle holds regular files only; found:\n  " + String.join("\n  ", refused));
        }
        return out;
    }
}
