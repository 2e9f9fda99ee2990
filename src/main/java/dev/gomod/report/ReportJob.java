package dev.gomod.report;

import dev.gomod.AtomicFile;
import dev.gomod.Reporter;
import dev.gomod.audit.AuditReport;
import dev.gomod.hash.Sha256;
import dev.gomod.mod.FormatException;
import dev.gomod.mod.GoMod;
import dev.gomod.mod.VendorConsistency;
import dev.gomod.workspace.Job;
import dev.gomod.workspace.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gathers a workspace's report from what the plugin's goals left (the SBOM, the vendor tree,
 * audit.json, the bundles) and writes the page. Needs no Go and no network.
 */
public record ReportJob(Workspace workspace, Reporter reporter, Options options) implements Job<ReportJob.Options> {
    /**
     * What to report on.
     *
     * @param title     the release's name
     * @param version   its version
     * @param sbom      its SBOM (gomod:sbom's)
     * @param audit     gomod:audit's audit.json, when it ran
     * @param bundles   the bundle files gomod:package wrote
     * @param previous  the previous release's name and SBOM, when one was found
     * @param sinceNote why there is no previous release to compare with, when there is none
     * @param time      the build's time (project.build.outputTimestamp), or null
     * @param links     pages of other modules of the build to link
     */
    public record Options(String title, String version, Path sbom, Optional<Path> audit, List<Path> bundles,
                          Optional<Previous> previous, String sinceNote, String time, List<DependencyReport.Link> links) {
    }

    /** An earlier release's SBOM. */
    public record Previous(String name, Path sbom) {
    }

    /** The report's content. */
    public DependencyReport collect() throws IOException, FormatException {
        if (!Files.isRegularFile(options.sbom())) {
            throw new FormatException(options.sbom().toString(), 0, "no such SBOM");
        }
        DependencySet set = DependencySet.read(options.sbom());
        List<AuditReport.Entry> audit = null;
        String database = null;
        if (options.audit().isPresent() && Files.isRegularFile(options.audit().get())) {
            AuditReport.Contents contents = AuditReport.readContents(options.audit().get());
            audit = contents.findings();
            database = contents.database();
        }
        List<DependencyReport.Bundle> bundles = new ArrayList<>();
        for (Path b : options.bundles()) {
            bundles.add(new DependencyReport.Bundle(b.getFileName().toString(), Files.size(b), Sha256.hex(b)));
        }
        ReleaseDiff since = null;
        String note = options.sinceNote();
        if (options.previous().isPresent()) {
            Previous p = options.previous().get();
            try {
                since = ReleaseDiff.between(p.name(), DependencySet.read(p.sbom()), set);
            } catch (FormatException e) {
                // a previous release's SBOM we cannot read costs the comparison, not the page
                note = "The SBOM of " + p.name() + " could not be read: " + e.getMessage();
                reporter.warn(note);
            }
        }
        String go = null;
        String toolchain = null;
        var lock = workspace.lock();
        if (lock.isPresent()) {
            go = lock.get().goVersion();
            toolchain = lock.get().toolchain();
        }
        GoMod versions = workspace.versionSource();
        if (go == null || go.isEmpty()) {
            go = versions.goVersion().orElse(null);
        }
        if (toolchain == null || toolchain.isEmpty() || toolchain.equals(dev.gomod.lock.GoModLock.NONE)) {
            toolchain = versions.toolchain().orElse(null);
        }
        return new DependencyReport(options.title(), options.version(), set, direct(), VendoredBytes.measure(workspace.vendorDir()), go,
                toolchain, bundles, audit, database, since, note, options.time(), options.links());
    }

    /** Writes the page to {@code target}, atomically; returns what it showed. */
    public DependencyReport write(Path target) throws IOException, FormatException {
        DependencyReport r = collect();
        Files.createDirectories(target.getParent());
        AtomicFile.write(target, ReportPage.page(r));
        reporter.info("Go dependency report " + target + ": " + r.set().modules().size() + " modules"
                + (r.audit() == null ? "" : ", " + r.audit().size() + " known vulnerabilities")
                + (r.since() == null ? "" : ", " + (r.since().modules().size() + r.since().licenses().size()) + " changes since " + r.since().previous()));
        return r;
    }

    /** The modules the main go.mod files require without {@code // indirect}. */
    private Set<String> direct() throws IOException, FormatException {
        Set<String> out = new TreeSet<>();
        List<GoMod> mods = new ArrayList<>();
        if (workspace.goWorkMode()) {
            workspace.workModules().stream().map(VendorConsistency.WorkspaceModule::goMod).forEach(mods::add);
        } else {
            mods.add(workspace.goMod());
        }
        for (GoMod m : mods) {
            m.requires().stream().filter(r -> !r.indirect()).forEach(r -> out.add(r.module().path()));
        }
        return out;
    }
}
