package dev.gomod.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gomod.Reporter;
import dev.gomod.testkit.GoMatrix;
import dev.gomod.testkit.GraphFixture;
import dev.gomod.testkit.IsolatedGo;
import dev.gomod.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * gomod:sbom against cyclonedx-gomod v1.9.0's {@code mod -licenses -test} on the same module: the
 * same component set and bom-refs, the same purls but for the goos/goarch qualifiers cyclonedx-gomod
 * adds, the same SHA-256 (h1) hashes, and no license where the two disagree. cyclonedx-gomod is built
 * once from its module zip, fetched through the Go module proxy, into the tests' cache (it needs the
 * network the first time: skipped without it, failed under CI).
 */
class CycloneDxGomodComparisonTest {
    static final String VERSION = "v1.9.0";
    static final String MODULE = "github.com/CycloneDX/cyclonedx-gomod";

    @TempDir
    Path tmp;

    /** The comparison in counts, for the closing note and the README. */
    record Counts(int components, int agreeing, int disagreeing, int onlyOurs, int onlyTheirs, int unknownToBoth) {
    }

    @Test
    void theGraphFixtureGivesTheSameComponentsPurlsHashesAndLicenses() throws Exception {
        GraphFixture.Workspace w = GraphFixture.tidied(tmp.resolve("graph"));
        Counts c = compare(w.main(), w.go(), ModuleInventory.Scope.ALL);
        assertEquals(new Counts(15, 3, 0, 1, 0, 11), c, "ISC in COPYING is found by the SPDX matcher only");
    }

    /** Opt-in ({@code -Dgomod.realSbom=true}): testify v1.9.0 and its real dependencies, through the Go module proxy. */
    @Test
    @EnabledIfSystemProperty(named = "gomod.realSbom", matches = "true")
    void aRealModuleGivesTheSameComponentsAndAgreeingLicenses() throws Exception {
        String proxy = System.getenv().getOrDefault("GOPROXY", "https://proxy.golang.org,direct");
        IsolatedGo go = new IsolatedGo(tmp.resolve("go"), proxy).set("GOSUMDB", "sum.golang.org");
        String dir = go.run(tmp, "mod", "download", "-json", "github.com/stretchr/testify@v1.9.0").ok().stdout();
        Path src = Path.of(new ObjectMapper().readTree(dir).get("Dir").asText());
        Path main = tmp.resolve("testify");
        copy(src, main);
        // cyclonedx-gomod lists the modules a package of the main module (or its tests) needs, which is
        // the vendored scope: go list -m all also has gopkg.in/check.v1, which only yaml.v3's tests need
        go.run(main, "mod", "vendor").ok();
        Counts c = compare(main, go, ModuleInventory.Scope.VENDORED);
        // The one disagreement, as measured: go-spew's LICENSE is the ISC text (go-license-detector names
        // it 0BSD, whose text is ISC's less one sentence). yaml.v3's LICENSE holds the MIT text and an
        // Apache-2.0 notice: ours finds both (the notice by Apache-2.0's standard header), theirs Apache-2.0
        assertEquals(new Counts(4, 3, 1, 0, 0, 0), c);
    }

    /**
     * Opt-in ({@code -Dgomod.realSbom=true}): github.com/cyphar/filepath-securejoin v0.6.0 through the Go
     * module proxy, the module whose COPYING.md made the SPDX library throw and took gomod:sbom down on
     * containerd's dependency set: the SBOM is written and valid, the module declares BSD-3-Clause AND
     * MPL-2.0, and both are found in its texts.
     */
    @Test
    @EnabledIfSystemProperty(named = "gomod.realSbom", matches = "true")
    void filepathSecurejoinFromTheProxyDeclaresAndFindsBothLicenses() throws Exception {
        String proxy = System.getenv().getOrDefault("GOPROXY", "https://proxy.golang.org,direct");
        IsolatedGo go = new IsolatedGo(tmp.resolve("go"), proxy).set("GOSUMDB", "sum.golang.org");
        Path main = Files.createDirectories(tmp.resolve("app"));
        Files.writeString(main.resolve("go.mod"), "module example.com/app\n\ngo 1.21\n\nrequire github.com/cyphar/filepath-securejoin v0.6.0\n");
        Files.writeString(main.resolve("main.go"), "package main\n\nimport securejoin \"github.com/cyphar/filepath-securejoin\"\n\n"
                + "func main() { _, _ = securejoin.SecureJoin(\"/\", \"x\") }\n");
        go.run(main, "mod", "tidy").ok();
        List<String> warnings = new ArrayList<>();
        Path bom = tmp.resolve("bom.json");
        new SbomJob(Workspace.of(main), Reporter.to(s -> { }, warnings::add, (l, e) -> { }), new SbomJob.Options(go.command(s -> { }),
                ModuleInventory.Scope.ALL, Instant.EPOCH, SbomJobTest.TOOL, null)).run(bom);
        assertTrue(new org.cyclonedx.parsers.JsonParser().validate(bom.toFile(), org.cyclonedx.Version.VERSION_16).isEmpty());
        JsonNode sj = SbomJobTest.components(SbomJobTest.read(bom)).get("pkg:golang/github.com/cyphar/filepath-securejoin@v0.6.0?type=module");
        assertEquals("BSD-3-Clause AND MPL-2.0", sj.at("/licenses/0/expression").asText(), sj.toString());
        assertTrue(ids(sj.at("/evidence/licenses")).containsAll(Set.of("BSD-3-Clause", "MPL-2.0")), sj.toString());
        assertTrue(warnings.stream().noneMatch(w -> w.contains("filepath-securejoin")), warnings.toString());
    }

    Counts compare(Path main, IsolatedGo go, ModuleInventory.Scope scope) throws Exception {
        Path ours = tmp.resolve("ours.json");
        new SbomJob(Workspace.of(main), Reporter.of(s -> { }), new SbomJob.Options(go.command(s -> { }), scope,
                Instant.EPOCH, SbomJobTest.TOOL, null)).run(ours);
        Path theirs = tmp.resolve("theirs.json");
        List<String> cmd = List.of(tool().toString(), "mod", "-licenses", "-test", "-json", "-output", theirs.toString(), main.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(main.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(go.env());
        Path goDir = Path.of(go.executable()).toAbsolutePath().getParent();
        // cyclonedx-gomod runs the go on its PATH: this test's go first
        pb.environment().put("PATH", (Path.of(go.executable()).isAbsolute() ? goDir + ":" : "") + System.getenv("PATH"));
        pb.environment().put("GOFLAGS", "-modcacherw -mod=mod");
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0, log);

        String goos = go.run(main, "env", "GOOS").ok().stdout().trim();
        String goarch = go.run(main, "env", "GOARCH").ok().stdout().trim();
        Map<String, JsonNode> o = SbomJobTest.components(SbomJobTest.read(ours));
        Map<String, JsonNode> t = SbomJobTest.components(SbomJobTest.read(theirs));
        assertEquals(t.keySet(), o.keySet(), "the same component set");
        int agree = 0;
        int disagree = 0;
        int onlyOurs = 0;
        int onlyTheirs = 0;
        int none = 0;
        List<String> disagreements = new ArrayList<>();
        for (String ref : o.keySet()) {
            JsonNode a = o.get(ref);
            JsonNode b = t.get(ref);
            assertEquals(b.get("purl").asText(), a.get("purl").asText() + "&goos=" + goos + "&goarch=" + goarch, ref);
            if (b.has("hashes") && (!a.has("properties") || !a.get("properties").toString().contains("gomod:dir"))) {
                assertEquals(b.at("/hashes/0/content").asText(), a.at("/hashes/0/content").asText(), ref + ": the h1 as SHA-256");
            }
            Set<String> la = ids(a.at("/licenses"));
            Set<String> lb = ids(b.at("/evidence/licenses"));
            if (la.isEmpty() && lb.isEmpty()) {
                none++;
            } else if (lb.isEmpty()) {
                onlyOurs++;
            } else if (la.isEmpty()) {
                onlyTheirs++;
            } else if (la.containsAll(lb) || lb.containsAll(la)) {
                agree++;
            } else {
                disagree++;
                disagreements.add(ref + ": ours " + la + ", cyclonedx-gomod " + lb);
            }
        }
        Counts c = new Counts(o.size(), agree, disagree, onlyOurs, onlyTheirs, none);
        System.out.println("cyclonedx-gomod " + VERSION + " comparison on " + main.getFileName() + ": " + c + " " + disagreements);
        return c;
    }

    static Set<String> ids(JsonNode licenses) {
        Set<String> out = new TreeSet<>();
        if (licenses.isArray()) {
            licenses.forEach(l -> out.add(l.at("/license/id").asText(l.at("/license/name").asText())));
        }
        return out;
    }

    /** cyclonedx-gomod, built once from its module zip (its own go.sum checks what it builds from). */
    static synchronized Path tool() throws IOException, InterruptedException {
        Path home = GoMatrix.cacheDir().resolve("cyclonedx-gomod-" + VERSION);
        Path bin = home.resolve("bin/cyclonedx-gomod");
        if (Files.isExecutable(bin)) {
            return bin;
        }
        String proxy = System.getenv().getOrDefault("GOPROXY", "https://proxy.golang.org,direct");
        // The proxy here answers no checksum-database lookups for this tool (a test tool, not a shipped artifact)
        IsolatedGo go = new IsolatedGo(home.resolve("go"), proxy).set("GOSUMDB", "off").set("GOTOOLCHAIN", "local");
        IsolatedGo.Result r = go.run(home, "mod", "download", "-json", MODULE + "@" + VERSION);
        if (r.exit() != 0) {
            GoMatrix.unavailable("could not fetch " + MODULE + "@" + VERSION + " through the Go module proxy: " + r.stdout() + r.stderr());
        }
        Path src = Path.of(new ObjectMapper().readTree(r.stdout()).get("Dir").asText());
        IsolatedGo.Result b = go.run(src, "build", "-o", bin.toString(), "./cmd/cyclonedx-gomod");
        if (b.exit() != 0) {
            GoMatrix.unavailable("could not build cyclonedx-gomod " + VERSION + ": " + b.stderr());
        }
        return bin;
    }

    static void copy(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path d = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(d);
                } else {
                    Files.copy(p, d);
                    d.toFile().setWritable(true);
                }
            }
        }
        Files.walk(to).forEach(p -> p.toFile().setWritable(true));
    }
}
