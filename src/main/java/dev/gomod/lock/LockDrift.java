package dev.gomod.lock;

import dev.gomod.WorkspaceException;
import dev.gomod.hash.DirHash;
import dev.gomod.hash.Sha256;
import dev.gomod.mod.GoMod;
import dev.gomod.mod.GoWork;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a module directory differs from its lock: go.mod and go.sum digests, and the vendor tree hash
 * when both the lock and the directory have a vendor tree.
 */
public final class LockDrift {
    /** What drifted: an input file, or a pinned artifact ({@link PinKind}). */
    public sealed interface Item permits Input, PinKind {
        /** The file or tree, as messages name it. */
        String what();
    }

    /** The files a lock is frozen from. */
    public enum Input implements Item {
        GO_MOD("go.mod"), GO_SUM("go.sum"), GO_WORK("go.work"), GO_WORK_SUM("go.work.sum");

        private final String what;

        Input(String what) {
            this.what = what;
        }

        @Override
        public String what() {
            return what;
        }
    }

    /** One difference: what the lock says and what the workspace has; {@code file} names a workspace module's file. */
    public record Drift(Item item, String locked, String actual, String file) {
        public Drift(Item item, String locked, String actual) {
            this(item, locked, actual, null);
        }

        @Override
        public String toString() {
            return what() + " changed: lock has " + locked + ", workspace has " + actual;
        }

        /** The file or tree that drifted, as messages name it. */
        public String what() {
            return file != null ? file : item.what();
        }
    }

    /** The drifts found, and whether vendor/ was hashed (absent trees are not compared). */
    public record Result(List<Drift> drifts, boolean vendorChecked, int vendorFiles) {
        public boolean clean() {
            return drifts.isEmpty();
        }
    }

    private LockDrift() {
    }

    /** The sha256 the lock records for go.sum, or {@link GoModLock#NONE} when there is none. */
    public static String goSumDigest(Path moduleDir) throws IOException {
        return digestOrNone(moduleDir.resolve("go.sum"));
    }

    /** A file's sha256, or {@link GoModLock#NONE} when it does not exist (go.sum, go.work.sum). */
    public static String digestOrNone(Path file) throws IOException {
        return Files.exists(file) ? Sha256.hex(file) : GoModLock.NONE;
    }

    /** What a workspace lock pins for {@code workDir} now: go.work, go.work.sum and each used module's files. */
    public static GoModLock.Work workFiles(Path workDir, java.util.List<String> useDirs, java.util.List<String> modulePaths) throws IOException {
        java.util.List<GoModLock.Use> uses = new ArrayList<>();
        for (int i = 0; i < useDirs.size(); i++) {
            Path dir = workDir.resolve(useDirs.get(i));
            uses.add(new GoModLock.Use(useDirs.get(i), modulePaths.get(i), digestOrNone(dir.resolve("go.mod")), goSumDigest(dir)));
        }
        return new GoModLock.Work(Sha256.hex(workDir.resolve("go.work")), digestOrNone(workDir.resolve("go.work.sum")), uses);
    }

    /** The vendor tree hash: every file under vendor/, named {@code vendor/<relative path>}. */
    public static String vendorHash(Path vendorDir) throws IOException {
        return DirHash.hashDir(vendorDir, "vendor");
    }

    /** go.mod and go.sum against the lock: what vendoring and packing start from. */
    public static List<Drift> checkInputs(GoModLock lock, Path moduleDir) throws IOException {
        if (lock.isWork()) {
            return checkWork(lock.work(), moduleDir);
        }
        List<Drift> drifts = new ArrayList<>();
        // the files the lock was frozen from: go.mod and go.sum, or an alternate pair (-modfile)
        String modFile = lock.modFileName();
        String sumFile = GoMod.sumFileFor(modFile);
        boolean alternate = !modFile.equals(GoMod.FILE);
        String goMod = digestOrNone(moduleDir.resolve(modFile));
        if (!goMod.equals(lock.goModSha256())) {
            drifts.add(new Drift(Input.GO_MOD, "sha256:" + lock.goModSha256(), label(goMod, modFile), alternate ? modFile : null));
        }
        String goSum = digestOrNone(moduleDir.resolve(sumFile));
        if (!goSum.equals(lock.goSumSha256())) {
            drifts.add(new Drift(Input.GO_SUM, label(lock.goSumSha256(), sumFile), label(goSum, sumFile), alternate ? sumFile : null));
        }
        return drifts;
    }

    /** go.work, go.work.sum and every locked module's go.mod and go.sum (a changed use list changes go.work). */
    public static List<Drift> checkWork(GoModLock.Work work, Path workDir) throws IOException {
        List<Drift> drifts = new ArrayList<>();
        String goWork = digestOrNone(workDir.resolve("go.work"));
        if (!goWork.equals(work.goWorkSha256())) {
            drifts.add(new Drift(Input.GO_WORK, label(work.goWorkSha256()), label(goWork, "go.work")));
        }
        String goWorkSum = digestOrNone(workDir.resolve("go.work.sum"));
        if (!goWorkSum.equals(work.goWorkSumSha256())) {
            drifts.add(new Drift(Input.GO_WORK_SUM, label(work.goWorkSumSha256(), "go.work.sum"), label(goWorkSum, "go.work.sum")));
        }
        for (GoModLock.Use u : work.uses()) {
            Path dir = workDir.resolve(u.dir());
            String goMod = digestOrNone(dir.resolve("go.mod"));
            if (!goMod.equals(u.goModSha256())) {
                drifts.add(new Drift(Input.GO_MOD, label(u.goModSha256()), label(goMod, "go.mod"), GoWork.fileIn(u.dir(), "go.mod")));
            }
            String goSum = goSumDigest(dir);
            if (!goSum.equals(u.goSumSha256())) {
                drifts.add(new Drift(Input.GO_SUM, label(u.goSumSha256()), label(goSum), GoWork.fileIn(u.dir(), "go.sum")));
            }
        }
        return drifts;
    }

    /**
     * Refuses to go on when go.mod or go.sum no longer match the lock, or when {@code more} drifts
     * were found: vendoring, packing or restoring would not reproduce what was frozen.
     */
    public static void requireNone(GoModLock lock, Path lockFile, Path moduleDir, List<Drift> more)
            throws IOException, WorkspaceException {
        List<Drift> drifts = new ArrayList<>(checkInputs(lock, moduleDir));
        drifts.addAll(more);
        if (!drifts.isEmpty()) {
            throw new WorkspaceException(WorkspaceException.Reason.DRIFT, lockFile + " no longer matches " + moduleDir + ":\n  "
                    + String.join("\n  ", drifts.stream().map(Object::toString).toList()),
                    java.util.Map.of("lock", lockFile.getFileName().toString()));
        }
    }

    /** go.mod, go.sum and, when both the lock and the directory have one, the vendor tree. */
    public static Result check(GoModLock lock, Path moduleDir) throws IOException {
        List<Drift> drifts = new ArrayList<>(checkInputs(lock, moduleDir));
        Path vendor = moduleDir.resolve("vendor");
        boolean vendorChecked = false;
        int files = 0;
        String pinned = lock.pin(PinKey.VENDOR).orElse(null);
        if (pinned != null && Files.isDirectory(vendor, LinkOption.NOFOLLOW_LINKS)) {
            List<DirHash.FileSource> list = DirHash.listDir(vendor, "vendor");
            files = list.size();
            String actual = DirHash.hashParallel(list, Runtime.getRuntime().availableProcessors());
            vendorChecked = true;
            if (!actual.equals(pinned)) {
                drifts.add(new Drift(PinKind.VENDOR, pinned, actual));
            }
        }
        return new Result(drifts, vendorChecked, files);
    }

    private static String label(String digest) {
        return label(digest, "go.sum");
    }

    private static String label(String digest, String file) {
        return GoModLock.NONE.equals(digest) ? "no " + file : "sha256:" + digest;
    }
}
