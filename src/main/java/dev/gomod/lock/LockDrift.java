package dev.gomod.lock;

import dev.gomod.WorkspaceException;
import dev.gomod.hash.DirHash;
import dev.gomod.hash.Sha256;

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
    /** What drifted. */
    public enum Item { GO_MOD, GO_SUM, VENDOR, MODCACHE, TOOLCHAIN }

    /** One difference: what the lock says and what the workspace has. */
    public record Drift(Item item, String locked, String actual) {
        @Override
        public String toString() {
            String what = switch (item) {
                case GO_MOD -> "go.mod";
                case GO_SUM -> "go.sum";
                case VENDOR -> "vendor/";
                case MODCACHE -> "module cache";
                case TOOLCHAIN -> "Go toolchain";
            };
            return what + " changed: lock has " + locked + ", workspace has " + actual;
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
        Path goSum = moduleDir.resolve("go.sum");
        return Files.exists(goSum) ? Sha256.hex(goSum) : GoModLock.NONE;
    }

    /** The vendor tree hash: every file under vendor/, named {@code vendor/<relative path>}. */
    public static String vendorHash(Path vendorDir) throws IOException {
        return DirHash.hashDir(vendorDir, "vendor");
    }

    /** go.mod and go.sum against the lock: what vendoring and packing start from. */
    public static List<Drift> checkInputs(GoModLock lock, Path moduleDir) throws IOException {
        List<Drift> drifts = new ArrayList<>();
        String goMod = Sha256.hex(moduleDir.resolve("go.mod"));
        if (!goMod.equals(lock.goModSha256())) {
            drifts.add(new Drift(Item.GO_MOD, "sha256:" + lock.goModSha256(), "sha256:" + goMod));
        }
        String goSum = goSumDigest(moduleDir);
        if (!goSum.equals(lock.goSumSha256())) {
            drifts.add(new Drift(Item.GO_SUM, label(lock.goSumSha256()), label(goSum)));
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
        if (lock.vendorHash() != null && Files.isDirectory(vendor, LinkOption.NOFOLLOW_LINKS)) {
            List<DirHash.FileSource> list = DirHash.listDir(vendor, "vendor");
            files = list.size();
            String actual = DirHash.hashParallel(list, Runtime.getRuntime().availableProcessors());
            vendorChecked = true;
            if (!actual.equals(lock.vendorHash())) {
                drifts.add(new Drift(Item.VENDOR, lock.vendorHash(), actual));
            }
        }
        return new Result(drifts, vendorChecked, files);
    }

    private static String label(String digest) {
        return GoModLock.NONE.equals(digest) ? "no go.sum" : "sha256:" + digest;
    }
}
