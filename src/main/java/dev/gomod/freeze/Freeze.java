package dev.gomod.freeze;

import dev.gomod.AtomicFile;
import dev.gomod.Reporter;
import dev.gomod.WorkspaceException;
import dev.gomod.WorkspaceException.Reason;
import dev.gomod.bundle.BundleLayout;
import dev.gomod.bundle.ModcacheBundle;
import dev.gomod.bundle.ToolchainBundle;
import dev.gomod.gotool.GoCommand;
import dev.gomod.gotool.GoException;
import dev.gomod.gotool.ModFileCopy;
import dev.gomod.gotool.ToolchainModule;
import dev.gomod.hash.DirHash;
import dev.gomod.hash.Sha256;
import dev.gomod.lock.GoModLock;
import dev.gomod.lock.LockDrift;
import dev.gomod.mod.FormatException;
import dev.gomod.mod.GoMod;
import dev.gomod.mod.GoWork;
import dev.gomod.mod.VendorConsistency;
import dev.gomod.workspace.DirectorySwap;
import dev.gomod.workspace.Job;
import dev.gomod.workspace.Workspace;
import dev.gomod.vendoring.ScratchVendor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/** The freeze job. */
public record Freeze(Workspace workspace, Reporter reporter, Options options) implements Job<Freeze.Options> {
    /** What freeze wrote. */
    public record Outcome(GoModLock lock, boolean changed, List<BuildList.Module> buildList, Path report, int vendorFiles) {
    }

    /**
     * How to freeze.
     *
     * @param tidy        run {@code go mod tidy} on the user's files first (the one case where freeze changes them)
     * @param pinModcache also download the module cache into a scratch GOMODCACHE and record its hash in the lock
     * @param toolchains  the toolchains to pin (one per platform); none: the lock keeps the pins it has while go.mod is unchanged
     * @param licenses    the license policy, asked of the build list (or the scratch vendor tree) before the lock is written
     * @param locked      never write the lock: fail, naming each line, where it would change (cargo's --locked, npm ci)
     */
    public record Options(GoCommand go, DependencyPolicy policy, boolean tidy, boolean pinModcache, List<ToolchainBundle> toolchains,
                          LicenseCheck licenses, boolean locked) {
        public Options {
            toolchains = List.copyOf(toolchains);
            if (locked && tidy) {
                throw new IllegalArgumentException("tidy rewrites go.mod and go.sum, which a locked freeze must not change");
            }
        }

        public Options(GoCommand go, DependencyPolicy policy, boolean tidy, boolean pinModcache, List<ToolchainBundle> toolchains,
                       LicenseCheck licenses) {
            this(go, policy, tidy, pinModcache, toolchains, licenses, false);
        }

        /** The same, locked or not. */
        public Options locked(boolean locked) {
            return new Options(go, policy, tidy, pinModcache, toolchains, licenses, locked);
        }

        /** Asking no license policy. */
        public Options(GoCommand go, DependencyPolicy policy, boolean tidy, boolean pinModcache, List<ToolchainBundle> toolchains) {
            this(go, policy, tidy, pinModcache, toolchains, LicenseCheck.NONE);
        }

        /** Pinning no toolchain. */
        public Options(GoCommand go, DependencyPolicy policy, boolean tidy, boolean pinModcache) {
            this(go, policy, tidy, pinModcache, List.of());
        }
    }

    public Outcome run() throws IOException, GoException, WorkspaceException, FormatException {
        if (workspace.goWorkMode()) {
            return runWork();
        }
        GoCommand go = workspace.go(options.go());
        Path moduleDir = workspace.dir();
        Path lockFile = workspace.lockFile();
        Path workDir = workspace.workDir();
        Path goModFile = workspace.goModFile();
        if (options.tidy()) {
            go.run(moduleDir, "mod", "tidy");
            reporter.info("ran go mod tidy on " + goModFile);
            workspace.reread();
        }
        GoMod goMod = workspace.goMod();
        Path scratch = workDir.resolve("freeze");
        DirectorySwap.deleteTree(scratch);

        ModFileCopy copy = workspace.modFileCopy(scratch.resolve("modfile"));
        List<String> untidy = TidyCheck.differences(go, moduleDir, copy);
        if (!untidy.isEmpty()) {
            throw new WorkspaceException(Reason.NOT_TIDY, moduleDir + " is not tidy; go mod tidy would change:\n  " + String.join("\n  ", untidy));
        }

        List<BuildList.Module> buildList = BuildList.load(go, moduleDir, copy.flag());
        List<String> violations = options.policy().violations(goMod, buildList);
        if (!violations.isEmpty()) {
            throw new WorkspaceException(Reason.POLICY, "dependency policy violated:\n  " + String.join("\n  ", violations));
        }

        ScratchVendor.Result vendored = new ScratchVendor(go).vendor(moduleDir, workspace.modFileCopy(scratch.resolve("vendor-modfile")),
                goMod, scratch.resolve("vendor"));
        requireLicenses(go, moduleDir, copy.flag(), buildList, scratch.resolve("vendor"));
        String goModSha = Sha256.hex(goModFile);
        String goSumSha = LockDrift.digestOrNone(workspace.goSumFile());
        GoModLock previous = Files.isRegularFile(lockFile) ? readQuietly(lockFile) : null;
        boolean sameInputs = previous != null && !previous.isWork() && previous.modFileName().equals(workspace.modFileName())
                && previous.goModSha256().equals(goModSha) && previous.goSumSha256().equals(goSumSha);
        String modcache;
        if (options.pinModcache()) {
            Path download = ModcacheBundle.download(go, moduleDir, workspace.goSumFile(), scratch.resolve("modcache"),
                    options.toolchains().stream().map(ToolchainBundle::module).toList());
            modcache = BundleLayout.MODCACHE.hash(download);
        } else {
            // The module-cache hash stays valid while go.mod and go.sum do: the same go.sum names the same files.
            modcache = sameInputs ? previous.modcacheHash() : null;
        }
        GoModLock lock = new GoModLock(goMod.modulePath(), goMod.goVersion().orElse(null), goMod.toolchain().orElse(null),
                vendored.goVersion(), goModSha, goSumSha, vendored.hash(), modcache,
                options.toolchains().isEmpty() ? (sameInputs ? previous.toolchains() : null) : toolchainPins(previous, scratch.resolve("toolchain")))
                .withModFile(workspace.modFileName());

        boolean changed = write(lockFile, lock);
        Path report = workDir.resolve("build-list.txt");
        writeReport(report, goMod.modulePath(), vendored, buildList);
        DirectorySwap.deleteTree(scratch);
        reporter.info(lockFile.getFileName() + (changed ? " written" : " unchanged") + ": " + goMod.modulePath() + ", "
                + (buildList.size() - 1) + " modules in the build list, "
                + (vendored.empty() ? "nothing to vendor" : "vendor " + vendored.hash() + " (" + vendored.files() + " files)")
                + (lock.modcacheHash() == null ? "" : ", modcache " + lock.modcacheHash())
                + (lock.toolchains().isEmpty() ? "" : ", toolchains " + String.join(" ", lock.toolchains().keySet()))
                + ", vendored by " + vendored.goVersion() + "; build list in " + report);
        return new Outcome(lock, changed, buildList, report, vendored.files());
    }

    /**
     * Freeze in workspace mode: each used module tidy on its own, the policy over the workspace's
     * build list, {@code go work vendor}, and a lock of format 2 over go.work and every module's files.
     */
    private Outcome runWork() throws IOException, GoException, WorkspaceException, FormatException {
        GoCommand moduleGo = options.go().with("GOWORK", "off"); // tidy is per module; go.work plays no part in it
        GoCommand go = workspace.go(options.go());
        Path workDir = workspace.dir();
        Path lockFile = workspace.lockFile();
        Path scratch = workspace.workDir().resolve("freeze");
        DirectorySwap.deleteTree(scratch);
        if (options.pinModcache()) {
            // FreezeMojo refuses it first, naming gomod.bundles; this guards other callers of the core
            throw new IllegalArgumentException("a module-cache bundle of a go.work workspace is not supported yet:"
                    + " pack the vendor tree, or freeze one module outside workspace mode");
        }
        if (options.tidy()) {
            for (String use : workspace.goWork().useDirs()) {
                moduleGo.run(workDir.resolve(use), "mod", "tidy");
                reporter.info("ran go mod tidy in " + workDir.resolve(use));
            }
            workspace.reread();
        }
        GoWork work = workspace.goWork();
        List<VendorConsistency.WorkspaceModule> modules = workspace.workModules();
        List<String> untidy = new java.util.ArrayList<>();
        for (VendorConsistency.WorkspaceModule m : modules) {
            Path dir = workDir.resolve(m.dir());
            ModFileCopy copy = ModFileCopy.create(dir, scratch.resolve("modfile").resolve(m.dir().equals(".") ? "_root" : m.dir()));
            for (String d : TidyCheck.differences(moduleGo, dir, copy)) {
                untidy.add(GoWork.fileIn(m.dir(), d));
            }
        }
        if (!untidy.isEmpty()) {
            throw new WorkspaceException(Reason.NOT_TIDY, "modules of " + workspace.goWorkFile()
                    + " are not tidy; go mod tidy in each would change:\n  " + String.join("\n  ", untidy));
        }
        List<BuildList.Module> buildList = BuildList.load(go, workDir, null);
        List<String> violations = options.policy().violations(work, modules, buildList);
        if (!violations.isEmpty()) {
            throw new WorkspaceException(Reason.POLICY, "dependency policy violated:\n  " + String.join("\n  ", violations));
        }
        ScratchVendor.Result vendored = new ScratchVendor(go).vendorWorkspace(workspace, scratch.resolve("vendor"));
        requireLicenses(go, workDir, null, buildList, scratch.resolve("vendor"));
        GoModLock.Work files = workspace.workFiles();
        GoModLock previous = Files.isRegularFile(lockFile) ? readQuietly(lockFile) : null;
        boolean sameInputs = previous != null && files.equals(previous.work());
        GoModLock lock = GoModLock.ofWork(work.goVersion(), work.toolchain().orElse(null), vendored.goVersion(), files, vendored.hash(), null,
                options.toolchains().isEmpty() ? (sameInputs ? previous.toolchains() : null) : toolchainPins(previous, scratch.resolve("toolchain")));
        boolean changed = write(lockFile, lock);
        Path report = workspace.workDir().resolve("build-list.txt");
        writeReport(report, "the workspace " + workspace.goWorkFile(), vendored, buildList);
        DirectorySwap.deleteTree(scratch);
        reporter.info(lockFile.getFileName() + (changed ? " written" : " unchanged") + ": workspace of " + modules.size() + " modules ("
                + String.join(", ", modules.stream().map(m -> m.goMod().modulePath()).toList()) + "), "
                + buildList.stream().filter(m -> !m.main()).count() + " other modules in the build list, "
                + (vendored.empty() ? "nothing to vendor" : "vendor " + vendored.hash() + " (" + vendored.files() + " files)")
                + (lock.toolchains().isEmpty() ? "" : ", toolchains " + String.join(" ", lock.toolchains().keySet()))
                + ", vendored by " + vendored.goVersion() + " with go work vendor; build list in " + report);
        return new Outcome(lock, changed, buildList, report, vendored.files());
    }

    private void requireLicenses(GoCommand go, Path dir, String modfileFlag, List<BuildList.Module> buildList, Path vendorDir)
            throws IOException, GoException, FormatException, WorkspaceException {
        List<Path> inputs = new java.util.ArrayList<>();
        for (String name : workspace.inputFiles()) {
            inputs.add(workspace.dir().resolve(name));
        }
        List<String> violations = options.licenses().violations(go, dir, modfileFlag, buildList, vendorDir, inputs);
        if (!violations.isEmpty()) {
            throw new WorkspaceException(Reason.POLICY, "license policy violated (" + workspace.lockFile().getFileName() + " not written):\n  "
                    + String.join("\n  ", violations));
        }
    }

    /**
     * The h1 of each toolchain's module zip. A release's zip never changes (Go's checksum database
     * holds it), so a pin the lock already has is kept; the others are downloaded through go, which
     * checks them against that database.
     */
    private SortedMap<String, String> toolchainPins(GoModLock previous, Path scratch) throws IOException, GoException, WorkspaceException {
        SortedMap<String, String> pins = new TreeMap<>();
        requireListed(previous, scratch);
        for (ToolchainBundle t : options.toolchains()) {
            String version = t.module().version();
            String known = previous == null ? null : previous.toolchains().get(version);
            if (known != null) {
                pins.put(version, known);
                continue;
            }
            Path zip = t.download(options.go(), scratch);
            pins.put(version, DirHash.hashZip(zip));
            reporter.info("pinned " + t.module() + " " + pins.get(version) + " (" + Files.size(zip) + " bytes)");
        }
        return pins;
    }

    /**
     * Refuses, before anything is downloaded, a toolchain the lock does not pin yet for a platform
     * the GOPROXY chain does not list for that release, naming the ones it lists.
     */
    private void requireListed(GoModLock previous, Path scratch) throws IOException, WorkspaceException {
        List<ToolchainModule> wanted = options.toolchains().stream().map(ToolchainBundle::module)
                .filter(m -> previous == null || !previous.toolchains().containsKey(m.version())).toList();
        if (wanted.isEmpty()) {
            return;
        }
        String release = wanted.get(0).go();
        SortedSet<String> listed;
        try {
            listed = ToolchainBundle.listedPlatforms(options.go(), scratch, release);
        } catch (GoException e) {
            reporter.info("could not ask the GOPROXY chain which platforms it has for " + release + " (" + e.getMessage().lines().findFirst()
                    .orElse("") + "): the platforms are checked by the download alone");
            return;
        }
        List<String> unlisted = wanted.stream().map(ToolchainModule::platform).filter(p -> !listed.contains(p)).toList();
        if (!listed.isEmpty() && !unlisted.isEmpty()) {
            throw new WorkspaceException(Reason.UNLISTED_PLATFORM, "the GOPROXY chain lists " + release + " for " + String.join(", ", listed)
                    + ", not for " + String.join(", ", unlisted), Map.of("platforms", String.join(",", listed)));
        }
    }

    private static GoModLock readQuietly(Path lockFile) throws IOException {
        try {
            return GoModLock.parse(lockFile.toString(), Files.readAllBytes(lockFile));
        } catch (FormatException e) {
            return null; // freeze rewrites a damaged lock from scratch
        }
    }

    /**
     * Writes the lock when its bytes differ from the file's; returns whether it did. Locked, a
     * difference is refused, naming each line that would go and come.
     */
    private boolean write(Path lockFile, GoModLock lock) throws IOException, WorkspaceException {
        byte[] bytes = lock.toBytes();
        byte[] old = Files.exists(lockFile) ? Files.readAllBytes(lockFile) : null;
        boolean changed = old == null || !Arrays.equals(old, bytes);
        if (changed && options.locked()) {
            String name = lockFile.getFileName().toString();
            throw new WorkspaceException(Reason.LOCKED, old == null ? name + " does not exist, and freeze is locked: it would write it"
                    : name + " would change, and freeze is locked (nothing was written):\n  " + String.join("\n  ", LineDiff.changes(name,
                    List.of(new String(old, StandardCharsets.UTF_8).split("\n")), List.of(new String(bytes, StandardCharsets.UTF_8).split("\n")),
                    l -> l, "", "")), Map.of("lock", name));
        }
        if (changed) {
            AtomicFile.write(lockFile, bytes);
        }
        return changed;
    }

    /** build-list.txt: the build list but the main module(s), under a line naming what it is of. */
    private void writeReport(Path report, String of, ScratchVendor.Result vendored, List<BuildList.Module> buildList) throws IOException {
        StringBuilder b = new StringBuilder("# build list of ").append(of)
                .append(" (go list -m all, ").append(vendored.goVersion()).append(")\n");
        for (BuildList.Module m : buildList) {
            if (!m.main()) {
                b.append(m.line()).append('\n');
            }
        }
        AtomicFile.write(report, b.toString().getBytes(StandardCharsets.UTF_8));
    }
}
