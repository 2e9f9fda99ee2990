package dev.gomod.verify;

import dev.gomod.Reporter;
import dev.gomod.lock.GoModLock;
import dev.gomod.lock.LockDrift;
import dev.gomod.lock.PinKey;
import dev.gomod.lock.PinKind;
import dev.gomod.mod.FormatException;
import dev.gomod.mod.GoMod;
import dev.gomod.mod.GoSum;
import dev.gomod.mod.GoReleases;
import dev.gomod.mod.GoVersion;
import dev.gomod.mod.GoWork;
import dev.gomod.mod.ModulesTxt;
import dev.gomod.mod.VendorConsistency;
import dev.gomod.proxy.ModuleSumCheck;
import dev.gomod.proxy.ProxyLayout;

import dev.gomod.workspace.Job;
import dev.gomod.workspace.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The verify job: runs every check that applies to a workspace (go.mod, go.sum, vendor/modules.txt,
 * the lock, optionally a module cache) and collects the findings; needs no Go and no network. Notes,
 * what could not be checked, go to the reporter as warnings. In workspace mode the same checks run
 * over go.work: each used go.mod's go line, modules.txt by go's workspace rules, every go.sum and
 * go.work.sum against a module cache, and a lock of format 2.
 */
public record WorkspaceCheck(Workspace workspace, Reporter reporter, Options options) implements Job<WorkspaceCheck.Options> {
    /** Which check a finding comes from; each has its own remedy. */
    public enum Category { VENDOR_CONSISTENCY, GO_TOO_OLD, GODEBUG_REMOVED, MODULE_SUM, MODULE_MISSING, LOCK_DRIFT }

    /** One thing that is wrong. */
    public record Finding(Category category, String message) {
    }

    /** Everything found, and a one-line account of what was checked. */
    public record Report(List<Finding> findings, List<String> notes, String summary) {
        public boolean clean() {
            return findings.isEmpty();
        }

        public List<Finding> of(Category c) {
            return findings.stream().filter(f -> f.category() == c).toList();
        }
    }


    /**
     * What to check besides go.mod, go.sum, vendor/ and the lock.
     *
     * @param modcache     a GOMODCACHE or GOPROXY-layout directory to check against go.sum; null for none
     * @param allowMissing report files go.sum names but the module cache lacks as notes instead of findings
     * @param builder      the release of the Go that will build (null: unknown, rules not applied); Go 1.21
     *                     and later refuse a go.mod, or a vendored module's {@code ## go} line, newer than themselves
     */
    public record Options(Path modcache, boolean allowMissing, GoVersion builder) {
        public static final Options NONE = new Options(null, false, null);

        public Options modcache(Path dir) {
            return new Options(dir, allowMissing, builder);
        }

        public Options allowMissing(boolean allow) {
            return new Options(modcache, allow, builder);
        }

        public Options builder(GoVersion goRelease) {
            return new Options(modcache, allowMissing, goRelease);
        }
    }

    /**
     * @throws FormatException when go.mod, go.sum or gomod.lock cannot be read as their format
     * @throws IOException     when files cannot be read
     */
    public Report run() throws FormatException, IOException {
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> checked = new ArrayList<>();

        GoSum goSum;
        String mainModules;
        if (workspace.goWorkMode()) {
            // go.work and the go.mod of every module it uses, as go reads them in workspace mode
            GoWork work = workspace.goWork();
            tooNew("go.work", work.goVersion(), findings, notes);
            removedGodebugs("go.work", work.godebugs(), findings);
            List<GoSum.Entry> sums = new ArrayList<>(sumEntries(workspace.dir().resolve("go.work.sum")));
            for (VendorConsistency.WorkspaceModule m : workspace.workModules()) {
                m.goMod().goVersion().ifPresent(v -> tooNew(GoWork.fileIn(m.dir(), "go.mod"), v, findings, notes));
                sums.addAll(sumEntries(workspace.dir().resolve(m.dir()).resolve("go.sum")));
            }
            checked.add("go.work (" + workspace.workModules().size() + " modules)");
            goSum = GoSum.of(sums.stream().distinct().toList());
            mainModules = workspace.mainModules();
        } else {
            Path goModFile = workspace.goModFile();
            String name = workspace.modFileName();
            if (!Files.isRegularFile(goModFile)) {
                throw new FormatException(goModFile.toString(), 0, "no " + name + " in " + workspace.dir());
            }
            GoMod goMod = GoMod.parse(goModFile.toString(), Files.readAllBytes(goModFile), true);
            checked.add(name + " (" + goMod.requires().size() + " requires)");
            goMod.goVersion().ifPresent(v -> tooNew(name, v, findings, notes));
            removedGodebugs(name, goMod.godebugs(), findings); // go reads a module's godebug lines outside workspace mode only
            Path goSumFile = workspace.goSumFile();
            goSum = Files.isRegularFile(goSumFile) ? GoSum.parse(goSumFile.toString(), Files.readAllBytes(goSumFile)) : null;
            mainModules = goMod.modulePath();
        }

        checkVendor(findings, notes, checked);
        if (options.modcache() != null) {
            checkModcache(goSum, findings, notes, checked);
        }
        checkLock(mainModules, findings, notes, checked);

        String summary = "checked " + String.join(", ", checked) + ": "
                + (findings.isEmpty() ? "all consistent" : findings.size() + " problem(s)");
        notes.forEach(reporter::warn);
        return new Report(findings, notes, summary);
    }

    private static List<GoSum.Entry> sumEntries(Path file) throws IOException, FormatException {
        return Files.isRegularFile(file) ? GoSum.parse(file.toString(), Files.readAllBytes(file)).entries() : List.of();
    }

    private void checkVendor(List<Finding> findings, List<String> notes, List<String> checked) throws IOException, FormatException {
        Path vendor = workspace.dir().resolve("vendor");
        if (!Files.isDirectory(vendor, LinkOption.NOFOLLOW_LINKS)) {
            notes.add("no vendor/ directory: modules.txt consistency not checked");
            return;
        }
        Path txtFile = vendor.resolve("modules.txt");
        ModulesTxt txt = ModulesTxt.parse(Files.isRegularFile(txtFile) ? Files.readAllBytes(txtFile) : new byte[0]);
        for (VendorConsistency.Violation v : workspace.vendorViolations(txt)) {
            findings.add(new Finding(Category.VENDOR_CONSISTENCY, v.toString()));
        }
        for (ModulesTxt.Module m : txt.modules()) {
            m.goVersion().ifPresent(v -> tooNew(m.module().path() + " in vendor/modules.txt", v, findings, notes));
        }
        checked.add("vendor/modules.txt (" + txt.withPackages().size() + " modules, " + txt.packageCount() + " packages)");
    }

    /**
     * cmd/go's rule since 1.21, in its words: what declares a newer go than the Go that builds is
     * fatal. Go before 1.21 builds it anyway (and names the version only if compiling fails): a note.
     */
    private void tooNew(String what, String declared, List<Finding> findings, List<String> notes) {
        Optional<GoVersion> v = GoVersion.parse(declared);
        if (options.builder() == null || v.isEmpty() || !v.get().isNewerThan(options.builder())) {
            return;
        }
        if (options.builder().atLeast(GoReleases.STRICT)) {
            findings.add(new Finding(Category.GO_TOO_OLD, what + " requires go >= " + declared + " (running go " + options.builder() + ")"));
        } else {
            notes.add(what + " declares go " + declared + ", newer than go " + options.builder()
                    + ": Go before 1.21 builds it anyway, and fails only where newer language features are used");
        }
    }

    /** cmd/go's check of the godebug lines it reads (modload.CheckGodebug), for the settings the Go that builds removed. */
    private void removedGodebugs(String file, List<GoMod.Godebug> godebugs, List<Finding> findings) {
        if (options.builder() == null) {
            return;
        }
        for (GoMod.Godebug g : godebugs) {
            GoReleases.removedGodebug(options.builder(), g.key(), g.value())
                    .ifPresent(m -> findings.add(new Finding(Category.GODEBUG_REMOVED, file + ":" + g.line() + ": " + m)));
        }
    }

    private void checkModcache(GoSum goSum, List<Finding> findings, List<String> notes, List<String> checked) throws IOException {
        if (!Files.isDirectory(options.modcache())) {
            throw new IOException("module cache directory " + options.modcache() + " does not exist");
        }
        if (goSum == null) {
            notes.add("no go.sum: nothing to check in " + options.modcache());
            return;
        }
        ProxyLayout layout = ProxyLayout.at(options.modcache());
        ModuleSumCheck.Report r = ModuleSumCheck.check(layout, goSum, Math.max(1, Runtime.getRuntime().availableProcessors()));
        for (ModuleSumCheck.Mismatch m : r.mismatches()) {
            findings.add(new Finding(Category.MODULE_SUM, m.toString()));
        }
        for (String s : r.invalid()) {
            findings.add(new Finding(Category.MODULE_SUM, s));
        }
        for (ModuleSumCheck.Missing m : r.missing()) {
            if (options.allowMissing()) {
                notes.add(m.toString());
            } else {
                findings.add(new Finding(Category.MODULE_MISSING, m.toString()));
            }
        }
        checked.add("module cache " + layout.root() + " (" + r.zipsChecked() + " zips, " + r.modsChecked() + " go.mod files)");
    }

    private void checkLock(String mainModules, List<Finding> findings, List<String> notes, List<String> checked)
            throws FormatException, IOException {
        if (!Files.isRegularFile(workspace.lockFile())) {
            notes.add("no " + workspace.lockFile().getFileName() + ": go.mod, go.sum and vendor/ are not pinned");
            return;
        }
        GoModLock lock = GoModLock.parse(workspace.lockFile().toString(), Files.readAllBytes(workspace.lockFile()));
        if (lock.isWork() != workspace.goWorkMode()) {
            findings.add(new Finding(Category.LOCK_DRIFT, lock.isWork()
                    ? "the lock pins a go.work workspace, but this is module " + mainModules + " outside workspace mode"
                    : "the lock pins module " + lock.modulePath() + ", but this is the go.work workspace of " + mainModules));
        } else if (!lock.isWork() && !lock.modulePath().equals(mainModules)) {
            findings.add(new Finding(Category.LOCK_DRIFT, "module path changed: lock has " + lock.modulePath()
                    + ", go.mod has " + mainModules));
        }
        LockDrift.Result r = LockDrift.check(lock, workspace.dir());
        for (LockDrift.Drift d : r.drifts()) {
            String why = d.item() == PinKind.VENDOR && lock.vendoredBy() != null
                    ? " (the lock's tree was vendored by " + lock.vendoredBy()
                    + (options.builder() != null && !GoVersion.parse(lock.vendoredBy()).map(options.builder()::equals).orElse(false)
                    ? ", the Go here is go" + options.builder() + ": vendoring can differ between Go versions" : "") + ")"
                    : "";
            findings.add(new Finding(Category.LOCK_DRIFT, d + why));
        }
        if (lock.pin(PinKey.VENDOR).isPresent() && !r.vendorChecked()) {
            notes.add("gomod.lock pins vendor/ but there is none here: the vendor tree was not checked");
        }
        checked.add(workspace.lockFile().getFileName() + (r.vendorChecked() ? " (with vendor/, " + r.vendorFiles() + " files)" : ""));
    }
}
