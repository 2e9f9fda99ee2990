package dev.gomod.vendoring;

import dev.gomod.Reporter;
import dev.gomod.WorkspaceException;
import dev.gomod.WorkspaceException.Reason;
import dev.gomod.gotool.GoCommand;
import dev.gomod.gotool.GoException;
import dev.gomod.lock.GoModLock;
import dev.gomod.lock.LockDrift;
import dev.gomod.lock.PinKey;
import dev.gomod.mod.FormatException;
import dev.gomod.mod.GoMod;
import dev.gomod.workspace.DirectorySwap;
import dev.gomod.workspace.Job;
import dev.gomod.workspace.Workspace;
import dev.gomod.workspace.WorkspaceLock;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The vendor goal: makes vendor/ match go.mod (and gomod.lock, when there is one) without ever
 * leaving it half-written. Does nothing when vendor/ already matches the lock.
 */
public record VendorJob(Workspace workspace, Reporter reporter, Options options) implements Job<VendorJob.Options> {
    /** What the run did. */
    public record Outcome(boolean skipped, String hash, int files, String goVersion) {
    }

    /** How to vendor: with which go. */
    public record Options(GoCommand go) {
    }

    public Outcome run() throws IOException, GoException, WorkspaceException, FormatException {
        Path moduleDir = workspace.dir();
        Path lockFile = workspace.lockFile();
        GoMod goMod = workspace.goWorkMode() ? null : workspace.goMod();
        GoModLock lock = workspace.lock().orElse(null);
        workspace.requireNoDrift(List.of());
        Path vendor = workspace.vendorDir();
        DirectorySwap swap = new DirectorySwap(vendor);
        try (WorkspaceLock ignored = workspace.exclusive()) {
            String recovered = swap.recover();
            if (recovered != null) {
                reporter.info(recovered);
            }
            if (lock != null) {
                LockDrift.Result current = LockDrift.check(lock, moduleDir);
                if (current.vendorChecked() && current.clean()) {
                    String pinned = lock.pin(PinKey.VENDOR).orElseThrow();
                    reporter.info("vendor/ already matches " + lockFile.getFileName() + " (" + pinned + ", "
                            + current.vendorFiles() + " files): nothing to do");
                    return new Outcome(true, pinned, current.vendorFiles(), null);
                }
            }
            ScratchVendor vendoring = new ScratchVendor(workspace.go(options.go()));
            ScratchVendor.Result r = workspace.goWorkMode()
                    ? vendoring.vendorWorkspace(workspace, swap.staging())
                    : vendoring.vendor(moduleDir, workspace.modFileCopy(workspace.workDir().resolve("vendor-modfile")), goMod, swap.staging());
            if (r.empty()) {
                DirectorySwap.deleteTree(vendor);
                reporter.info("no dependencies to vendor (" + r.goVersion() + "): vendor/ removed, as go mod vendor does");
                return new Outcome(false, null, 0, r.goVersion());
            }
            if (lock != null && lock.pin(PinKey.VENDOR).filter(p -> !p.equals(r.hash())).isPresent()) {
                DirectorySwap.deleteTree(swap.staging());
                throw vendorMismatch(lock, r);
            }
            swap.commit();
            reporter.info("vendor/ written by " + r.goVersion() + ": " + r.modulesTxt().withPackages().size() + " modules, "
                    + r.modulesTxt().packageCount() + " packages, " + r.files() + " files, " + r.hash()
                    + (lock != null && lock.vendoredBy() != null && !lock.vendoredBy().equals(r.goVersion())
                    ? "; the same tree " + lock.vendoredBy() + " made for " + lockFile.getFileName() : ""));
            return new Outcome(false, r.hash(), r.files(), r.goVersion());
        }
    }

    private WorkspaceException vendorMismatch(GoModLock lock, ScratchVendor.Result r) {
        Path lockFile = workspace.lockFile();
        String lockedBy = lock.vendoredBy() == null ? "an unrecorded Go" : lock.vendoredBy();
        boolean sameGo = lockedBy.equals(r.goVersion());
        String why = sameGo
                ? "the same Go version made a different tree: the module cache may hold different module contents than when the lock was written"
                : "vendoring output differs between Go versions (the lock was made by " + lockedBy + ", this is " + r.goVersion() + ")";
        String message = "go mod vendor made a tree that does not match " + lockFile.getFileName() + ": the lock pins " + lock.pin(PinKey.VENDOR).orElseThrow()
                + ", " + r.goVersion() + " made " + r.hash() + " (" + r.files() + " files). " + why + ". vendor/ was left as it was.";
        return sameGo ? new WorkspaceException(Reason.TAMPERED, message)
                : new WorkspaceException(Reason.LOCKED_BY_OTHER_GO, message, Map.of("go", lockedBy, "lock", lockFile.getFileName().toString()));
    }
}
