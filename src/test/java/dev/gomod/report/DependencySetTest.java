package dev.gomod.report;

import dev.gomod.mod.FormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DependencySetTest {
    @TempDir
    Path dir;

    static final String SBOM = """
            {"bomFormat": "CycloneDX", "specVersion": "1.6",
             "metadata": {"component": {"type": "application", "bom-ref": "pkg:golang/example.com/app?type=module", "name": "example.com/app"}},
             "components": [
              {"bom-ref": "pkg:golang/example.com/a@v1.0.0?type=module", "name": "example.com/a", "version": "v1.0.0",
               "licenses": [{"expression": "BSD-3-Clause AND MPL-2.0"}]},
              {"bom-ref": "pkg:golang/example.com/b@v0.2.0?type=module", "name": "example.com/b", "version": "v0.2.0",
               "licenses": [{"license": {"id": "MIT", "acknowledgement": "concluded"}}, {"license": {"id": "Apache-2.0"}}]},
              {"bom-ref": "pkg:golang/example.com/c@v3.0.0+incompatible?type=module", "name": "example.com/c", "version": "v3.0.0+incompatible",
               "properties": [{"name": "gomod:h1", "value": "h1:x"}, {"name": "gomod:replaces", "value": "example.com/oldc v1.0.0"}]},
              {"bom-ref": "pkg:golang/example.com/local?type=module", "name": "example.com/local",
               "properties": [{"name": "gomod:replaces", "value": "example.com/local v0.0.0"}, {"name": "gomod:dir", "value": "./local"}]}
             ],
             "dependencies": [
              {"ref": "pkg:golang/example.com/app?type=module", "dependsOn": ["pkg:golang/example.com/a@v1.0.0?type=module", "pkg:golang/example.com/b@v0.2.0?type=module"]},
              {"ref": "pkg:golang/example.com/a@v1.0.0?type=module", "dependsOn": ["pkg:golang/example.com/c@v3.0.0+incompatible?type=module"]},
              {"ref": "pkg:golang/example.com/c@v3.0.0+incompatible?type=module"}
             ],
             "vulnerabilities": [
              {"id": "GO-2026-0001", "affects": [{"ref": "pkg:golang/example.com/c@v3.0.0+incompatible?type=module"}]},
              {"id": "GO-2026-0002", "affects": [{"ref": "pkg:golang/example.com/app?type=module"}]}
             ]}
            """;

    @Test
    void readsModulesLicensesEdgesAndVulnerabilitiesAsGomodSbomWritesThem() throws Exception {
        Path f = Files.writeString(dir.resolve("bom.json"), SBOM);
        DependencySet s = DependencySet.read(f);
        assertEquals(List.of("example.com/app"), s.mains());
        assertEquals(Set.of("example.com/a", "example.com/b", "example.com/c", "example.com/local"), s.modules().keySet());
        // a replacement is the module it replaces to go.mod and the vendor tree
        assertEquals(new DependencySet.Module("example.com/c", "v3.0.0+incompatible", null, "example.com/oldc", null), s.modules().get("example.com/c"));
        assertEquals("example.com/oldc", s.modules().get("example.com/c").requiredAs());
        assertEquals(new DependencySet.Module("example.com/local", "", null, "example.com/local", "./local"), s.modules().get("example.com/local"));
        assertEquals("BSD-3-Clause AND MPL-2.0", s.modules().get("example.com/a").license());
        assertEquals("Apache-2.0 AND MIT", s.modules().get("example.com/b").license());
        assertNull(s.modules().get("example.com/c").license());
        assertEquals("v3.0.0+incompatible", s.modules().get("example.com/c").version());
        assertEquals(Set.of("example.com/a", "example.com/b"), s.edges().get("example.com/app"));
        assertEquals(Set.of("example.com/c"), s.edges().get("example.com/a"));
        assertEquals(Set.of("example.com/a", "example.com/b"), s.direct());
        assertEquals(Set.of(new DependencySet.Finding("GO-2026-0001", "example.com/c"), new DependencySet.Finding("GO-2026-0002", "example.com/app")),
                s.vulnerabilities());
    }

    @Test
    void aWorkspaceSbomHasEachOfItsModulesAsAMainModule() throws Exception {
        String work = SBOM.replace("{\"component\": {\"type\": \"application\", \"bom-ref\": \"pkg:golang/example.com/app?type=module\", \"name\": \"example.com/app\"}}",
                "{\"component\": {\"bom-ref\": \"go.work\", \"name\": \"go.work\", \"components\": ["
                        + "{\"bom-ref\": \"pkg:golang/example.com/app?type=module\", \"name\": \"example.com/app\"},"
                        + "{\"bom-ref\": \"pkg:golang/example.com/lib?type=module\", \"name\": \"example.com/lib\"}]}}");
        assertTrue(work.contains("go.work"));
        DependencySet s = DependencySet.read(Files.writeString(dir.resolve("work.json"), work));
        assertEquals(List.of("example.com/app", "example.com/lib"), s.mains());
        assertEquals(Set.of("example.com/a", "example.com/b"), s.direct());
    }

    @Test
    void badInputNamesTheFileAndTheEntry() throws Exception {
        Path notJson = Files.writeString(dir.resolve("a.json"), "{");
        assertTrue(assertThrows(FormatException.class, () -> DependencySet.read(notJson)).getMessage().contains("a.json"));
        Path other = Files.writeString(dir.resolve("b.json"), "{\"spdxVersion\": \"SPDX-2.3\"}");
        assertTrue(assertThrows(FormatException.class, () -> DependencySet.read(other)).getMessage().contains("not a CycloneDX document"));
        Path noName = Files.writeString(dir.resolve("c.json"), SBOM.replace("\"name\": \"example.com/b\", ", ""));
        String m = assertThrows(FormatException.class, () -> DependencySet.read(noName)).getMessage();
        assertTrue(m.contains("c.json") && m.contains("components[1] has no \"name\""), m);
    }
}
