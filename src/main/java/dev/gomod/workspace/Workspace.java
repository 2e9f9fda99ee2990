package dev.gomod.workspace;

import dev.gomod.WorkspaceException;
import dev.gomod.lock.GoModLock;
import dev.gomod.lock.LockDrift;
import dev.gomod.mod.FormatException;
import dev.gomod.mod.GoMod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One Go module directory as every job sees it: where go.mod, go.sum, vendor/ and the lock file are,
 * the job's private scratch directory, go.mod and the lock read once, the drift check against the
 * lock, and the lock that keeps two jobs (two builds, or two threads of one) off the directory at once.
 */
public final class Workspace {
    private final Path dir;
    private final Path lockFile;
    private final Path workDir;
    private GoMod goMod;
    private Optional<GoModLock> lock;

    /**
     * @param dir      the directory that holds go.mod
     * @param lockFile gomod.lock (it need not exist)
     * @param workDir  scratch files, reports and the workspace lock (target/gomod)
     */
    public Workspace(Path dir, Path lockFile, Path workDir) {
        this.dir = dir;
        this.lockFile = lockFile;
        this.workDir = workDir;
    }

    /** The conventional layout: gomod.lock beside go.mod, scratch files in target/gomod. */
    public static Workspace of(Path dir) {
        return new Workspace(dir, dir.resolve("gomod.lock"), dir.resolve("target/gomod"));
    }

    public Path dir() {
        return dir;
    }

    public Path goModFile() {
        return dir.resolve("go.mod");
    }

    public Path vendorDir() {
        return dir.resolve("vendor");
    }

    public Path lockFile() {
        return lockFile;
    }

    public Path workDir() {
        return workDir;
    }

    /** The main module's go.mod, parsed strictly, read on first use. */
    public GoMod goMod() throws IOException, FormatException {
        if (goMod == null) {
            goMod = GoMod.parse(goModFile().toString(), Files.readAllBytes(goModFile()), true);
        }
        return goMod;
    }

    /** gomod.lock, when there is one, read on first use. */
    public Optional<GoModLock> lock() throws IOException, FormatException {
        if (lock == null) {
            lock = Files.isRegularFile(lockFile)
                    ? Optional.of(GoModLock.parse(lockFile.toString(), Files.readAllBytes(lockFile))) : Optional.empty();
        }
        return lock;
    }

    /** Forgets what was read, after a job changed go.mod or the lock on purpose. */
    public void reread() {
        goMod = null;
        lock = null;
    }

    /**
     * Refuses to go on when there is a lock and go.mod or go.sum no longer match it, or {@code more}
     * drifts were found; nothing to check without a lock.
     */
    public void requireNoDrift(List<LockDrift.Drift> more) throws IOException, FormatException, WorkspaceException {
        Optional<GoModLock> l = lock();
        if (l.isPresent()) {
            LockDrift.requireNone(l.get(), lockFile, dir, more);
        }
    }

    /** This workspace to itself, across processes and threads, until closed. */
    public WorkspaceLock exclusive() throws IOException {
        return WorkspaceLock.acquire(workDir.resolve("workspace.lck"));
    }
}
