package dev.gomod.freeze;

import dev.gomod.AtomicFile;
import dev.gomod.Reporter;
import dev.gomod.WorkspaceException;
import dev.gomod.WorkspaceException.Reason;
import dev.gomod.audit.Audit;
import dev.gomod.audit.AuditedModules;
import dev.gomod.bundle.BundleKind;
import dev.gomod.bundle.BundleLayout;
import dev.gomod.bundle.BundleSources;
import dev.gomod.bundle.VulndbBundle;
import dev.gomod.bundle.ToolchainBundle;
import dev.gomod.gotool.GoCommand;
import dev.gomod.gotool.GoException;
import dev.gomod.gotool.ModFileCopy;
import dev.gomod.gotool.ToolchainModule;
import dev.gomod.hash.Sha256;
import dev.gomod.lock.GoModLock;
import dev.gomod.lock.LockDrift;
import dev.gomod.lock.PinKey;
import dev.gomod.lock.PinKind;
import dev.gomod.mod.FormatException;
import dev.gomod.mod.GoMod;
import dev.gomod.mod.GoWork;
import dev.gomod.mod.ModulesTxt;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/** The freeze job. */
public record Freeze(Workspace workspace, Reporter reporter, Options options) implements Job<Freeze.Options> {
    /** What freeze wrote. */
    public record Outcome(GoModLock lock, boolean changed, List<BuildList.Module> buildList, Path report, int vendorFiles) {
    }

    /**
     * How to freeze.
     *
     * @param tidy     run {@code go mod tidy} on the user's files first (the one case where freeze changes them)
     * @param pin      the layouts to pin besides vendor/, which freeze always pins: each made in scratch and
     *                 hashed ({@link BundleLayout#freezePin}); a kind not named keeps the pins the lock has
     *                 while go.mod and go.sum are unchanged
     * @param licenses the license policy, asked of the build list (or the scratch vendor tree) before the lock is written
     * @param locked   never write the lock: fail, naming each line, where it would change (cargo's --locked, npm ci)
     * @param audit    audit the dependency set before the lock is written, refusing it as the audit policy says; a null
     *                 database means the one this freeze pins
     */
    public record Options(GoCommand go, DependencyPolicy policy, boolean tidy, List<BundleLayout> pin,
                          LicenseCheck licenses, boolean locked, Optional<Audit.Options> audit) {
        public Options {
            pin = List.copyOf(pin);
            if (locked && tidy) {
                throw new IllegalArgumentException("tidy rewrites go.mod and go.sum, which a locked freeze must not change");
            }
            if (pin.contains(BundleLayout.VENDOR)) {
                throw new IllegalArgumentException("freeze pins vendor/ from its own vendor tree; name only the other layouts");
            }
        }

        public Options(GoCommand go, DependencyPolicy policy, boolean tidy, List<BundleLayout> pin, LicenseCheck licenses, boolean locked) {
            this(go, policy, tidy, pin, licenses, locked, Optional.empty());
        }

        public Options(GoCommand go, DependencyPolicy policy, boolean tidy, List<BundleLayout> pin, LicenseCheck licenses) {
            this(go, policy, tidy, pin, licenses, false);
        }

        /** The same, locked or not. */
        public Options locked(boolean locked) {
            return new Options(go, policy, tidy, pin, licenses, locked, audit);
        }

        /** The same, auditing before the lock is written. */
        public Options audited(Audit.Options options) {
            return new Options(go, policy, tidy, pin, licenses, locked, Optional.of(options));
        }

        /** Asking no license policy. */
        public Options(GoCommand go, DependencyPolicy policy, boolean tidy, List<BundleLayout> pin) {
            this(go, policy, tidy, pin, LicenseCheck.NONE);
        }

        /** The toolchain modules among the layouts to pin: the module cache carries them too. */
        List<ToolchainModule> toolchains() {
            return pin.stream().filter(l -> l instanceof ToolchainBundle).map(l -> ((ToolchainBundle) l).module()).toList();
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
        GoModLock.ModuleFiles files = new GoModLock.ModuleFiles(goMod.modulePath(), goModSha, goSumSha, workspace.modFileName());
        GoModLock previous = Files.isRegularFile(lockFile) ? readQuietly(lockFile) : null;
        GoModLock lock = pin(new GoModLock(files, goMod.goVersion().orElse(null), goMod.toolchain().orElse(null), vendored.goVersion(), null)
                .withPin(PinKey.VENDOR, vendored.hash()), previous, scratch);
        audit(lock, scratch);
        boolean changed = write(lockFile, lock);
        Path report = workDir.resolve("build-list.txt");
        writeReport(report, goMod.modulePath(), vendored, buildList);
        DirectorySwap.deleteTree(scratch);
        reporter.info(lockFile.getFileName() + (changed ? " written" : " unchanged") + ": " + goMod.modulePath() + ", "
                + (buildList.size() - 1) + " modules in the build list, "
                + (vendored.empty() ? "nothing to vendor" : "vendor " + vendored.hash() + " (" + vendored.files() + " files)")
                + otherPins(lock) + ", vendored by " + vendored.goVersion() + "; build list in " + report);
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
        for (BundleLayout l : options.pin()) {
            if (!l.bundleKind().inWorkspaceMode()) {
                // FreezeMojo refuses it first, naming gomod.bundles; this guards other callers of the core
                throw new IllegalArgumentException("a " + l.bundleKind().id() + " bundle of a go.work workspace is not supported yet:"
                        + " pack the vendor tree, or freeze one module outside workspace mode");
            }
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
        GoModLock lock = pin(new GoModLock(files, work.goVersion(), work.toolchain().orElse(null), vendored.goVersion(), null)
                .withPin(PinKey.VENDOR, vendored.hash()), previous, scratch);
        audit(lock, scratch);
        boolean changed = write(lockFile, lock);
        Path report = workspace.workDir().resolve("build-list.txt");
        writeReport(report, "the workspace " + workspace.goWorkFile(), vendored, buildList);
        DirectorySwap.deleteTree(scratch);
        reporter.info(lockFile.getFileName() + (changed ? " written" : " unchanged") + ": workspace of " + modules.size() + " modules ("
                + String.join(", ", modules.stream().map(m -> m.goMod().modulePath()).toList()) + "), "
                + buildList.stream().filter(m -> !m.main()).count() + " other modules in the build list, "
                + (vendored.empty() ? "nothing to vendor" : "vendor " + vendored.hash() + " (" + vendored.files() + " files)")
                + otherPins(lock) + ", vendored by " + vendored.goVersion() + " with go work vendor; build list in " + report);
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
     * The lock's pins besides vendor/. A kind {@link Options#pin} names gets exactly the layouts named,
     * each made and hashed by its layout (which may keep the previous pin where the content cannot
     * have changed); a kind it does not name keeps the previous lock's pins while the inputs are the
     * same (the same go.sum names the same module cache) and loses them otherwise.
     */
    private GoModLock pin(GoModLock lock, GoModLock previous, Path scratch) throws IOException, GoException, WorkspaceException, FormatException {
        boolean sameInputs = previous != null && previous.inputs().equals(lock.inputs());
        BundleSources sources = new BundleSources(workspace, options.go(), scratch, options.toolchains());
        Set<PinKind> named = EnumSet.noneOf(PinKind.class);
        options.pin().forEach(l -> named.add(l.pinKey().kind()));
        GoModLock out = lock;
        if (sameInputs) {
            for (Map.Entry<PinKey, String> e : previous.pins().entrySet()) {
                if (e.getKey().kind() != PinKind.VENDOR && !named.contains(e.getKey().kind())) {
                    out = out.withPin(e.getKey(), e.getValue());
                }
            }
        }
        for (BundleKind kind : BundleKind.values()) {
            List<BundleLayout> layouts = options.pin().stream().filter(l -> l.bundleKind() == kind).toList();
            List<BundleLayout> unpinned = layouts.stream().filter(l -> previous == null || previous.pin(l.pinKey()).isEmpty()).toList();
            if (!unpinned.isEmpty()) {
                unpinned.get(0).checkPinnable(unpinned, sources, reporter);
            }
        }
        for (BundleLayout l : options.pin()) {
            Optional<String> known = previous == null ? Optional.empty() : previous.pin(l.pinKey());
            out = out.withPin(l.pinKey(), l.freezePin(sources, known, reporter));
        }
        return out;
    }

    /**
     * The audit of the dependency set about to be locked: the modules of the scratch vendor tree, the
     * Go the new lock names, the database named or the one this freeze just made. A set the audit
     * policy refuses is not locked.
     */
    private void audit(GoModLock lock, Path scratch) throws IOException, FormatException, WorkspaceException, GoException {
        if (options.audit().isEmpty()) {
            return;
        }
        Audit.Options a = options.audit().get();
        if (a.database() == null) {
            if (options.pin().stream().noneMatch(l -> l.bundleKind() == BundleKind.VULNDB)) {
                throw new IllegalArgumentException("an audit before the lock is written needs a database: name one, or pin one in this freeze");
            }
            a = a.withDatabase(VulndbBundle.madeIn(scratch));
        }
        Path modulesTxt = scratch.resolve("vendor").resolve("modules.txt");
        AuditedModules modules = Files.isRegularFile(modulesTxt)
                ? AuditedModules.fromModulesTxt(ModulesTxt.parse(Files.readAllBytes(modulesTxt)), "the vendor tree freeze made")
                : new AuditedModules(List.of(), "no dependencies");
        try {
            new Audit(workspace, reporter, a).runBefore(modules, lock);
        } catch (WorkspaceException e) {
            if (e.reason() == Reason.VULNERABLE) {
                reporter.warn(workspace.lockFile().getFileName() + " was not written: the audit refuses this dependency set");
            }
            throw e;
        }
    }

    /** The pins besides vendor/, for the log line: {@code , modcache h1:…, golang.org/toolchain v0.0.1-go1.26.8.linux-amd64 …}. */
    private static String otherPins(GoModLock lock) {
        StringBuilder b = new StringBuilder();
        for (PinKind kind : PinKind.values()) {
            SortedMap<String, String> pins = lock.pins(kind);
            if (kind != PinKind.VENDOR && !pins.isEmpty()) {
                b.append(", ").append(kind.key()).append(' ').append(String.join(" ", kind.qualified() ? pins.keySet() : pins.values()));
            }
        }
        return b.toString();
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
