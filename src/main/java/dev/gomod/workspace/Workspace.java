package dev.gomod.workspace;

import dev.gomod.WorkspaceException;
import dev.gomod.lock.GoModLock;
import dev.gomod.lock.LockDrift;
import dev.gomod.mod.FormatException;
import dev.gomod.gotool.GoCommand;
import dev.gomod.gotool.ModFileCopy;
import dev.gomod.mod.GoMod;
import dev.gomod.mod.GoWork;
import dev.gomod.mod.ModulesTxt;
import dev.gomod.mod.VendorConsistency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One Go module directory as every job sees it: where go.mod, go.sum, vendor/ and the lock file are,
 * the job's private scratch directory, go.mod and the lock read once, the drift check against the
 * lock, and the lock that keeps two jobs (two builds, or two threads of one) off the directory at once.
 *
 * <p>In workspace mode the directory holds go.work instead: go runs with GOWORK set to it whatever
 * the inherited environment says, vendor/ is the one {@code go work vendor} writes beside it, and
 * the lock pins go.work, go.work.sum and each used module's go.mod and go.sum.
 */
public final class Workspace {
    private final Path dir;
    private final Path lockFile;
    private final Path workDir;
    private final boolean goWorkMode;
    private final String modFile;
    private GoMod goMod;
    private GoWork goWork;
    private List<VendorConsistency.WorkspaceModule> workModules;
    private Optional<GoModLock> lock;

    /**
     * @param dir      the directory that holds go.mod
     * @param lockFile gomod.lock (it need not exist)
     * @param workDir  scratch files, reports and the workspace lock (target/gomod)
     */
    public Workspace(Path dir, Path lockFile, Path workDir) {
        this(dir, lockFile, workDir, Files.isRegularFile(dir.resolve("go.work")));
    }

    /** @param goWorkMode work in workspace mode, with the go.work in {@code dir} */
    public Workspace(Path dir, Path lockFile, Path workDir, boolean goWorkMode) {
        this(dir, lockFile, workDir, goWorkMode, GoMod.FILE);
    }

    /**
     * @param modFile the go.mod file's name in {@code dir}: {@code go.mod}, or an alternate such as
     *                {@code go.prod.mod} that go reads instead ({@code -modfile}), with {@code go.prod.sum}
     */
    public Workspace(Path dir, Path lockFile, Path workDir, boolean goWorkMode, String modFile) {
        if (goWorkMode && !modFile.equals(GoMod.FILE)) {
            throw new IllegalArgumentException("-modfile=" + modFile + " cannot be used in workspace mode (go refuses it too)");
        }
        GoMod.sumFileFor(modFile);
        this.dir = dir;
        this.lockFile = lockFile;
        this.workDir = workDir;
        this.goWorkMode = goWorkMode;
        this.modFile = modFile;
    }

    /** The conventional layout: gomod.lock beside go.mod (or go.work), scratch files in target/gomod. */
    public static Workspace of(Path dir) {
        return new Workspace(dir, dir.resolve("gomod.lock"), dir.resolve("target/gomod"));
    }

    /** True in workspace mode: {@code dir} holds the go.work every job uses. */
    public boolean goWorkMode() {
        return goWorkMode;
    }

    public Path goWorkFile() {
        return dir.resolve("go.work");
    }

    /**
     * {@code go} in this workspace's mode: GOWORK names its go.work, or is off, whatever the
     * environment said; with an alternate go.mod, GOFLAGS carries {@code -modfile} (a flag on the
     * command line, such as a scratch copy's, still wins over it).
     */
    public GoCommand go(GoCommand go) {
        GoCommand moded = go.with("GOWORK", goWorkMode ? goWorkFile().toString() : "off");
        return alternateModFile() ? moded.with("GOFLAGS", withModFile(go.environment().get("GOFLAGS"))) : moded;
    }

    /** GOFLAGS with this workspace's {@code -modfile} in place of any the user had. */
    public String withModFile(String goflags) {
        String others = goflags == null ? "" : goflags.replaceAll("(^|\\s)-modfile=\\S+", " ").strip();
        return alternateModFile() ? (others + " -modfile=" + goModFile().toAbsolutePath()).strip() : others;
    }

    /** The go.mod file's name: {@code go.mod}, or the alternate {@code -modfile} names. */
    public String modFileName() {
        return modFile;
    }

    /** True when go reads an alternate go.mod ({@code -modfile}) instead of go.mod. */
    public boolean alternateModFile() {
        return !modFile.equals(GoMod.FILE);
    }

    /** go.work, parsed, read on first use. */
    public GoWork goWork() throws IOException, FormatException {
        if (goWork == null) {
            goWork = GoWork.parse(goWorkFile().toString(), Files.readAllBytes(goWorkFile()));
        }
        return goWork;
    }

    /** The modules go.work uses, in its order, each go.mod parsed strictly; a use without go.mod is the user's mistake. */
    public List<VendorConsistency.WorkspaceModule> workModules() throws IOException, FormatException {
        if (workModules == null) {
            List<VendorConsistency.WorkspaceModule> out = new java.util.ArrayList<>();
            GoWork work = goWork();
            for (String use : work.useDirs()) {
                Path goModFile = dir.resolve(use).resolve("go.mod");
                if (!Files.isRegularFile(goModFile)) {
                    throw new FormatException(work.file(), work.lineOf(use), "use " + use + ": no go.mod in " + dir.resolve(use));
                }
                out.add(new VendorConsistency.WorkspaceModule(use, GoMod.parse(goModFile.toString(), Files.readAllBytes(goModFile), true)));
            }
            workModules = List.copyOf(out);
        }
        return workModules;
    }

    /** What the lock pins of this workspace now: go.work, go.work.sum and each used module's go.mod and go.sum. */
    public GoModLock.Work workFiles() throws IOException, FormatException {
        List<VendorConsistency.WorkspaceModule> modules = workModules();
        return LockDrift.workFiles(dir, modules.stream().map(VendorConsistency.WorkspaceModule::dir).toList(),
                modules.stream().map(m -> m.goMod().modulePath()).toList());
    }

    /**
     * The files the dependency set lives in, relative to {@link #dir}: go.mod and go.sum (or the
     * alternate pair), or in workspace mode go.work, go.work.sum and every used module's go.mod
     * and go.sum. Any of them may be missing but go.mod and go.work.
     */
    public List<String> inputFiles() throws IOException, FormatException {
        if (!goWorkMode) {
            return List.of(modFile, GoMod.sumFileFor(modFile));
        }
        List<String> files = new java.util.ArrayList<>(List.of("go.work", "go.work.sum"));
        for (VendorConsistency.WorkspaceModule m : workModules()) {
            files.add(GoWork.fileIn(m.dir(), "go.mod"));
            files.add(GoWork.fileIn(m.dir(), "go.sum"));
        }
        return files;
    }

    /** A scratch copy, in {@code scratchDir}, of the go.mod file go reads and its .sum file, for {@code go -modfile=<copy>}. */
    public ModFileCopy modFileCopy(Path scratchDir) throws IOException {
        return ModFileCopy.create(goModFile(), goSumFile(), scratchDir);
    }

    /** The main module's path, or in workspace mode every used module's, space-separated in go.work's order. */
    public String mainModules() throws IOException, FormatException {
        return goWorkMode
                ? String.join(" ", workModules().stream().map(m -> m.goMod().modulePath()).toList())
                : goMod().modulePath();
    }

    /** cmd/go's verdicts on a modules.txt in this workspace's mode: against go.mod, or against go.work and every used go.mod. */
    public List<VendorConsistency.Violation> vendorViolations(ModulesTxt txt) throws IOException, FormatException {
        return goWorkMode ? VendorConsistency.checkWorkspace(goWork(), workModules(), txt) : VendorConsistency.check(goMod(), txt);
    }

    /** What go checks vendor/modules.txt against in this mode, for messages. */
    public String vendorReference() {
        return goWorkMode ? "go.work" : "go.mod";
    }

    public Path dir() {
        return dir;
    }

    public Path goModFile() {
        return dir.resolve(modFile);
    }

    /** go.sum, or the alternate go.mod's {@code .sum} file. */
    public Path goSumFile() {
        return dir.resolve(GoMod.sumFileFor(modFile));
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

    /**
     * The file whose go and toolchain lines choose the Go that runs: go.work in workspace mode (go
     * then ignores those lines of every go.mod), go.mod otherwise. Read strictly, on every call.
     */
    public GoMod versionSource() throws IOException, FormatException {
        return goWorkMode ? GoWork.directives(goWorkFile().toString(), Files.readAllBytes(goWorkFile())) : goMod();
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
        goWork = null;
        workModules = null;
        lock = null;
    }

    /**
     * Refuses to go on when there is a lock and go.mod or go.sum no longer match it, or {@code more}
     * drifts were found; nothing to check without a lock.
     */
    public void requireNoDrift(List<LockDrift.Drift> more) throws IOException, FormatException, WorkspaceException {
        Optional<GoModLock> l = lock();
        if (l.isPresent()) {
            List<LockDrift.Drift> drifts = new java.util.ArrayList<>(more);
            if (!l.get().isWork() && !l.get().modFileName().equals(modFile)) {
                drifts.add(0, new LockDrift.Drift(LockDrift.Input.GO_MOD, l.get().modFileName(), modFile, "the go.mod file's name"));
            }
            LockDrift.requireNone(l.get(), lockFile, dir, drifts);
        }
    }

    /** This workspace to itself, across processes and threads, until closed. */
    public WorkspaceLock exclusive() throws IOException {
        return WorkspaceLock.acquire(workDir.resolve("workspace.lck"));
    }
}
