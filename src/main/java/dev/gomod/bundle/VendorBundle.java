package dev.gomod.bundle;

import dev.gomod.Reporter;
import dev.gomod.WorkspaceException;
import dev.gomod.WorkspaceException.Reason;
import dev.gomod.hash.DirHash;
import dev.gomod.lock.GoModLock;
import dev.gomod.lock.PinKey;
import dev.gomod.mod.FormatException;
import dev.gomod.mod.ModulesTxt;
import dev.gomod.mod.VendorConsistency;
import dev.gomod.workspace.Workspace;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The vendor bundle ({@code go-vendor}): every file of vendor/ under {@code vendor/}, with copies of
 * go.mod, go.sum and gomod.lock. Its tree hash covers all of vendor/, the hash the lock's
 * {@code vendor} line pins. Packing refuses a vendor/ that modules.txt says is out of step with
 * go.mod, and anything that is not a regular file; restoring refuses a bundle whose go.mod or go.sum
 * differ from the workspace's, or whose modules.txt go would reject. A bundle of a go.work workspace
 * carries go.work, go.work.sum and every used module's go.mod and go.sum instead, and its
 * modules.txt is held to go's workspace rules. A module built from an alternate go.mod
 * ({@code -modfile=go.prod.mod}) carries that file and its .sum file under their own names.
 */
public final class VendorBundle extends BundleLayout {
    VendorBundle() {
        super(BundleManifest.VENDOR, "vendor/", "vendor/", List.of("go.mod", "go.sum", Pack.LOCK_ENTRY));
    }

    @Override
    public BundleKind bundleKind() {
        return BundleKind.VENDOR;
    }

    @Override
    public String classifier() {
        return "go-vendor";
    }

    @Override
    public PinKey pinKey() {
        return PinKey.VENDOR;
    }

    @Override
    public Path target(RestoreDirs dirs) {
        return dirs.vendor();
    }

    /** The workspace's vendor/; freeze pins it from its own scratch vendor tree, not from this. */
    @Override
    public Path source(BundleSources sources) {
        return sources.workspace().vendorDir();
    }

    /**
     * The workspace's input files under their own names (an alternate go.mod says which file the
     * bundle was made from; in workspace mode each module's at its path under go.work's
     * directory), and the lock.
     */
    @Override
    List<String> carriedFiles(Workspace workspace) throws IOException, FormatException {
        List<String> files = new ArrayList<>(workspace.inputFiles());
        files.add(Pack.LOCK_ENTRY);
        return files;
    }

    @Override
    boolean mayCarry(String name) {
        return super.mayCarry(name) || name.equals("go.work") || name.equals("go.work.sum")
                || !name.contains("/") && (name.endsWith(".mod") || name.endsWith(".sum")) && !name.startsWith(".")
                || (name.endsWith("/go.mod") || name.endsWith("/go.sum")) && !name.startsWith("/") && !name.contains("..");
    }

    @Override
    public boolean hashed(String name) {
        return name.startsWith(root());
    }

    @Override
    String vendoredBy(Optional<GoModLock> lock) {
        return lock.map(GoModLock::vendoredBy).orElse(null);
    }

    @Override
    void checkSource(Workspace workspace, Path vendor) throws IOException, FormatException, WorkspaceException {
        if (!Files.isDirectory(vendor)) {
            throw new WorkspaceException(Reason.NO_VENDOR, "no vendor/ in " + workspace.dir());
        }
        List<VendorConsistency.Violation> violations = workspace.vendorViolations(modulesTxt(vendor));
        if (!violations.isEmpty()) {
            throw new WorkspaceException(Reason.VENDOR_OUT_OF_SYNC, vendor.resolve("modules.txt") + " is inconsistent with "
                    + workspace.vendorReference() + ":\n  "
                    + String.join("\n  ", violations.stream().map(Object::toString).toList()));
        }
    }

    /** Every file below vendor/, refusing symbolic links, devices and anything else that is not a regular file. */
    @Override
    List<DirHash.FileSource> files(Path vendor) throws IOException, WorkspaceException {
        List<DirHash.FileSource> out = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        Files.walkFileTree(vendor, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isSymbolicLink()) {
                    refused.add(file + " is a symbolic link");
                } else if (!attrs.isRegularFile()) {
                    refused.add(file + " is not a regular file (device, socket or pipe)");
                } else {
                    out.add(new DirHash.FileSource(root() + vendor.relativize(file).toString().replace('\\', '/'), file));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        if (!refused.isEmpty()) {
            throw new WorkspaceException(Reason.UNSAFE_CONTENT, "a bundle holds regular files only; found:\n  " + String.join("\n  ", refused));
        }
        return out;
    }

    /** One line per vendored module: path, version, replacement, explicit, package count. */
    @Override
    List<String> manifestModules(Workspace workspace, Path vendor) throws IOException, FormatException {
        List<String> modules = new ArrayList<>();
        for (ModulesTxt.Module m : modulesTxt(vendor).modules()) {
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
        return modules;
    }

    @Override
    String checkRestored(Workspace workspace, Path archive, Path extract, Reporter reporter)
            throws IOException, FormatException, WorkspaceException {
        Path modulesTxt = extract.resolve("vendor/modules.txt");
        if (!Files.isRegularFile(modulesTxt)) {
            throw new WorkspaceException(Reason.TAMPERED, "REFUSED " + archive.getFileName() + ": it holds no vendor/modules.txt");
        }
        List<VendorConsistency.Violation> violations = workspace.vendorViolations(ModulesTxt.parse(Files.readAllBytes(modulesTxt)));
        if (!violations.isEmpty()) {
            throw new WorkspaceException(Reason.TAMPERED, "REFUSED " + archive.getFileName() + ": its vendor/modules.txt is inconsistent with "
                    + workspace.vendorReference() + ":\n  "
                    + String.join("\n  ", violations.stream().map(Object::toString).toList()));
        }
        return "";
    }

    private static ModulesTxt modulesTxt(Path vendor) throws IOException, FormatException {
        return ModulesTxt.parse(Files.readAllBytes(vendor.resolve("modules.txt")));
    }
}
