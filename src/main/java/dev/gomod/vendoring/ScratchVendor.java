package dev.gomod.vendoring;

import dev.gomod.FileSnapshot;
import dev.gomod.WorkspaceException;
import dev.gomod.WorkspaceException.Reason;
import dev.gomod.gotool.GoCommand;
import dev.gomod.gotool.GoException;
import dev.gomod.gotool.ModFileCopy;
import dev.gomod.hash.DirHash;
import dev.gomod.mod.FormatException;
import dev.gomod.mod.GoMod;
import dev.gomod.mod.GoReleases;
import dev.gomod.mod.GoVersion;
import dev.gomod.workspace.Workspace;
import dev.gomod.mod.ModulesTxt;
import dev.gomod.mod.VendorConsistency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code go mod vendor -o <dir>} on a copy of go.mod and go.sum, so the user's files and
 * vendor/ stay untouched, then checks modules.txt against go.mod and hashes the tree. In workspace
 * mode {@code go work vendor -o <dir>}, which takes no {@code -modfile}: go.work, go.work.sum and
 * the modules' go.mod and go.sum are read before and compared after, and put back if go changed them.
 */
public final class ScratchVendor {
    /** A vendor tree go made: where, its hash, what it holds, and which Go made it. */
    public record Result(Path dir, String hash, int files, ModulesTxt modulesTxt, String goVersion) {
        /** True when the module has no dependencies to vendor: go made no tree. */
        public boolean empty() {
            return hash == null;
        }
    }

    private final GoCommand go;

    public ScratchVendor(GoCommand go) {
        this.go = go;
    }

    /**
     * {@code go mod vendor -o out} from a copy of whichever go.mod file the module is built from
     * (go.mod, or an alternate -modfile names), so that the user's files are never written.
     *
     * @param out the directory go writes (must not exist)
     */
    public Result vendor(Path moduleDir, ModFileCopy copy, GoMod goMod, Path out)
            throws GoException, IOException, WorkspaceException, FormatException {
        String goVersion = go.goVersion(moduleDir);
        if (older(goVersion, GoReleases.VENDOR_OUTPUT_DIR)) {
            throw new WorkspaceException(Reason.GO_TOO_OLD, goVersion + " cannot vendor into a separate directory ('go mod vendor -o' needs"
                    + " Go " + GoReleases.VENDOR_OUTPUT_DIR + " or later), so vendor/ could be left half-written",
                    Map.of("needs", GoReleases.VENDOR_OUTPUT_DIR.toString()));
        }
        go.run(moduleDir, "mod", "vendor", copy.flag(), "-o", out.toString());
        if (copy.changed()) {
            throw new WorkspaceException(Reason.NOT_TIDY, "go mod vendor had to change " + copy.originalGoMod().getFileName() + " or "
                    + copy.originalGoSum().getFileName() + " in " + moduleDir + ": they are not tidy");
        }
        if (!Files.isDirectory(out)) {
            return new Result(out, null, 0, ModulesTxt.parse(new byte[0]), goVersion);
        }
        ModulesTxt txt = ModulesTxt.parse(Files.readAllBytes(out.resolve("modules.txt")));
        List<VendorConsistency.Violation> violations = VendorConsistency.check(goMod, txt);
        if (!violations.isEmpty()) {
            throw new WorkspaceException(Reason.VENDOR_OUT_OF_SYNC, "the vendor tree " + goVersion + " wrote is inconsistent with "
                    + copy.originalGoMod().getFileName() + ":\n  "
                    + String.join("\n  ", violations.stream().map(Object::toString).toList()));
        }
        return hashed(out, txt, goVersion);
    }

    /** Whether the running go ({@code go1.19.8}) predates {@code release}; a devel build does not. */
    private static boolean older(String goVersion, GoVersion release) {
        return GoVersion.ofGoVersionOutput(goVersion).map(v -> !v.atLeast(release)).orElse(false);
    }

    private static Result hashed(Path out, ModulesTxt txt, String goVersion) throws IOException {
        List<DirHash.FileSource> files = DirHash.listDir(out, "vendor");
        String hash = DirHash.hashParallel(files, Runtime.getRuntime().availableProcessors());
        return new Result(out, hash, files.size(), txt, goVersion);
    }

    /** {@code go work vendor -o out} for a workspace in workspace mode, with {@code go} in workspace mode. */
    public Result vendorWorkspace(Workspace workspace, Path out) throws GoException, IOException, WorkspaceException, FormatException {
        Path workDir = workspace.dir();
        String goVersion = go.goVersion(workDir);
        if (older(goVersion, GoReleases.WORKSPACE_VENDOR)) {
            throw new WorkspaceException(Reason.GO_TOO_OLD, goVersion + " cannot vendor a workspace ('go work vendor' needs Go "
                    + GoReleases.WORKSPACE_VENDOR + " or later)", Map.of("needs", GoReleases.WORKSPACE_VENDOR.toString()));
        }
        FileSnapshot inputs = FileSnapshot.of(workspace.inputFiles().stream().map(workDir::resolve).toList());
        go.run(workDir, "work", "vendor", "-o", out.toString());
        List<String> changed = inputs.restore().stream().map(p -> workDir.relativize(p).toString()).toList();
        if (!changed.isEmpty()) {
            throw new WorkspaceException(Reason.NOT_TIDY, "go work vendor had to change " + String.join(", ", changed) + " in " + workDir
                    + " (put back as they were): run go mod tidy in each module and go work sync, then freeze again");
        }
        if (!Files.isDirectory(out)) {
            return new Result(out, null, 0, ModulesTxt.parse(new byte[0]), goVersion);
        }
        ModulesTxt txt = ModulesTxt.parse(Files.readAllBytes(out.resolve("modules.txt")));
        List<VendorConsistency.Violation> violations = workspace.vendorViolations(txt);
        if (!violations.isEmpty()) {
            throw new WorkspaceException(Reason.VENDOR_OUT_OF_SYNC, "the vendor tree " + goVersion + " wrote is inconsistent with go.work:\n  "
                    + String.join("\n  ", violations.stream().map(Object::toString).toList()));
        }
        return hashed(out, txt, goVersion);
    }
}
