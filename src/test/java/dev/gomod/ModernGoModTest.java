package dev.gomod;

import dev.gomod.Reporter;
import dev.gomod.archive.ReproducibleArchive;
import dev.gomod.archive.SafeExtractor;
import dev.gomod.bundle.BundleLayout;
import dev.gomod.bundle.Pack;
import dev.gomod.bundle.PackedBundle;
import dev.gomod.bundle.Restore;
import dev.gomod.freeze.DependencyPolicy;
import dev.gomod.freeze.Freeze;
import dev.gomod.gotool.ToolchainSelection;
import dev.gomod.lock.GoModLock;
import dev.gomod.mod.GoMod;
import dev.gomod.mod.GoVersion;
import dev.gomod.testkit.Checkout;
import dev.gomod.testkit.FileGoProxy;
import dev.gomod.testkit.GoMatrix;
import dev.gomod.testkit.IsolatedGo;
import dev.gomod.testkit.TestModule;
import dev.gomod.vendoring.VendorJob;
import dev.gomod.verify.WorkspaceCheck;
import dev.gomod.workspace.Workspace;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A module written the way each Go from 1.21 writes them, with every go.mod feature that Go knows
 * (three-part go line, toolchain; godebug from 1.23, tool from 1.24, ignore from 1.25) and
 * dependencies that declare go 1.21.0 and the Go's own release, through freeze, vendor, package,
 * restore, verify and an offline build with that same Go. And a go line one release ahead: refused
 * by the plugin's rule in the words the real go uses.
 */
class ModernGoModTest {
    @TempDir
    Path tmp;

    private final List<String> log = new ArrayList<>();

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.gomod.testkit.GoMatrix#modern")
    void everyGoModFeatureOfThisGoMakesTheRoundTrip(GoMatrix.Go release) throws Exception {
        String version = release.version();
        int minor = release.minor();
        String goLine = "1." + minor + ".0";
        TestModule newer = TestModule.of("example.com/newer", "v1.0.0").go("1.21.0").goPackage("", "newer");
        TestModule current = TestModule.of("example.com/current", "v1.1.0").go(goLine)
                .file("current.go", "package current\n\n// Max uses the built-in min and max of Go 1.21.\nfunc Max(a, b int) int { return max(a, b) }\n");
        TestModule tools = TestModule.of("example.com/tools", "v0.3.0").go("1.21.0")
                .file("cmd/gen/main.go", "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"generated\") }\n");
        FileGoProxy proxy = new FileGoProxy(tmp.resolve("proxy")).publish(newer, current, tools);

        Path main = Files.createDirectories(tmp.resolve("main"));
        StringBuilder goMod = new StringBuilder("module example.com/modern\n\ngo " + goLine + "\n\ntoolchain " + version + "\n");
        if (minor >= 23) {
            goMod.append("\ngodebug panicnil=1\n");
        }
        goMod.append("\nrequire (\n\texample.com/current v1.1.0\n\texample.com/newer v1.0.0\n");
        if (minor >= 24) {
            goMod.append("\texample.com/tools v0.3.0\n");
        }
        goMod.append(")\n");
        if (minor >= 24) {
            goMod.append("\ntool example.com/tools/cmd/gen\n");
        }
        if (minor >= 25) {
            goMod.append("\nignore ./scratch\n");
            Files.createDirectories(main.resolve("scratch"));
            Files.writeString(main.resolve("scratch/broken.go"), "package scratch\n\nthis does not compile\n");
        }
        Files.writeString(main.resolve("go.mod"), goMod.toString());
        Files.writeString(main.resolve("main.go"), "package main\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/current\"\n\t\"example.com/newer\"\n)\n\n"
                + "func main() { fmt.Println(current.Max(1, 42), newer.Name() != \"\") }\n");

        IsolatedGo go = new IsolatedGo(tmp.resolve("go"), proxy.url(), release);
        go.run(main, "mod", "tidy").ok();
        String tidied = Files.readString(main.resolve("go.mod"));
        assertTrue(tidied.contains("\ngo " + goLine + "\n") && tidied.contains("\ntoolchain " + version + "\n"), tidied);
        assertEquals(minor >= 23, tidied.contains("godebug panicnil=1"), tidied);
        assertEquals(minor >= 24, tidied.contains("tool example.com/tools/cmd/gen"), tidied);
        assertEquals(minor >= 25, tidied.contains("ignore ./scratch"), tidied);

        // freeze and vendor, as the release pipeline runs them
        GoModLock lock = new Freeze(Workspace.of(main), Reporter.of(log::add), new Freeze.Options(go.command(log::add), DependencyPolicy.permissive(), false, java.util.List.of())).run().lock();
        assertEquals(goLine, lock.goVersion());
        assertEquals(version, lock.toolchain());
        assertEquals(version, lock.vendoredBy());
        VendorJob.Outcome vendored = new VendorJob(Workspace.of(main), Reporter.of(log::add), new VendorJob.Options(go.command(log::add))).run();
        assertEquals(lock.pin(dev.gomod.lock.PinKey.VENDOR).orElseThrow(), vendored.hash());
        String modulesTxt = Files.readString(main.resolve("vendor/modules.txt"));
        assertTrue(modulesTxt.contains("# example.com/current v1.1.0\n## explicit; go " + goLine + "\n"), modulesTxt);
        assertTrue(modulesTxt.contains("# example.com/newer v1.0.0\n## explicit; go 1.21.0\n"), modulesTxt);
        assertEquals(minor >= 24, Files.exists(main.resolve("vendor/example.com/tools/cmd/gen/main.go")), "tool packages are vendored");

        // package, then restore into a fresh checkout on an agent
        Path bundle = tmp.resolve("modern-go-vendor.tar.gz");
        PackedBundle packed = new Pack(new Workspace(main, main.resolve("gomod.lock"), main.resolve("target/gomod")), Reporter.SILENT, new Pack.Options(BundleLayout.VENDOR, ReproducibleArchive.Format.TAR_GZ, Instant.parse("2026-01-01T00:00:00Z"))).run(main.resolve("vendor"), bundle);
        assertEquals(goLine, packed.manifest().goVersion());
        Path agent = Checkout.sources(main, tmp.resolve("agent"));
        Restore.Outcome restored = new Restore(Workspace.of(agent), Reporter.of(log::add), new Restore.Options(BundleLayout.VENDOR, agent.resolve("vendor"), SafeExtractor.Limits.DEFAULT)).run(bundle, ReproducibleArchive.Format.TAR_GZ);
        assertEquals(lock.pin(dev.gomod.lock.PinKey.VENDOR).orElseThrow(), restored.treeHash());

        GoVersion builder = GoVersion.parse(version).orElseThrow();
        WorkspaceCheck.Report report = new WorkspaceCheck(Workspace.of(agent), Reporter.SILENT, WorkspaceCheck.Options.NONE.builder(builder)).run();
        assertTrue(report.clean(), report.toString());

        // the agent builds with no network and an empty module cache
        go.set("GOPROXY", "off").set("GOFLAGS", "-mod=vendor").set("GONOPROXY", "none.invalid")
                .set("GOMODCACHE", tmp.resolve("empty-cache").toString());
        go.run(agent, "build", "-o", "app", ".").ok();
        go.run(agent, "build", "./...").ok(); // with ignore, ./scratch is not a package
        assertEquals("42 true\n", run(agent.resolve("app")));
        if (minor >= 24) {
            assertEquals("generated\n", go.run(agent, "tool", "gen").ok().stdout());
        }
        assertFalse(Files.exists(tmp.resolve("empty-cache/cache/download")), "go fetched nothing");

        // one release ahead: refused before go starts, in go's own words
        String ahead = "1." + (minor + 1) + ".0";
        Files.writeString(agent.resolve("go.mod"), tidied.replace("\ngo " + goLine + "\n", "\ngo " + ahead + "\n")
                .replaceAll("\ntoolchain [^\n]*\n", "\n"));
        GoMod tooNew = GoMod.parse("go.mod", Files.readAllBytes(agent.resolve("go.mod")), true);
        ToolchainSelection.Decision d = ToolchainSelection.decide(builder, "local", tooNew, n -> false);
        String ours = d.refused().orElseThrow();
        IsolatedGo.Result theirs = go.run(agent, "list", "-m");
        assertTrue(theirs.stderr().contains(ours), "go said: " + theirs.stderr() + "\nwe say: " + ours);
        WorkspaceCheck.Report verify = new WorkspaceCheck(new Workspace(agent, tmp.resolve("no.lock"), agent.resolve("target/gomod")), Reporter.SILENT, WorkspaceCheck.Options.NONE.builder(builder)).run();
        assertEquals(List.of("go.mod requires go >= " + ahead + " (running go " + builder + ")"),
                verify.of(WorkspaceCheck.Category.GO_TOO_OLD).stream().map(WorkspaceCheck.Finding::message).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.gomod.testkit.GoMatrix#modern")
    void verifyNamesAVendoredModuleNewerThanTheGoThatBuildsInGosWords(GoMatrix.Go release) throws Exception {
        GoVersion builder = GoVersion.parse(release.version()).orElseThrow();
        String ahead = "1." + (release.minor() + 1) + ".0";
        Path ws = Files.createDirectories(tmp.resolve("ws/vendor/example.com/future"));
        Path main = tmp.resolve("ws");
        Files.writeString(main.resolve("go.mod"), "module example.com/m\n\ngo 1.21.0\n\nrequire example.com/future v1.0.0\n");
        Files.writeString(main.resolve("main.go"), "package main\n\nimport _ \"example.com/future\"\n\nfunc main() {}\n");
        Files.writeString(main.resolve("vendor/modules.txt"), "# example.com/future v1.0.0\n## explicit; go " + ahead + "\nexample.com/future\n");
        Files.writeString(ws.resolve("future.go"), "package future\n");
        WorkspaceCheck.Report r = new WorkspaceCheck(Workspace.of(main), Reporter.SILENT, WorkspaceCheck.Options.NONE.builder(builder)).run();
        String ours = r.of(WorkspaceCheck.Category.GO_TOO_OLD).get(0).message();
        assertEquals("example.com/future in vendor/modules.txt requires go >= " + ahead + " (running go " + builder + ")", ours);
        IsolatedGo go = new IsolatedGo(tmp.resolve("go"), "off", release);
        IsolatedGo.Result theirs = go.set("GOFLAGS", "-mod=vendor").run(main, "build", "./...");
        assertTrue(theirs.stderr().contains(ours.replace(" (running go " + builder + ")", " (running go " + builder + "; GOTOOLCHAIN=local)")),
                "go said: " + theirs.stderr() + "\nwe say: " + ours);
    }

    private static String run(Path exe) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(exe.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
