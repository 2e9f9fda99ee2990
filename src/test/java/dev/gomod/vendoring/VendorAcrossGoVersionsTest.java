package dev.gomod.vendoring;

import dev.gomod.lock.PinKey;
import dev.gomod.Reporter;
import dev.gomod.WorkspaceException;
import dev.gomod.freeze.DependencyPolicy;
import dev.gomod.freeze.Freeze;
import dev.gomod.hash.DirHash;
import dev.gomod.hash.Sha256;
import dev.gomod.lock.GoModLock;
import dev.gomod.mod.GoVersion;
import dev.gomod.testkit.Checkout;
import dev.gomod.testkit.FileGoProxy;
import dev.gomod.testkit.GoMatrix;
import dev.gomod.testkit.GraphFixture;
import dev.gomod.testkit.IsolatedGo;
import dev.gomod.testkit.TestModule;
import dev.gomod.verify.WorkspaceCheck;
import dev.gomod.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where {@code go mod vendor}'s output depends on the Go that runs it, measured with the matrix. For
 * one go.mod, every Go that its go line admits writes the same tree, so a lock made by one is
 * honoured by the others; what does change with the go line (test-only embeds are no longer vendored
 * from go 1.22 on) changes for every Go alike. A tree differs only when a Go older than the go line
 * vendors it (Go 1.19 on a go 1.22 module: it still vendors test embeds, and writes a dependency's
 * {@code go 1.21.0} as {@code go 1.21}); the plugin refuses such a Go before it starts, and a lock
 * made that way is explained by vendor and verify, naming both Gos.
 */
class VendorAcrossGoVersionsTest {
    @TempDir
    Path tmp;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    /** A package embedding a file from a subdirectory, and a test embedding another. */
    private static TestModule embedding() {
        return TestModule.of("example.com/emb", "v1.0.0").go("1.16")
                .file("emb.go", "package emb\n\nimport _ \"embed\"\n\n//go:embed assets/data.txt\nvar Data string\n")
                .file("emb_test.go", "package emb\n\nimport (\n\t_ \"embed\"\n\t\"testing\"\n)\n\n//go:embed fixtures/fixture.txt\n"
                        + "var fixture string\n\nfunc TestX(t *testing.T) {}\n")
                .file("assets/data.txt", "data\n")
                .file("fixtures/fixture.txt", "fixture\n");
    }

    private static TestModule threePartGoLine() {
        return TestModule.of("example.com/newer", "v1.0.0").go("1.21.0").goPackage("", "newer");
    }

    @Test
    void aLockMadeByGo119IsHonouredByEveryLaterGo() throws Exception {
        GraphFixture.Workspace w = GraphFixture.tidied(tmp.resolve("producer"), GoMatrix.debian119());
        GoModLock lock = new Freeze(Workspace.of(w.main()), Reporter.of(log::add), new Freeze.Options(w.go().command(log::add), DependencyPolicy.permissive(), false, java.util.List.of())).run().lock();
        assertTrue(lock.vendoredBy().startsWith("go1.19."), lock.vendoredBy());

        List<String> reproducedBy = new ArrayList<>();
        for (GoMatrix.Go release : GoMatrix.modern().toList()) {
            Path ws = Checkout.sources(w.main(), tmp.resolve("agent-" + release.minor()));
            IsolatedGo go = new IsolatedGo(tmp.resolve("go-" + release.minor()), w.proxy().url(), release);
            VendorJob.Outcome o = new VendorJob(Workspace.of(ws), Reporter.of(log::add), new VendorJob.Options(go.command(log::add))).run();
            assertEquals(lock.pin(dev.gomod.lock.PinKey.VENDOR).orElseThrow(), o.hash(), release + " vendored another tree");
            assertTrue(log.get(log.size() - 1).endsWith("; the same tree " + lock.vendoredBy() + " made for gomod.lock"), log.toString());
            reproducedBy.add(o.goVersion());
        }
        assertEquals(7, reproducedBy.size(), "Go 1.21 to 1.27: " + reproducedBy);
    }

    @Test
    void everyGoTheGoLineAdmitsVendorsTheSameTreeAndTheGoLineDecidesTestEmbeds() throws Exception {
        FileGoProxy proxy = new FileGoProxy(tmp.resolve("proxy")).publish(embedding(), threePartGoLine());
        Map<String, Boolean> fixtureVendored = new LinkedHashMap<>();
        for (String goLine : List.of("1.21", "1.22.0")) {
            GoVersion line = GoVersion.parse(goLine).orElseThrow();
            Path main = tmp.resolve("main-" + goLine);
            Files.createDirectories(main);
            Files.writeString(main.resolve("go.mod"), "module example.com/main\n\ngo " + goLine + "\n\nrequire example.com/emb v1.0.0\n");
            Files.writeString(main.resolve("main.go"), "package main\n\nimport _ \"example.com/emb\"\n\nfunc main() {}\n");
            new IsolatedGo(tmp.resolve("tidy-" + goLine), proxy.url()).run(main, "mod", "tidy").ok();
            Map<String, String> hashes = new LinkedHashMap<>();
            for (GoMatrix.Go release : GoMatrix.all().toList()) {
                boolean admitted = !line.isNewerThan(GoVersion.parse(release.version()).orElseThrow());
                if (!admitted) {
                    continue;
                }
                Path ws = Checkout.sources(main, tmp.resolve("ws-" + goLine + "-" + release.minor()));
                new IsolatedGo(tmp.resolve("go-" + goLine + "-" + release.minor()), proxy.url(), release).run(ws, "mod", "vendor").ok();
                hashes.put(release.toString(), DirHash.hashDir(ws.resolve("vendor"), "vendor"));
                fixtureVendored.put(goLine + " " + release, Files.exists(ws.resolve("vendor/example.com/emb/fixtures/fixture.txt")));
            }
            assertEquals(goLine.equals("1.21") ? 7 : 6, hashes.size(), hashes.toString());
            assertEquals(1, hashes.values().stream().distinct().count(), "go " + goLine + ": " + hashes);
        }
        fixtureVendored.forEach((k, v) -> assertEquals(k.startsWith("1.21 "), v, k + ": a test-only embed is vendored below go 1.22 only"));
    }

    @Test
    void aTreeFromAGoOlderThanTheGoLineDiffersAndVendorAndVerifyNameBothGos() throws Exception {
        FileGoProxy proxy = new FileGoProxy(tmp.resolve("proxy")).publish(embedding(), threePartGoLine());
        Path main = Files.createDirectories(tmp.resolve("main"));
        Files.writeString(main.resolve("go.mod"), "module example.com/main\n\ngo 1.22\n\nrequire (\n\texample.com/emb v1.0.0\n"
                + "\texample.com/newer v1.0.0\n)\n");
        Files.writeString(main.resolve("main.go"), "package main\n\nimport (\n\t_ \"example.com/emb\"\n\t_ \"example.com/newer\"\n)\n\nfunc main() {}\n");
        new IsolatedGo(tmp.resolve("tidy"), proxy.url()).run(main, "mod", "tidy").ok();

        // Go 1.19's tidy refuses a go 1.22 module, so freeze cannot pin this tree; a lock written by hand, or by a
        // plugin that let any Go vendor, can: go mod vendor itself goes ahead
        IsolatedGo go119 = new IsolatedGo(tmp.resolve("go119"), proxy.url(), GoMatrix.debian119());
        assertTrue(go119.run(Checkout.sources(main, tmp.resolve("tidy119")), "mod", "tidy").stderr().contains("maximum version supported by tidy is 1.19"));
        Path old = Checkout.sources(main, tmp.resolve("old"));
        go119.run(old, "mod", "vendor").ok();
        GoModLock lock = new GoModLock(new GoModLock.ModuleFiles("example.com/main", Sha256.hex(main.resolve("go.mod")),
                Sha256.hex(main.resolve("go.sum"))), "1.22", null, go119.version(), null).withPin(PinKey.VENDOR, DirHash.hashDir(old.resolve("vendor"), "vendor"));
        Files.write(main.resolve("gomod.lock"), lock.toBytes());
        assertTrue(Files.readString(old.resolve("vendor/modules.txt")).contains("## explicit; go 1.21\n"), "1.19 shortens go 1.21.0");
        assertTrue(Files.exists(old.resolve("vendor/example.com/emb/fixtures/fixture.txt")), "1.19 vendors test embeds");

        GoMatrix.Go newest = GoMatrix.newest();
        Path ws = Checkout.sources(main, tmp.resolve("agent"));
        IsolatedGo go = new IsolatedGo(tmp.resolve("go"), proxy.url(), newest);
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> new VendorJob(Workspace.of(ws), Reporter.of(log::add), new VendorJob.Options(go.command(log::add))).run());
        assertTrue(e.getMessage().contains("vendoring output differs between Go versions (the lock was made by " + lock.vendoredBy()
                + ", this is " + newest.version() + ")"), e.getMessage());
        assertFalse(Files.exists(ws.resolve("vendor")), "nothing was swapped in");

        go.run(ws, "mod", "vendor").ok();
        assertTrue(Files.readString(ws.resolve("vendor/modules.txt")).contains("## explicit; go 1.21.0\n"));
        assertFalse(Files.exists(ws.resolve("vendor/example.com/emb/fixtures/fixture.txt")));
        WorkspaceCheck.Report r = new WorkspaceCheck(Workspace.of(ws), Reporter.SILENT, WorkspaceCheck.Options.NONE.builder(GoVersion.parse(newest.version()).orElseThrow())).run();
        List<String> drift = r.of(WorkspaceCheck.Category.LOCK_DRIFT).stream().map(WorkspaceCheck.Finding::message).toList();
        assertEquals(1, drift.size(), r.toString());
        assertTrue(drift.get(0).startsWith("vendor/ changed: lock has " + lock.pin(dev.gomod.lock.PinKey.VENDOR).orElseThrow()), drift.get(0));
        assertTrue(drift.get(0).endsWith("(the lock's tree was vendored by " + lock.vendoredBy() + ", the Go here is "
                + newest.version() + ": vendoring can differ between Go versions)"), drift.get(0));
    }
}
