package dev.gomod.verify;

import dev.gomod.lock.PinKey;
import dev.gomod.Reporter;
import dev.gomod.workspace.Workspace;
import dev.gomod.hash.Sha256;
import dev.gomod.lock.GoModLock;
import dev.gomod.lock.LockDrift;
import dev.gomod.mod.FormatException;
import dev.gomod.testkit.FileGoProxy;
import dev.gomod.testkit.IsolatedGo;
import dev.gomod.testkit.TestModule;
import dev.gomod.verify.WorkspaceCheck.Category;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verify job on a workspace that the real go vendored and whose module cache go filled. */
class WorkspaceCheckTest {
    @TempDir
    Path tmp;

    private Path main;
    private IsolatedGo go;
    private TestModule upper;

    @BeforeEach
    void vendorWithGo() throws IOException {
        IsolatedGo.requireGo();
        TestModule greet = TestModule.of("example.com/greet", "v1.0.0").goPackage("", "greet");
        upper = TestModule.of("github.com/Upper/Case", "v0.3.0").goPackage("", "cases").file("LICENSE", "MIT\n");
        FileGoProxy proxy = new FileGoProxy(tmp.resolve("proxy")).publish(greet, upper);
        go = new IsolatedGo(tmp.resolve("go"), proxy.url());
        main = Files.createDirectories(tmp.resolve("main"));
        Files.writeString(main.resolve("go.mod"), "module example.com/main\n\ngo 1.19\n\nrequire (\n\texample.com/greet v1.0.0\n\tgithub.com/Upper/Case v0.3.0\n)\n");
        Files.writeString(main.resolve("main.go"), "package main\n\nimport (\n\t_ \"example.com/greet\"\n\t_ \"github.com/Upper/Case\"\n)\n\nfunc main() {}\n");
        go.run(main, "mod", "tidy").ok();
        go.run(main, "mod", "download").ok();
        go.run(main, "mod", "vendor").ok();
    }

    private void writeLock() throws IOException {
        GoModLock lock = new GoModLock(new GoModLock.ModuleFiles("example.com/main", Sha256.hex(main.resolve("go.mod")),
                Sha256.hex(main.resolve("go.sum"))), "1.19", null, go.version(), null).withPin(PinKey.VENDOR, LockDrift.vendorHash(main.resolve("vendor")));
        Files.write(main.resolve("gomod.lock"), lock.toBytes());
    }

    @Test
    void cleanWorkspacePassesEveryCheck() throws Exception {
        writeLock();
        WorkspaceCheck.Report r = check(main, WorkspaceCheck.Options.NONE.modcache(go.modcache())).run();
        assertTrue(r.clean(), r.findings().toString());
        assertTrue(r.summary().contains("vendor/modules.txt (2 modules, 2 packages)"), r.summary());
        assertTrue(r.summary().contains("(2 zips, 2 go.mod files)"), r.summary());
        assertTrue(r.summary().contains("gomod.lock (with vendor/, 4 files)"), r.summary());
        assertTrue(r.summary().endsWith("all consistent"), r.summary());
    }

    @Test
    void tamperedZipIsNamedWithBothHashes() throws Exception {
        Path zip = go.modcache().resolve("cache/download/github.com/!upper/!case/@v/v0.3.0.zip");
        Files.write(zip, TestModule.of("github.com/Upper/Case", "v0.3.0").goPackage("", "cases").file("LICENSE", "GPL\n").zipBytes());
        WorkspaceCheck.Report r = check(main, WorkspaceCheck.Options.NONE.modcache(go.modcache())).run();
        List<WorkspaceCheck.Finding> sums = r.of(Category.MODULE_SUM);
        assertEquals(2, sums.size(), sums.toString());
        assertTrue(sums.get(0).message().startsWith("github.com/Upper/Case@v0.3.0 zip"), sums.get(0).message());
        assertTrue(sums.get(0).message().contains("go.sum has h1:"), sums.get(0).message());
        assertTrue(sums.get(1).message().contains(".ziphash"), sums.get(1).message());
        // go mod verify agrees that this module, and only this one, was modified.
        IsolatedGo.Result verify = go.run(main, "mod", "verify");
        assertEquals(1, verify.exit(), verify.stdout() + verify.stderr());
        assertTrue((verify.stdout() + verify.stderr()).contains("github.com/Upper/Case v0.3.0: zip has been modified"),
                verify.stdout() + verify.stderr());
        assertTrue(!(verify.stdout() + verify.stderr()).contains("example.com/greet"), verify.stdout() + verify.stderr());
    }

    @Test
    void missingFilesAreListedAndCanBeAllowed() throws Exception {
        Files.delete(go.modcache().resolve("cache/download/example.com/greet/@v/v1.0.0.zip"));
        WorkspaceCheck.Report r = check(main, WorkspaceCheck.Options.NONE.modcache(go.modcache())).run();
        assertEquals(1, r.of(Category.MODULE_MISSING).size());
        assertTrue(r.of(Category.MODULE_MISSING).get(0).message().startsWith("example.com/greet@v1.0.0: missing "));
        WorkspaceCheck.Report allowed = check(main, WorkspaceCheck.Options.NONE.modcache(go.modcache()).allowMissing(true)).run();
        assertTrue(allowed.clean());
        assertTrue(allowed.notes().stream().anyMatch(n -> n.startsWith("example.com/greet@v1.0.0: missing")));
    }

    @Test
    void aProxyLayoutDirectoryWorksLikeAModuleCache() throws Exception {
        WorkspaceCheck.Report r = check(main, WorkspaceCheck.Options.NONE.modcache(tmp.resolve("proxy"))).run();
        assertTrue(r.clean(), r.findings().toString());
    }

    @Test
    void driftFromTheLockNamesWhatChanged() throws Exception {
        writeLock();
        Files.writeString(main.resolve("vendor/github.com/Upper/Case/cases.go"), "\n// patched in place\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(main.resolve("go.sum"), "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        WorkspaceCheck.Report r = check(main, WorkspaceCheck.Options.NONE).run();
        List<String> drift = r.of(Category.LOCK_DRIFT).stream().map(WorkspaceCheck.Finding::message).toList();
        assertEquals(2, drift.size(), drift.toString());
        assertTrue(drift.get(0).startsWith("go.sum changed: lock has sha256:"), drift.get(0));
        assertTrue(drift.get(1).startsWith("vendor/ changed: lock has h1:"), drift.get(1));
        // go builds the tampered vendor tree without a word: only the recorded hash notices.
        go.run(main, "build", "-mod=vendor", "./...").ok();
    }

    @Test
    void inconsistentModulesTxtNamesTheModule() throws Exception {
        Files.writeString(main.resolve("go.mod"), Files.readString(main.resolve("go.mod")).replace("v0.3.0", "v0.3.1"));
        WorkspaceCheck.Report r = check(main, WorkspaceCheck.Options.NONE).run();
        List<WorkspaceCheck.Finding> v = r.of(Category.VENDOR_CONSISTENCY);
        assertTrue(v.stream().anyMatch(f -> f.message().startsWith("github.com/Upper/Case@v0.3.1: is explicitly required in go.mod")), v.toString());
        assertTrue(v.stream().anyMatch(f -> f.message().startsWith("github.com/Upper/Case@v0.3.0: is marked as explicit")), v.toString());
    }

    @Test
    void badGoModIsAFormatErrorWithItsLine() throws Exception {
        Files.writeString(main.resolve("go.mod"), "module example.com/main\n\ngo 1.19\nrequire example.com/greet latest\n");
        FormatException e = assertThrows(FormatException.class, () -> check(main, WorkspaceCheck.Options.NONE).run());
        assertEquals(4, e.line());
        assertTrue(e.file().endsWith("go.mod"));
    }

    @Test
    void aGoBefore121GetsANoteNotAFindingForNewerModules() throws Exception {
        Files.writeString(main.resolve("vendor/modules.txt"), Files.readString(main.resolve("vendor/modules.txt"))
                .replace("## explicit; go 1.17", "## explicit; go 1.23.0"));
        WorkspaceCheck.Report r = check(main, WorkspaceCheck.Options.NONE.builder(dev.gomod.mod.GoVersion.parse("1.19.8").orElseThrow())).run();
        assertTrue(r.of(WorkspaceCheck.Category.GO_TOO_OLD).isEmpty(), r.findings().toString());
        assertTrue(r.notes().contains("example.com/greet in vendor/modules.txt declares go 1.23.0, newer than go 1.19.8: Go before 1.21"
                + " builds it anyway, and fails only where newer language features are used"), r.notes().toString());
        r = check(main, WorkspaceCheck.Options.NONE.builder(dev.gomod.mod.GoVersion.parse("1.22.12").orElseThrow())).run();
        assertEquals(2, r.of(WorkspaceCheck.Category.GO_TOO_OLD).size(), r.findings().toString());
        assertTrue(check(main, WorkspaceCheck.Options.NONE).run().of(WorkspaceCheck.Category.GO_TOO_OLD).isEmpty(), "no Go known: rule not applied");
    }

    private static WorkspaceCheck check(Path dir, WorkspaceCheck.Options options) {
        return new WorkspaceCheck(Workspace.of(dir), Reporter.SILENT, options);
    }
}
