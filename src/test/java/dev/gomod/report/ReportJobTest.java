package dev.gomod.report;

import dev.gomod.Reporter;
import dev.gomod.mod.FormatException;
import dev.gomod.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The job over a module's files as the other goals leave them, with no Go. */
class ReportJobTest {
    @TempDir
    Path dir;

    private Workspace module() throws Exception {
        Files.writeString(dir.resolve("go.mod"), """
                module example.com/app

                go 1.22.0

                toolchain go1.26.8

                require (
                	example.com/a v1.0.0
                	example.com/b v0.2.0 // indirect
                	example.com/oldc v1.0.0
                )
                """);
        Files.createDirectories(dir.resolve("vendor/example.com/a"));
        Files.writeString(dir.resolve("vendor/modules.txt"), "# example.com/a v1.0.0\n## explicit; go 1.21\nexample.com/a\n"
                + "# example.com/oldc v1.0.0 => example.com/c v3.0.0+incompatible\n## explicit\nexample.com/oldc\n");
        Files.write(dir.resolve("vendor/example.com/a/a.go"), new byte[2500]);
        Files.createDirectories(dir.resolve("vendor/example.com/oldc"));
        Files.write(dir.resolve("vendor/example.com/oldc/c.go"), new byte[40]);
        Files.createDirectories(dir.resolve("target/gomod"));
        Files.writeString(dir.resolve("target/app-1.0.0-go-cyclonedx.json"), DependencySetTest.SBOM);
        Files.writeString(dir.resolve("target/gomod/audit.json"), """
                {"database": "module:golang.org/x/vulndb@v0.0.0-20261105234957-e22db6528018", "findings": [
                 {"id": "GO-2026-0001", "aliases": ["CVE-2026-0001"], "module": "example.com/c", "version": "v3.0.0+incompatible",
                  "fixed": null, "reach": "required", "summary": "bad"}]}
                """);
        Files.write(dir.resolve("target/app-1.0.0-go-vendor.tar.gz"), "bundle".getBytes(StandardCharsets.UTF_8));
        return new Workspace(dir, dir.resolve("gomod.lock"), dir.resolve("target/gomod"));
    }

    private ReportJob.Options options(Optional<ReportJob.Previous> previous) {
        return new ReportJob.Options("app", "1.0.0", dir.resolve("target/app-1.0.0-go-cyclonedx.json"), Optional.of(dir.resolve("target/gomod/audit.json")),
                List.of(dir.resolve("target/app-1.0.0-go-vendor.tar.gz")), previous, previous.isEmpty() ? "no earlier release" : null, null, List.of());
    }

    @Test
    void gathersTheSbomVendorTreeAuditAndBundlesAndReadsDirectFromGoMod() throws Exception {
        Workspace ws = module();
        DependencyReport r = new ReportJob(ws, Reporter.SILENT, options(Optional.empty())).collect();
        assertEquals(java.util.Set.of("example.com/a", "example.com/oldc"), r.direct(), "go mod graph's edge to b is an indirect requirement");
        assertEquals(new VendoredBytes.Size(1, 2500), r.vendored().byModule().get("example.com/a"));
        assertEquals("1.22.0", r.go());
        assertEquals("go1.26.8", r.toolchain());
        assertEquals(1, r.audit().size());
        assertEquals("module:golang.org/x/vulndb@v0.0.0-20261105234957-e22db6528018", r.database());
        assertEquals(new DependencyReport.Bundle("app-1.0.0-go-vendor.tar.gz", 6, "1e6ed65d77d6364eeaed5a745ba5c4985ae2b700dd85d7cf7f027bdf294a33fc"), r.bundles().get(0));
        assertEquals("no earlier release", r.sinceNote());
        Path page = dir.resolve("target/gomod/report/index.html");
        new ReportJob(ws, Reporter.SILENT, options(Optional.empty())).write(page);
        String html = Files.readString(page);
        assertTrue(html.contains("<td class=\"n\">2.5 kB</td>"), html);
        // the replacement is shown as the module it is, direct and with the bytes vendored under the path it replaces
        assertTrue(html.contains("<tr id=\"module-example.com/c\"><td><a href=\"#node-example.com/c\">example.com/c</a> <span class=\"sub\">(replaces example.com/oldc)</span>"
                + "</td><td>v3.0.0+incompatible</td><td>direct</td><td class=\"n\">1</td><td class=\"n\">40 B</td>"), html);
        assertTrue(html.contains("<td>directory ./local</td>"));
        assertTrue(html.contains("<p>no earlier release</p>"));
        assertFalse(html.contains(dir.toString()), "no path of the machine");
    }

    @Test
    void inWorkspaceModeEachModuleOfGoWorkIsAMainModuleAndItsGoModSaysWhatIsDirect() throws Exception {
        Files.writeString(dir.resolve("go.work"), "go 1.22.0\n\nuse (\n\t./app\n\t./lib\n)\n");
        Files.createDirectories(dir.resolve("app"));
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("app/go.mod"), "module example.com/app\n\ngo 1.22.0\n\nrequire example.com/a v1.0.0\n");
        Files.writeString(dir.resolve("lib/go.mod"), "module example.com/lib\n\ngo 1.22.0\n\nrequire (\n\texample.com/b v0.2.0\n\texample.com/c v3.0.0+incompatible // indirect\n)\n");
        Files.createDirectories(dir.resolve("target"));
        String work = DependencySetTest.SBOM.replace("{\"component\": {\"type\": \"application\", \"bom-ref\": \"pkg:golang/example.com/app?type=module\", \"name\": \"example.com/app\"}}",
                "{\"component\": {\"bom-ref\": \"go.work\", \"name\": \"go.work\", \"components\": ["
                        + "{\"bom-ref\": \"pkg:golang/example.com/app?type=module\", \"name\": \"example.com/app\"},"
                        + "{\"bom-ref\": \"pkg:golang/example.com/lib?type=module\", \"name\": \"example.com/lib\"}]}}");
        Files.writeString(dir.resolve("target/ws-1.0.0-go-cyclonedx.json"), work);
        Workspace ws = new Workspace(dir, dir.resolve("gomod.lock"), dir.resolve("target/gomod"), true);
        DependencyReport r = new ReportJob(ws, Reporter.SILENT, new ReportJob.Options("ws", "1.0.0", dir.resolve("target/ws-1.0.0-go-cyclonedx.json"),
                Optional.empty(), List.of(), Optional.empty(), null, null, List.of())).collect();
        assertEquals(List.of("example.com/app", "example.com/lib"), r.set().mains());
        assertEquals(java.util.Set.of("example.com/a", "example.com/b"), r.direct());
        assertEquals("1.22.0", r.go(), "go.work's go line");
        String html = new String(ReportPage.page(r), StandardCharsets.UTF_8);
        assertTrue(html.contains("<g id=\"node-example.com/app\" class=\"node main\"") && html.contains("<g id=\"node-example.com/lib\" class=\"node main\""), html);
        assertTrue(html.contains("<tr><th>Main modules (workspace)</th><td>example.com/app, example.com/lib</td></tr>"));
    }

    @Test
    void aPreviousSbomThatDoesNotParseCostsTheComparisonNotThePage() throws Exception {
        Workspace ws = module();
        Path broken = Files.writeString(dir.resolve("previous.json"), "{\"bomFormat\": \"CycloneDX\", \"metadata\": {}}");
        List<String> warnings = new ArrayList<>();
        Reporter r = Reporter.to(m -> { }, warnings::add, (l, e) -> { });
        DependencyReport report = new ReportJob(ws, r, options(Optional.of(new ReportJob.Previous("0.9.0", broken)))).collect();
        assertEquals(null, report.since());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("0.9.0") && warnings.get(0).contains("previous.json") && warnings.get(0).contains("metadata.component"), warnings.get(0));
    }

    @Test
    void noSbomIsRefusedNamingTheFile() throws Exception {
        Workspace ws = module();
        Files.delete(dir.resolve("target/app-1.0.0-go-cyclonedx.json"));
        String m = assertThrows(FormatException.class, () -> new ReportJob(ws, Reporter.SILENT, options(Optional.empty())).collect()).getMessage();
        assertTrue(m.contains("app-1.0.0-go-cyclonedx.json") && m.contains("no such SBOM"), m);
    }
}
