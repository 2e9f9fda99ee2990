package dev.gomod.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gomod.Reporter;
import dev.gomod.gotool.GoException;
import dev.gomod.hash.Sha256;
import dev.gomod.mod.GoSum;
import dev.gomod.mod.ModuleVersion;
import dev.gomod.testkit.GraphFixture;
import dev.gomod.testkit.IsolatedGo;
import dev.gomod.vendoring.VendorJob;
import dev.gomod.workspace.Workspace;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** gomod:sbom's job with the real go on the 16-module graph, served from a file:// GOPROXY. */
class SbomJobTest {
    static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");
    static final CycloneDxSbom.Tool TOOL = new CycloneDxSbom.Tool("dev.gomod", "gomod-maven-plugin", "test");

    @TempDir
    Path tmp;
    Path main;
    IsolatedGo go;
    final List<String> log = new ArrayList<>();

    @BeforeEach
    void tidyTheGraph() throws Exception {
        GraphFixture.Workspace w = GraphFixture.tidied(tmp.resolve("a"));
        go = w.go();
        main = w.main();
        new VendorJob(Workspace.of(main), Reporter.of(log::add), new VendorJob.Options(go.command(log::add))).run();
    }

    SbomJob job(Path dir, IsolatedGo g, ModuleInventory.Scope scope, Instant time) {
        return new SbomJob(Workspace.of(dir), Reporter.of(log::add), new SbomJob.Options(g.command(log::add), scope, time, TOOL, null));
    }

    /** What go itself says the build list is, as refs: the replacement where there is one. */
    Set<String> goBuildList(Path dir) throws IOException {
        String out = go.run(dir, "list", "-m", "-mod=readonly", "-f",
                "{{if not .Main}}{{with .Replace}}{{.Path}} {{.Version}}{{else}}{{.Path}} {{.Version}}{{end}}{{end}}", "all").ok().stdout();
        Set<String> refs = new TreeSet<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split(" ");
            // a directory replacement: the module its go.mod declares, no version
            String path = f[0].startsWith("./") ? "example.com/local" : f[0];
            refs.add("pkg:golang/" + path + (f.length > 1 && !f[0].startsWith("./") ? "@" + f[1] : "") + "?type=module");
        }
        return refs;
    }

    static JsonNode read(Path f) throws IOException {
        return new ObjectMapper().readTree(f.toFile());
    }

    static Map<String, JsonNode> components(JsonNode bom) {
        Map<String, JsonNode> out = new TreeMap<>();
        bom.get("components").forEach(c -> out.put(c.get("bom-ref").asText(), c));
        return out;
    }

    @Test
    void theDocumentValidatesAndListsExactlyTheBuildListWithHashesLicensesAndEdges() throws Exception {
        Path f = tmp.resolve("bom.json");
        SbomJob.Result r = job(main, go, ModuleInventory.Scope.ALL, TIME).run(f);
        assertTrue(new JsonParser().validate(f.toFile(), Version.VERSION_16).isEmpty());
        JsonNode bom = read(f);
        assertEquals("1.6", bom.get("specVersion").asText());
        assertEquals("2026-01-01T00:00:00Z", bom.at("/metadata/timestamp").asText());
        assertEquals("pkg:golang/example.com/hello?type=module", bom.at("/metadata/component/bom-ref").asText());
        assertTrue(bom.get("serialNumber").asText().matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));

        Map<String, JsonNode> c = components(bom);
        assertEquals(goBuildList(main), c.keySet());
        assertEquals(15, c.size());
        for (JsonNode n : c.values()) {
            assertEquals(n.get("bom-ref").asText(), n.get("purl").asText());
        }

        // licenses, by the SPDX matching guidelines, where the fixture put real license texts
        Map<String, String> licenses = new TreeMap<>();
        c.forEach((ref, n) -> {
            if (n.has("licenses")) {
                licenses.put(ref, n.at("/licenses/0/license/id").asText() + " " + n.at("/evidence/licenses/0/license/properties/0/value").asText());
            }
        });
        assertEquals(Map.of("pkg:golang/github.com/Acme/Core@v1.2.0?type=module", "Apache-2.0 LICENSE",
                "pkg:golang/example.com/licensed@v1.0.0?type=module", "BSD-3-Clause LICENSE",
                "pkg:golang/example.com/text@v0.9.0?type=module", "MIT LICENSE",
                "pkg:golang/example.com/util@v0.3.0?type=module", "ISC COPYING"), licenses);
        assertEquals("concluded", c.get("pkg:golang/example.com/text@v0.9.0?type=module").at("/licenses/0/license/acknowledgement").asText());
        assertEquals(11, r.inventory().unknownLicenses().size());

        // the h1 as cyclonedx-gomod encodes it, and the zip's own SHA-256 on a distribution reference
        GoSum sum = GoSum.parse("go.sum", Files.readAllBytes(main.resolve("go.sum")));
        JsonNode fork = c.get("pkg:golang/example.com/fork@v1.0.1?type=module");
        String h1 = sum.zipHash(new ModuleVersion("example.com/fork", "v1.0.1")).orElseThrow();
        assertEquals(HexFormat.of().formatHex(Base64.getDecoder().decode(h1.substring(3))), fork.at("/hashes/0/content").asText());
        assertEquals("SHA-256", fork.at("/hashes/0/alg").asText());
        assertEquals("example.com/fork/@v/v1.0.1.zip", fork.at("/externalReferences/0/url").asText());
        assertEquals(Sha256.hex(go.modcache().resolve("cache/download/example.com/fork/@v/v1.0.1.zip")),
                fork.at("/externalReferences/0/hashes/0/content").asText());
        assertTrue(fork.get("properties").toString().contains("\"gomod:replaces\",\"value\":\"example.com/old v1.0.0\""), fork.toString());
        assertEquals("github.com/!acme/!core/@v/v1.2.0.zip", c.get("pkg:golang/github.com/Acme/Core@v1.2.0?type=module").at("/externalReferences/0/url").asText());
        JsonNode local = c.get("pkg:golang/example.com/local?type=module");
        assertFalse(local.has("hashes"));
        assertTrue(local.get("properties").toString().contains("\"gomod:dir\",\"value\":\"./local\""), local.toString());

        // the graph: go mod graph's edges between selected versions
        Map<String, Set<String>> deps = new TreeMap<>();
        bom.get("dependencies").forEach(d -> {
            Set<String> on = new TreeSet<>();
            if (d.has("dependsOn")) {
                d.get("dependsOn").forEach(x -> on.add(x.asText()));
            }
            deps.put(d.get("ref").asText(), on);
        });
        assertEquals(16, deps.size(), "the main module and every component");
        assertEquals(Set.of("pkg:golang/example.com/util@v0.3.0?type=module"), deps.get("pkg:golang/github.com/Acme/Core@v1.2.0?type=module"));
        assertEquals(Set.of("pkg:golang/example.com/chain/c3@v1.0.3?type=module"), deps.get("pkg:golang/example.com/chain/c2@v1.0.2?type=module"));
        assertTrue(deps.get("pkg:golang/example.com/hello?type=module").contains("pkg:golang/example.com/fork@v1.0.1?type=module"));
        assertTrue(deps.get("pkg:golang/example.com/hello?type=module").contains("pkg:golang/example.com/local?type=module"));
    }

    @Test
    void theBytesAreTheSameInAnotherCheckoutModuleCacheTimeZoneAndLocale() throws Exception {
        Path a = tmp.resolve("a.json");
        job(main, go, ModuleInventory.Scope.ALL, TIME).run(a);
        GraphFixture.Workspace other = GraphFixture.tidied(tmp.resolve("elsewhere/b"));
        TimeZone tz = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kathmandu"));
            Locale.setDefault(Locale.forLanguageTag("de-DE"));
            Path b = tmp.resolve("b.json");
            job(other.main(), other.go(), ModuleInventory.Scope.ALL, TIME).run(b);
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        } finally {
            TimeZone.setDefault(tz);
            Locale.setDefault(locale);
        }
        Path c = tmp.resolve("c.json");
        job(main, go, ModuleInventory.Scope.ALL, Instant.parse("2026-02-01T00:00:00Z")).run(c);
        assertFalse(new String(Files.readAllBytes(a)).equals(new String(Files.readAllBytes(c))), "the timestamp is part of the content");
        assertFalse(read(a).get("serialNumber").equals(read(c).get("serialNumber")), "and so of the serial number");
        String s = Files.readString(a);
        assertFalse(s.contains("\r"));
        assertFalse(s.contains(tmp.toString()), "no path of this machine");
    }

    @Test
    void theVendoredScopeListsWhatVendorHoldsPackagesOfFromVendorAlone() throws Exception {
        Path f = tmp.resolve("vendored.json");
        job(main, go, ModuleInventory.Scope.VENDORED, TIME).run(f);
        JsonNode bom = read(f);
        Map<String, JsonNode> c = components(bom);
        assertEquals(goBuildList(main), c.keySet(), "every module of this graph provides a package");
        assertEquals("vendored", bom.at("/metadata/properties/0/value").asText());
        assertFalse(c.values().stream().anyMatch(n -> n.has("externalReferences")), "no zip is at hand");
        // the licenses go copied into vendor/, LICENSE of example.com/licensed from two directories up
        assertEquals("BSD-3-Clause", c.get("pkg:golang/example.com/licensed@v1.0.0?type=module").at("/licenses/0/license/id").asText());
        assertEquals("ISC", c.get("pkg:golang/example.com/util@v0.3.0?type=module").at("/licenses/0/license/id").asText());

        Files.writeString(main.resolve("vendor/modules.txt"), Files.readString(main.resolve("vendor/modules.txt"))
                .replace("example.com/chain/c8\n", "")); // c8's package line gone: no longer vendored
        ModuleInventory inv = job(main, go, ModuleInventory.Scope.VENDORED, TIME).inventory();
        assertEquals(14, inv.components().size());
        assertFalse(inv.components().stream().anyMatch(x -> x.code().path().equals("example.com/chain/c8")));
    }

    /**
     * A proxy that refuses one module's zip (as the public proxy refuses go-criu/v8 v8.1.0, which
     * containerd's build list names and no package needs): the SBOM is still written, the module is a
     * component with no zip hash and no license, and one warning names it with go's error.
     */
    @Test
    void aModuleGoCannotDownloadIsNamedAndTheRestIsWritten() throws Exception {
        Path zip = tmp.resolve("a/proxy/example.com/text/@v/v0.9.0.zip");
        Files.delete(zip);
        IsolatedGo fresh = new IsolatedGo(tmp.resolve("fresh"), go.env().get("GOPROXY"), dev.gomod.testkit.GoMatrix.pathGo());
        List<String> warnings = new ArrayList<>();
        Reporter reporter = Reporter.to(s -> { }, warnings::add, (line, err) -> { });
        Path f = tmp.resolve("partial.json");
        SbomJob.Result r = new SbomJob(Workspace.of(main), reporter, new SbomJob.Options(fresh.command(s -> { }), ModuleInventory.Scope.ALL,
                TIME, TOOL, null)).run(f);
        assertTrue(new JsonParser().validate(f.toFile(), Version.VERSION_16).isEmpty());
        Map<String, JsonNode> c = components(read(f));
        assertEquals(15, c.size());
        JsonNode text = c.get("pkg:golang/example.com/text@v0.9.0?type=module");
        assertFalse(text.has("externalReferences"), "no zip, no zip hash");
        assertFalse(text.has("licenses"));
        assertTrue(c.get("pkg:golang/example.com/util@v0.3.0?type=module").has("externalReferences"), "the others were downloaded");
        assertEquals(1, r.inventory().unavailable().size());
        List<String> named = warnings.stream().filter(w -> w.startsWith("example.com/text@v0.9.0: go could not download it")).toList();
        assertEquals(1, named.size(), warnings.toString());
        assertTrue(named.get(0).contains("v0.9.0.zip"), named.get(0));

        Files.delete(tmp.resolve("a/proxy/example.com/util/@v/v0.3.0.zip"));
        Files.walk(tmp.resolve("a/proxy")).filter(p -> p.toString().endsWith(".zip")).forEach(p -> p.toFile().delete());
        IsolatedGo none = new IsolatedGo(tmp.resolve("none"), go.env().get("GOPROXY"), dev.gomod.testkit.GoMatrix.pathGo());
        GoException e = org.junit.jupiter.api.Assertions.assertThrows(GoException.class, () -> new SbomJob(Workspace.of(main), reporter,
                new SbomJob.Options(none.command(s -> { }), ModuleInventory.Scope.ALL, TIME, TOOL, null)).inventory(),
                "no module at all: go's failure, not an empty SBOM");
        assertTrue(e.getMessage().contains("go mod download"), e.getMessage());
    }

    @Test
    void thePolicyNamesEachModuleAndFileThatBreaksIt() throws Exception {
        ModuleInventory inv = job(main, go, ModuleInventory.Scope.ALL, TIME).inventory();
        assertEquals(List.of("github.com/Acme/Core@v1.2.0: Apache-2.0 (LICENSE) is denied"),
                LicensePolicy.of(null, "Apache-2.0, GPL-3.0-only", false).violations(inv));
        assertEquals(List.of("example.com/licensed@v1.0.0: BSD-3-Clause (LICENSE) is not allowed"),
                LicensePolicy.of("MIT,ISC,Apache-2.0", "", false).violations(inv));
        assertEquals(List.of(), LicensePolicy.of("MIT,ISC,Apache-2.0,BSD-3-Clause", "", false).violations(inv));
        List<String> unknown = LicensePolicy.of("", "", true).violations(inv);
        assertEquals(11, unknown.size());
        assertTrue(unknown.contains("example.com/chain/c1@v1.0.1: no license found in its license files"), unknown.toString());
        assertTrue(unknown.contains("example.com/local: no license found in its license files"), unknown.toString());
        assertFalse(LicensePolicy.NONE.active());
    }
}
