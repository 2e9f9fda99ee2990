package dev.gomod.sbom;

import java.util.Optional;
import dev.gomod.audit.AuditReport;
import dev.gomod.AtomicFile;
import dev.gomod.Reporter;
import dev.gomod.freeze.BuildList;
import dev.gomod.gotool.GoCommand;
import dev.gomod.gotool.GoException;
import dev.gomod.hash.Sha256;
import dev.gomod.mod.FormatException;
import dev.gomod.workspace.Job;
import dev.gomod.workspace.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The SBOM job: the inventory of the workspace's dependency set (one module, or a go.work
 * workspace), written as CycloneDX JSON to a file.
 */
public record SbomJob(Workspace workspace, Reporter reporter, Options options) implements Job<SbomJob.Options> {
    /**
     * @param time     the document's timestamp (the build's output timestamp); null writes none
     * @param licenses where license answers are kept between builds; null keeps none
     */
    /** @param audit the findings of a gomod audit of the same build (audit.json), carried as the SBOM's vulnerabilities; or none */
    public record Options(GoCommand go, ModuleInventory.Scope scope, Instant time, CycloneDxSbom.Tool tool, LicenseAnswerCache licenses,
                          Optional<Path> audit) {
        public Options(GoCommand go, ModuleInventory.Scope scope, Instant time, CycloneDxSbom.Tool tool, LicenseAnswerCache licenses) {
            this(go, scope, time, tool, licenses, Optional.empty());
        }
    }

    /** What was written. */
    public record Result(Path file, String sha256, ModuleInventory inventory) {
    }

    public Result run(Path target) throws IOException, GoException, FormatException {
        ModuleInventory inventory = inventory();
        inventory.problems().forEach(reporter::warn);
        List<AuditReport.Entry> vulnerabilities = options.audit().isPresent() ? AuditReport.read(options.audit().get()) : List.of();
        byte[] doc = CycloneDxSbom.write(inventory, options.time(), options.tool(), vulnerabilities);
        Files.createDirectories(target.toAbsolutePath().getParent());
        AtomicFile.write(target, doc);
        long licensed = inventory.components().size() - inventory.unknownLicenses().size();
        String sha256 = Sha256.hex(doc);
        reporter.info("SBOM " + target + ": CycloneDX 1.6, " + inventory.components().size() + " modules (" + options.scope().id()
                + "), " + licensed + " with a license found or declared, " + inventory.unknownLicenses().size() + " unknown; sha256 " + sha256);
        return new Result(target, sha256, inventory);
    }

    /** The inventory alone. */
    public ModuleInventory inventory() throws IOException, GoException, FormatException {
        GoCommand go = workspace.go(options.go());
        Path dir = workspace.dir();
        List<Path> inputs = workspace.inputFiles().stream().map(dir::resolve).toList();
        return ModuleInventory.collect(options.scope(), new ModuleInventory.Sources(go, dir, null, BuildList.load(go, dir, null),
                workspace.vendorDir(), inputs), new LicenseMatcher(options.licenses()));
    }
}
