package dev.gomod.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gomod.Reporter;
import dev.gomod.testkit.FileGoProxy;
import dev.gomod.testkit.GoMatrix;
import dev.gomod.testkit.GraphFixture;
import dev.gomod.testkit.IsolatedGo;
import dev.gomod.testkit.TestModule;
import dev.gomod.workspace.Workspace;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * License texts from real modules that the generated fixtures never met (test resources
 * licenses/real/): github.com/cyphar/filepath-securejoin v0.6.0's COPYING.md, on which the SPDX
 * library throws, with its declared {@code BSD-3-Clause AND MPL-2.0} and its LICENSE.BSD and
 * LICENSE.MPL-2.0; gopkg.in/yaml.v3 v3.0.1's LICENSE, the MIT text beside an Apache-2.0 notice;
 * hashicorp/errwrap v1.1.0's MPL-2.0 LICENSE; github.com/klauspost/compress v1.18.5's LICENSE of three
 * licenses; github.com/go-ole/go-ole v1.2.6's MIT LICENSE in typographic quotes (the last two as containerd
 * v2.3.4 vendors them).
 */
class RealLicenseTextsTest {
    static final String SECUREJOIN = "github.com/cyphar/filepath-securejoin";

    @TempDir
    Path tmp;

    static String real(String name) {
        try (InputStream in = RealLicenseTextsTest.class.getResourceAsStream("/licenses/real/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("test resource licenses/real/" + name, e);
        }
    }

    /**
     * COPYING.md with its declaration and MPL-2.0's section 2.2 taken out: the MPL text is no longer
     * whole anywhere, and the library still throws comparing it with MPL-2.0-no-copyleft-exception.
     */
    static String copyingWithAHoleAndNoDeclaration() {
        String copying = real("filepath-securejoin-v0.6.0-COPYING.md");
        String without = copying.replace("`SPDX-License-Identifier: BSD-3-Clause AND MPL-2.0`\n", "");
        assertFalse(without.equals(copying));
        return without.substring(0, without.indexOf("2.2. Effective Date")) + without.substring(without.indexOf("2.3. Limitations"));
    }

    @Test
    void theLibraryThrowsOnTheseTextsAndTheMatcherContainsItAtTheComparison() throws Exception {
        LicenseMatcher matcher = new LicenseMatcher();
        String mplTemplate = org.spdx.library.LicenseInfoFactory.getListedLicenseById("MPL-2.0").getStandardLicenseTemplate().orElseThrow();
        for (String name : List.of("filepath-securejoin-v0.6.0-COPYING.md", "hashicorp-errwrap-v1.1.0-LICENSE")) {
            String text = real(name);
            // what took gomod:sbom down: the library's whole-text comparison with MPL-2.0 throws on both
            assertThrows(ArrayIndexOutOfBoundsException.class, () -> org.spdx.utility.compare.LicenseCompareHelper.isTextMatchingTemplate(mplTemplate, text),
                    name);
            LicenseMatcher.Answer a = matcher.match(text);
            // ... and another comparison finds MPL-2.0 within the text, so nothing is left unknown
            assertTrue(a.determined(), name + ": " + a);
            assertTrue(a.matches().contains(new LicenseMatcher.Match("MPL-2.0", LicenseMatcher.How.WITHIN,
                    name.contains("errwrap") ? 1.0 : 0.83)), a.toString());
        }
        Set<String> within = new TreeSet<>();
        matcher.match(real("filepath-securejoin-v0.6.0-COPYING.md")).matches().stream().filter(m -> m.how() == LicenseMatcher.How.WITHIN)
                .forEach(m -> within.add(m.id()));
        assertEquals(Set.of("BSD-3-Clause", "MPL-2.0", "MPL-2.0-no-copyleft-exception"), within);
    }

    @Test
    void aTextTheLibraryFailsOnForALicenseNotFoundIsUndeterminedNamingTheLicenseAndTheError() {
        LicenseMatcher.Answer a = new LicenseMatcher().match(copyingWithAHoleAndNoDeclaration());
        assertFalse(a.determined());
        assertEquals("the SPDX library failed comparing with MPL-2.0-no-copyleft-exception (whole): ArrayIndexOutOfBoundsException", a.failure());
        assertTrue(a.matches().contains(new LicenseMatcher.Match("BSD-3-Clause", LicenseMatcher.How.WITHIN, 0.08)), a.toString());
    }

    @Test
    void theLicenseFilesBesideItAndANoticeAreRecognised() {
        LicenseMatcher matcher = new LicenseMatcher();
        assertEquals(new LicenseMatcher.Answer(List.of(new LicenseMatcher.Match("BSD-3-Clause", LicenseMatcher.How.WHOLE, 1.0)), null),
                matcher.match(real("filepath-securejoin-v0.6.0-LICENSE.BSD")));
        LicenseMatcher.Answer mpl = matcher.match(real("filepath-securejoin-v0.6.0-LICENSE.MPL-2.0"));
        assertTrue(mpl.determined());
        assertTrue(mpl.matches().contains(new LicenseMatcher.Match("MPL-2.0", LicenseMatcher.How.WHOLE, 1.0)), mpl.toString());

        // yaml.v3: the MIT text, and "Licensed under the Apache License, Version 2.0 ..." by Apache-2.0's standard header
        LicenseMatcher.Answer yaml = matcher.match(real("yaml.v3-v3.0.1-LICENSE"));
        assertTrue(yaml.determined());
        assertEquals(List.of("MIT within", "Apache-2.0 notice"), yaml.matches().stream().map(m -> m.id() + " " + m.how().id()).toList());
        // the license's own text carries its notice in its appendix: one answer, not two
        assertEquals(List.of("Apache-2.0 whole"), matcher.match(GraphFixture.license("Apache-2.0")).matches().stream()
                .map(m -> m.id() + " " + m.how().id()).toList());
    }

    /**
     * klauspost/compress's LICENSE holds BSD-3-Clause, Apache-2.0 and MIT texts one after another: asked
     * of the whole file the library finds Apache-2.0 only (it compares from MIT's first start to the
     * last end, across the other licenses, for seconds); asked where each license's words stand, all
     * three. go-ole's LICENSE writes the MIT text with curly quotes, which the library normalizes and
     * the filter must too.
     */
    @Test
    void multiLicenseFilesAndTypographicQuotesAreFoundWhereTheLicensesStand() {
        LicenseMatcher matcher = new LicenseMatcher();
        assertEquals(List.of("Apache-2.0 within", "BSD-3-Clause within", "MIT within"),
                matcher.match(real("klauspost-compress-v1.18.5-LICENSE")).matches().stream().map(m -> m.id() + " " + m.how().id()).sorted().toList());
        assertEquals(List.of(new LicenseMatcher.Match("MIT", LicenseMatcher.How.WHOLE, 1.0)), matcher.match(real("go-ole-v1.2.6-LICENSE")).matches());
    }

    @Test
    void declarationsAreReadFromTheirLineAndWrittenInTheLibrarysForm() {
        assertEquals(List.of(new LicenseDeclaration("BSD-3-Clause AND MPL-2.0", "COPYING.md", 3, null)),
                LicenseDeclaration.find(real("filepath-securejoin-v0.6.0-COPYING.md"), "COPYING.md"));
        String text = "// SPDX-License-Identifier: mit OR apache-2.0\n/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */\n"
                + "<!-- SPDX-License-Identifier: GPL-2.0-or-later -->\n";
        List<LicenseDeclaration> d = LicenseDeclaration.find(text, "LICENSE");
        assertEquals(List.of("MIT OR Apache-2.0", "Apache-2.0 WITH LLVM-exception", "GPL-2.0-or-later"),
                d.stream().map(LicenseDeclaration::expression).toList());
        assertEquals(List.of(1, 2, 3), d.stream().map(LicenseDeclaration::line).toList());
        assertEquals(Set.of("Apache-2.0"), d.get(1).ids(), "an exception is not a license");
        assertEquals(Set.of("MIT", "Apache-2.0"), d.get(0).ids());

        for (String bad : List.of("MIT AND (", "MIT OR OR", "Not-A-License-Id", "")) {
            LicenseDeclaration x = LicenseDeclaration.find("SPDX-License-Identifier: " + bad + "\n", "COPYING").get(0);
            assertFalse(x.valid(), bad);
            assertEquals(Set.of(), x.ids());
        }
        ModuleLicenses both = new ModuleLicenses(List.of(), List.of(LicenseDeclaration.parse("MIT OR Apache-2.0", "a", 1),
                LicenseDeclaration.parse("BSD-3-Clause", "b", 1)), List.of());
        assertEquals("(MIT OR Apache-2.0) AND BSD-3-Clause", both.declared().orElseThrow(), "AND binds tighter than OR");
    }

    @Test
    void answersAreKeptBetweenBuildsAndAnUnreadableOneIsAnsweredAgain() throws IOException {
        LicenseAnswerCache cache = new LicenseAnswerCache(tmp.resolve("cache"));
        String yaml = real("yaml.v3-v3.0.1-LICENSE");
        LicenseMatcher.Answer first = new LicenseMatcher(cache).match(yaml);
        List<Path> files;
        try (var s = Files.list(cache.dir())) {
            files = s.toList();
        }
        assertEquals(1, files.size());
        assertEquals("match MIT within 0.49\nmatch Apache-2.0 notice 0.28\n", Files.readString(files.get(0)));
        assertEquals(first, new LicenseMatcher(cache).match(yaml));

        // what the file says is the answer: the next build does not compare again
        Files.writeString(files.get(0), "match 0BSD whole 1.00\n");
        assertEquals(List.of(new LicenseMatcher.Match("0BSD", LicenseMatcher.How.WHOLE, 1.0)), new LicenseMatcher(cache).match(yaml).matches());
        Files.writeString(files.get(0), "match MIT sideways\n");
        assertEquals(first, new LicenseMatcher(cache).match(yaml), "an unreadable answer is answered again");
        assertEquals("match MIT within 0.49\nmatch Apache-2.0 notice 0.28\n", Files.readString(files.get(0)), "and written anew");

        LicenseMatcher.Answer failed = new LicenseMatcher(cache).match(copyingWithAHoleAndNoDeclaration());
        assertFalse(failed.determined());
        assertEquals(failed, new LicenseMatcher(cache).match(copyingWithAHoleAndNoDeclaration()), "a failure is kept too");
    }

    /** The graph with three more modules carrying the real texts, tidied by go, in scope all. */
    @Test
    void theSbomIsWrittenAndValidDeclaresTheExpressionAndThePolicyStillProtects() throws Exception {
        TestModule securejoin = TestModule.of(SECUREJOIN, "v0.6.0").goPackage("", "securejoin")
                .file("COPYING.md", real("filepath-securejoin-v0.6.0-COPYING.md"))
                .file("LICENSE.BSD", real("filepath-securejoin-v0.6.0-LICENSE.BSD"))
                .file("LICENSE.MPL-2.0", real("filepath-securejoin-v0.6.0-LICENSE.MPL-2.0"));
        TestModule undeclared = TestModule.of("example.com/undeclared", "v1.0.0").goPackage("", "undeclared")
                .file("COPYING.md", copyingWithAHoleAndNoDeclaration());
        TestModule errwrap = TestModule.of("github.com/hashicorp/errwrap", "v1.1.0").goPackage("", "errwrap")
                .file("LICENSE", real("hashicorp-errwrap-v1.1.0-LICENSE"));
        TestModule yaml = TestModule.of("gopkg.in/yaml.v3", "v3.0.1").goPackage("", "yaml").file("LICENSE", real("yaml.v3-v3.0.1-LICENSE"));
        List<TestModule> modules = new ArrayList<>(GraphFixture.proxyModules());
        modules.addAll(List.of(securejoin, undeclared, yaml, errwrap));
        FileGoProxy proxy = new FileGoProxy(tmp.resolve("proxy")).publish(modules.toArray(TestModule[]::new));
        IsolatedGo go = new IsolatedGo(tmp.resolve("go"), proxy.url(), GoMatrix.pathGo());
        Path main = tmp.resolve("main");
        GraphFixture.writeMain(main);
        Files.writeString(main.resolve("real.go"), "package main\n\nimport (\n\t_ \"" + SECUREJOIN + "\"\n\t_ \"example.com/undeclared\"\n"
                + "\t_ \"gopkg.in/yaml.v3\"\n\t_ \"github.com/hashicorp/errwrap\"\n)\n");
        go.run(main, "mod", "tidy").ok();

        List<String> log = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Reporter reporter = Reporter.to(log::add, warnings::add, (line, err) -> { });
        Path f = tmp.resolve("bom.json");
        SbomJob.Result r = new SbomJob(Workspace.of(main), reporter, new SbomJob.Options(go.command(log::add), ModuleInventory.Scope.ALL,
                SbomJobTest.TIME, SbomJobTest.TOOL, null)).run(f);
        assertTrue(new JsonParser().validate(f.toFile(), Version.VERSION_16).isEmpty());
        Map<String, JsonNode> c = SbomJobTest.components(SbomJobTest.read(f));
        assertEquals(19, c.size());

        JsonNode sj = c.get("pkg:golang/" + SECUREJOIN + "@v0.6.0?type=module");
        assertEquals("BSD-3-Clause AND MPL-2.0", sj.at("/licenses/0/expression").asText(), sj.toString());
        assertEquals("declared", sj.at("/licenses/0/acknowledgement").asText());
        Set<String> evidence = new TreeSet<>();
        sj.at("/evidence/licenses").forEach(l -> evidence.add(l.at("/license/id").asText()));
        assertTrue(evidence.containsAll(Set.of("BSD-3-Clause", "MPL-2.0")), evidence.toString());
        assertFalse(sj.get("properties").toString().contains("gomod:license-problem"), "the library threw, and found MPL-2.0 all the same");
        JsonNode ew = c.get("pkg:golang/github.com/hashicorp/errwrap@v1.1.0?type=module");
        assertEquals(List.of("MPL-2.0", "MPL-2.0-no-copyleft-exception"), idsOf(ew.at("/licenses")), ew.toString());
        JsonNode holed = c.get("pkg:golang/example.com/undeclared@v1.0.0?type=module");
        assertTrue(holed.get("properties").toString().contains("COPYING.md: license not determined, the SPDX library failed comparing with "
                + "MPL-2.0-no-copyleft-exception (whole): ArrayIndexOutOfBoundsException"), holed.toString());

        JsonNode y = c.get("pkg:golang/gopkg.in/yaml.v3@v3.0.1?type=module");
        assertEquals(List.of("Apache-2.0", "MIT"), idsOf(y.at("/licenses")), "concluded from the MIT text and the Apache-2.0 notice");
        assertTrue(y.at("/evidence/licenses").toString().contains("\"notice\""), y.toString());

        // one warning per module and file, naming both and the library's error
        List<String> undetermined = warnings.stream().filter(w -> w.contains("license not determined")).toList();
        assertEquals(List.of("example.com/undeclared@v1.0.0: COPYING.md: license not determined, the SPDX library failed comparing with "
                + "MPL-2.0-no-copyleft-exception (whole): ArrayIndexOutOfBoundsException"), undetermined, warnings.toString());

        // the policy: the declaration answers for filepath-securejoin; the module declaring nothing is unknown
        ModuleInventory inv = r.inventory();
        assertEquals(List.of("example.com/undeclared@v1.0.0: license not determined in COPYING.md (the license library failed on it) and none declared"),
                LicensePolicy.of("", "", true).violations(inv).stream().filter(v -> !v.contains("no license found")).toList());
        assertEquals(List.of(), LicensePolicy.of("", "", false).violations(inv));
        List<String> denied = LicensePolicy.of("", "MPL-2.0", false).violations(inv);
        assertTrue(denied.contains(SECUREJOIN + "@v0.6.0: MPL-2.0 (COPYING.md, LICENSE.MPL-2.0, COPYING.md declares it) is denied"), denied.toString());
        assertTrue(LicensePolicy.of("MIT,ISC,Apache-2.0,BSD-3-Clause,MPL-2.0,MPL-2.0-no-copyleft-exception", "", false).violations(inv).stream()
                .noneMatch(v -> v.startsWith(SECUREJOIN)));
    }

    static List<String> idsOf(JsonNode licenses) {
        List<String> out = new ArrayList<>();
        licenses.forEach(l -> out.add(l.at("/license/id").asText()));
        return out.stream().sorted().toList();
    }
}
