package dev.gomod.freeze;

import dev.gomod.Reporter;
import dev.gomod.WorkspaceException;
import dev.gomod.gotool.GoCommand;
import dev.gomod.gotool.GoEnvironment;
import dev.gomod.gotool.GoException;
import dev.gomod.gotool.SecretMasker;
import dev.gomod.hash.Sha256;
import dev.gomod.lock.GoModLock;
import dev.gomod.lock.LockDrift;
import dev.gomod.testkit.GoMatrix;
import dev.gomod.testkit.GraphFixture;
import dev.gomod.testkit.IsolatedGo;
import dev.gomod.vendoring.VendorJob;
import dev.gomod.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** freeze and vendor with the real go on the 16-module graph, served from a file:// GOPROXY; with the oldest and the newest Go. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.gomod.testkit.GoMatrix#oldestAndNewest")
class FreezeVendorTest {
    @Parameter
    GoMatrix.Go release;

    @TempDir
    Path tmp;

    Path main;
    IsolatedGo go;
    final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void tidyTheGraph() throws IOException {
        GraphFixture.Workspace w = GraphFixture.tidied(tmp, release);
        go = w.go();
        main = w.main();
    }

    GoCommand command(Map<String, String> env, boolean offline) {
        GoEnvironment e = new GoEnvironment(env, new SecretMasker()).offline(offline);
        return new GoCommand(go.executable(), e, Duration.ofMinutes(2), 0, Duration.ZERO, Reporter.of(log::add));
    }

    Freeze freeze(DependencyPolicy policy) {
        return new Freeze(Workspace.of(main), Reporter.of(log::add), new Freeze.Options(command(go.env(), false), policy, false, java.util.List.of()));
    }

    VendorJob vendor(boolean offline) {
        return new VendorJob(Workspace.of(main), Reporter.of(log::add), new VendorJob.Options(command(go.env(), offline)));
    }

    @Test
    void freezeWritesTheLockAndTouchesNothingElse() throws Exception {
        byte[] goMod = Files.readAllBytes(main.resolve("go.mod"));
        byte[] goSum = Files.readAllBytes(main.resolve("go.sum"));
        Freeze.Outcome out = freeze(DependencyPolicy.permissive()).run();
        assertTrue(out.changed());
        assertEquals(15, out.buildList().size() - 1, "14 modules from the proxy (one through its fork) and the directory replacement");
        assertEquals(new String(goMod), Files.readString(main.resolve("go.mod")));
        assertEquals(new String(goSum), Files.readString(main.resolve("go.sum")));
        assertFalse(Files.exists(main.resolve("vendor")), "freeze vendors into a scratch directory only");

        GoModLock lock = GoModLock.parse("gomod.lock", Files.readAllBytes(main.resolve("gomod.lock")));
        assertEquals(GraphFixture.MAIN_MODULE, lock.modulePath());
        assertEquals("1.19", lock.goVersion());
        assertEquals(go.version(), lock.vendoredBy());
        assertEquals(Sha256.hex(goMod), lock.goModSha256());
        assertEquals(Sha256.hex(goSum), lock.goSumSha256());
        assertTrue(lock.pin(dev.gomod.lock.PinKey.VENDOR).orElseThrow().startsWith("h1:"));

        List<String> report = Files.readAllLines(out.report());
        assertTrue(report.contains("example.com/old v1.0.0 => example.com/fork v1.0.1"), report.toString());
        assertTrue(report.contains("example.com/local v0.0.0 => ./local"), report.toString());
        assertTrue(report.contains("example.com/chain/c8 v1.0.8 // indirect"), report.toString());
        assertTrue(report.contains("github.com/Acme/Core v1.2.0"), report.toString());

        byte[] first = Files.readAllBytes(main.resolve("gomod.lock"));
        assertFalse(freeze(DependencyPolicy.permissive()).run().changed(), "same inputs, same lock");
        assertEquals(new String(first), Files.readString(main.resolve("gomod.lock")));
    }

    @Test
    void policiesNameTheOffendingLineOrModule() throws Exception {
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> freeze(new DependencyPolicy(false, null, null, false)).run());
        assertTrue(e.getMessage().contains("go.mod:" + lineOf("replace example.com/local") + ": replace example.com/local => ./local is a local directory replacement"), e.getMessage());
        e = assertThrows(WorkspaceException.class, () -> freeze(new DependencyPolicy(true, "example.com/chain/*", null, false)).run());
        assertEquals(8, e.getMessage().lines().filter(l -> l.contains("is denied by deny=example.com/chain/*")).count(), e.getMessage());
        e = assertThrows(WorkspaceException.class, () -> freeze(new DependencyPolicy(true, null, "example.com", false)).run());
        assertTrue(e.getMessage().contains("github.com/Acme/Core@v1.2.0 is not allowed by allow=example.com"), e.getMessage());
        assertFalse(Files.exists(main.resolve("gomod.lock")));
    }

    @Test
    void vendorReproducesTheLockAndThenSkips() throws Exception {
        GoModLock lock = freeze(DependencyPolicy.permissive()).run().lock();
        VendorJob.Outcome first = vendor(false).run();
        assertFalse(first.skipped());
        assertEquals(lock.pin(dev.gomod.lock.PinKey.VENDOR).orElseThrow(), first.hash());
        assertEquals(lock.pin(dev.gomod.lock.PinKey.VENDOR).orElseThrow(), LockDrift.vendorHash(main.resolve("vendor")));
        assertTrue(Files.exists(main.resolve("vendor/example.com/licensed/LICENSE")), "LICENSE from a parent directory");
        assertTrue(Files.exists(main.resolve("vendor/example.com/licensed/sub/NOTICE")));
        assertFalse(Files.exists(main.resolve("vendor/example.com/licensed/sub/pkg/testdata")));
        assertTrue(Files.exists(main.resolve("vendor/example.com/util/sum_amd64.s")));
        assertTrue(Files.exists(main.resolve("vendor/example.com/old/old.go")));
        assertTrue(Files.readString(main.resolve("vendor/example.com/old/old.go")).contains("fork"));
        assertTrue(Files.exists(main.resolve("vendor/github.com/Acme/Core/core.go")));
        assertTrue(Files.exists(main.resolve("vendor/example.com/local/local.go")));
        try (var s = Files.list(main)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".vendor")).toList(), "no leftovers");
        }

        assertTrue(vendor(false).run().skipped());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("vendor/ already matches gomod.lock (" + lock.pin(dev.gomod.lock.PinKey.VENDOR).orElseThrow())), log.toString());

        go.set("GOPROXY", "off").set("GOFLAGS", "-mod=vendor -modcacherw").set("GOMODCACHE", tmp.resolve("empty-cache").toString());
        go.run(main, "build", "-o", "hello", ".").ok();
        IsolatedGo.Result run = runBinary(main.resolve("hello"));
        assertEquals("42 true local 2 fork\n", run.stdout());
    }

    @Test
    void untidyModulesAreRefusedWithTheLines() throws Exception {
        String tidy = Files.readString(main.resolve("go.mod"));
        Files.writeString(main.resolve("go.mod"), tidy.replace("require (\n", "require (\n\texample.com/unused v1.0.0\n"));
        byte[] before = Files.readAllBytes(main.resolve("go.mod"));
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> freeze(DependencyPolicy.permissive()).run());
        assertTrue(e.getMessage().contains("go.mod:6: - example.com/unused v1.0.0   (tidy would remove)"), e.getMessage());
        assertEquals(new String(before), Files.readString(main.resolve("go.mod")), "the check ran on a copy");

        Files.writeString(main.resolve("go.mod"), tidy);
        Files.writeString(main.resolve("extra.go"), "package main\n\nimport _ \"example.com/extra\"\n");
        e = assertThrows(WorkspaceException.class, () -> freeze(DependencyPolicy.permissive()).run());
        assertTrue(e.getMessage().contains("go.mod: + example.com/extra v1.0.0   (tidy would add)"), e.getMessage());
        assertTrue(e.getMessage().contains("go.sum: + example.com/extra v1.0.0 h1:"), e.getMessage());
        assertEquals(tidy, Files.readString(main.resolve("go.mod")));
        assertFalse(Files.readString(main.resolve("go.sum")).contains("example.com/extra"));
    }

    @Test
    void goSumDriftStopsVendor() throws Exception {
        freeze(DependencyPolicy.permissive()).run();
        Files.writeString(main.resolve("go.sum"), "example.com/x v1.0.0/go.mod h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=\n",
                StandardOpenOption.APPEND);
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> vendor(false).run());
        assertTrue(e.getMessage().contains("go.sum changed: lock has sha256:"), e.getMessage());
        assertEquals(WorkspaceException.Reason.DRIFT, e.reason());
        assertEquals("gomod.lock", e.fact("lock"));
        assertFalse(Files.exists(main.resolve("vendor")));
    }

    @Test
    void aLockFromAnotherGoExplainsTheMismatchAndKeepsTheOldTree() throws Exception {
        GoModLock lock = freeze(DependencyPolicy.permissive()).run().lock();
        vendor(false).run();
        Files.writeString(main.resolve("vendor/marker.txt"), "old tree");
        Files.write(main.resolve("gomod.lock"), lock.withVendor("go1.21.0", "h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=").toBytes());
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> vendor(false).run());
        assertTrue(e.getMessage().contains("vendoring output differs between Go versions (the lock was made by go1.21.0, this is " + go.version()), e.getMessage());
        assertTrue(e.getMessage().contains("vendor/ was left as it was"), e.getMessage());
        assertEquals("old tree", Files.readString(main.resolve("vendor/marker.txt")));
        assertFalse(Files.exists(main.resolve(".vendor.new")));
    }

    @Test
    void anInterruptedSwapIsRecoveredOnTheNextRun() throws Exception {
        freeze(DependencyPolicy.permissive()).run();
        vendor(false).run();
        // killed between "move old aside" and "move new in": only .vendor.old is there
        Files.move(main.resolve("vendor"), main.resolve(".vendor.old"));
        Files.createDirectories(main.resolve(".vendor.new/partial"));
        assertTrue(vendor(false).run().skipped());
        assertTrue(log.stream().anyMatch(l -> l.contains("back to " + main.resolve("vendor") + " after an interrupted run")), log.toString());
        assertFalse(Files.exists(main.resolve(".vendor.new")));
    }

    @Test
    void offlineWorksFromAFilledCacheAndFailsClearlyWithoutOne() throws Exception {
        vendor(true).run(); // no lock: always vendors; the cache was filled by tidy
        assertTrue(Files.exists(main.resolve("vendor/modules.txt")));
        Map<String, String> empty = new java.util.HashMap<>(go.env());
        empty.put("GOMODCACHE", tmp.resolve("empty-cache").toString());
        empty.put("GOPROXY", "https://proxy.invalid"); // offline drops network proxies; file:// ones would stay
        GoException e = assertThrows(GoException.class, () ->
                new VendorJob(Workspace.of(main), Reporter.of(log::add), new VendorJob.Options(command(empty, true))).run());
        assertTrue(e.getMessage().contains("module lookup disabled by GOPROXY=off"), e.getMessage());
        assertEquals(GoException.Kind.FAILED, e.kind());
    }

    private int lineOf(String prefix) throws IOException {
        List<String> lines = Files.readAllLines(main.resolve("go.mod"), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError(prefix + " not in go.mod");
    }

    private static IsolatedGo.Result runBinary(Path exe) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(exe.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new IsolatedGo.Result(p.waitFor(), out, "");
    }
}
