package dev.gomod.conformance;

import dev.gomod.mod.GoMod;
import dev.gomod.mod.ModuleVersion;
import dev.gomod.mod.ModulesTxt;
import dev.gomod.mod.VendorConsistency;
import dev.gomod.testkit.FileGoProxy;
import dev.gomod.testkit.IsolatedGo;
import dev.gomod.testkit.TestModule;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import dev.gomod.testkit.GoMatrix;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * vendor/modules.txt as the real {@code go mod vendor} writes it for main modules at go 1.14, 1.16,
 * 1.17+ and (for Go 1.21 and later) three-part go lines, with a module replacement, a directory
 * replacement and an indirect dependency; and our consistency verdicts against the ones {@code go}
 * gives; with every Go of the matrix.
 */
class ModulesTxtConformanceTest {
    @TempDir
    Path tmp;

    /** Each Go with the main-module go lines it accepts. */
    static Stream<Arguments> goAndMainGoLine() {
        List<Arguments> out = new ArrayList<>();
        GoMatrix.all().forEach(g -> {
            java.util.Set<String> lines = new java.util.LinkedHashSet<>(List.of("1.14", "1.16", "1.17", "1.19"));
            if (g.minor() >= 21) {
                lines.add("1.21.0");
                lines.add("1." + g.minor() + ".0");
            }
            lines.forEach(l -> out.add(Arguments.of(g, l)));
        });
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, go {1}")
    @MethodSource("goAndMainGoLine")
    void parsesWhatGoModVendorWrites(GoMatrix.Go release, String mainGo) throws Exception {
        TestModule d = TestModule.of("example.com/d", "v0.2.0").go("1.12").goPackage("", "d");
        TestModule a = TestModule.of("example.com/a", "v1.0.0").require("example.com/d", "v0.2.0").goPackage("", "a", "example.com/d");
        TestModule b = TestModule.of("example.com/b", "v1.1.0").goPackage("", "b");
        TestModule fork = TestModule.of("example.com/c", "v1.0.0").goMod("module example.com/b\n\ngo 1.16\n").goPackage("", "b");
        TestModule unused = TestModule.of("example.com/unused", "v1.0.0").goPackage("", "unused");
        FileGoProxy proxy = new FileGoProxy(tmp.resolve("proxy")).publish(d, a, b, fork, unused);
        IsolatedGo go = new IsolatedGo(tmp.resolve("go"), proxy.url(), release);

        Path main = Files.createDirectories(tmp.resolve("main"));
        Files.writeString(main.resolve("go.mod"), "module example.com/main\n\ngo " + mainGo + "\n\nrequire (\n"
                + "\texample.com/a v1.0.0\n\texample.com/b v1.1.0\n\texample.com/local v0.0.0\n)\n\n"
                + "replace example.com/b v1.1.0 => example.com/c v1.0.0\n\nreplace example.com/local => ./local\n");
        Files.writeString(main.resolve("main.go"), "package main\n\nimport (\n\t_ \"example.com/a\"\n\t_ \"example.com/b\"\n\t_ \"example.com/local\"\n)\n\nfunc main() {}\n");
        Path local = Files.createDirectories(main.resolve("local"));
        Files.writeString(local.resolve("go.mod"), "module example.com/local\n\ngo 1.16\n");
        Files.writeString(local.resolve("local.go"), "package local\n");
        go.run(main, "mod", "tidy").ok();
        go.run(main, "mod", "vendor").ok();

        boolean go117 = !mainGo.equals("1.14") && !mainGo.equals("1.16");
        ModulesTxt txt = ModulesTxt.parse(Files.readAllBytes(main.resolve("vendor/modules.txt")));
        ModulesTxt.Module ma = txt.find(new ModuleVersion("example.com/a", "v1.0.0")).orElseThrow();
        assertTrue(ma.explicit());
        assertEquals(List.of("example.com/a"), ma.packages());
        assertEquals(go117, ma.goVersion().isPresent());
        ModulesTxt.Module mb = txt.find(new ModuleVersion("example.com/b", "v1.1.0")).orElseThrow();
        assertEquals(new ModuleVersion("example.com/c", "v1.0.0"), mb.replacement().orElseThrow());
        assertEquals(List.of("example.com/b"), mb.packages());
        ModulesTxt.Module ml = txt.find(new ModuleVersion("example.com/local", "v0.0.0")).orElseThrow();
        assertEquals(new ModuleVersion("./local", ""), ml.replacement().orElseThrow());
        assertEquals(List.of("example.com/local"), ml.packages());
        ModulesTxt.Module md = txt.find(new ModuleVersion("example.com/d", "v0.2.0")).orElseThrow();
        assertEquals(go117, md.explicit(), "go 1.17 lists indirect requirements in go.mod");
        assertEquals(go117 ? "1.12" : "-", md.goVersion().orElse("-"));
        assertEquals(4, txt.withPackages().size());

        GoMod goMod = GoMod.parse("go.mod", Files.readAllBytes(main.resolve("go.mod")), true);
        assertEquals(List.of(), VendorConsistency.check(goMod, txt));

        // Break go.mod the ways users do; go and we must name the same modules with the same words.
        String tidy = Files.readString(main.resolve("go.mod"));
        assertVerdictsAgree(go, main, txt, tidy.replace("require (", "require (\n\texample.com/unused v1.0.0"));
        assertVerdictsAgree(go, main, txt, tidy.replace("replace example.com/b v1.1.0 => example.com/c v1.0.0\n", ""));
        assertVerdictsAgree(go, main, txt, tidy.replace("\texample.com/a v1.0.0\n", "") + "\nreplace example.com/x => ./x\n");
    }

    private static void assertVerdictsAgree(IsolatedGo go, Path main, ModulesTxt txt, String brokenGoMod) throws Exception {
        Files.writeString(main.resolve("go.mod"), brokenGoMod);
        IsolatedGo.Result r = go.run(main, "list", "-mod=vendor", "./...");
        assertNotEquals(0, r.exit(), "go accepted an inconsistent vendor tree:\n" + brokenGoMod);
        assertTrue(r.stderr().contains("inconsistent vendoring"), r.stderr());
        List<VendorConsistency.Violation> ours = VendorConsistency.check(
                GoMod.parse("go.mod", brokenGoMod.getBytes(StandardCharsets.UTF_8), true), txt);
        assertTrue(!ours.isEmpty(), "we found nothing wrong with:\n" + brokenGoMod);
        long goCount = r.stderr().lines().filter(l -> l.startsWith("\texample.com/")).count();
        assertEquals(goCount, ours.size(), r.stderr() + "\nours: " + ours);
        for (VendorConsistency.Violation v : ours) {
            assertTrue(r.stderr().contains("\t" + v + "\n"), "go did not say '" + v + "':\n" + r.stderr());
        }
    }
}
