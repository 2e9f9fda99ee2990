package dev.gomod.freeze;

import dev.gomod.Reporter;
import dev.gomod.WorkspaceException;
import dev.gomod.archive.ReproducibleArchive;
import dev.gomod.archive.SafeExtractor;
import dev.gomod.bundle.BundleLayout;
import dev.gomod.bundle.Pack;
import dev.gomod.bundle.PackedBundle;
import dev.gomod.bundle.Restore;
import dev.gomod.gotool.GoCommand;
import dev.gomod.hash.Sha256;
import dev.gomod.lock.GoModLock;
import dev.gomod.testkit.Checkout;
import dev.gomod.testkit.GraphFixture;
import dev.gomod.testkit.IsolatedGo;
import dev.gomod.vendoring.VendorJob;
import dev.gomod.verify.WorkspaceCheck;
import dev.gomod.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An alternate go.mod (go's {@code -modfile}): the graph's module with a second dependency set,
 * go.prod.mod without the fork replacement, so that example.com/old is upstream's. Every job reads
 * go.prod.mod and go.prod.sum instead of go.mod and go.sum; the lock says so; the vendor tree, the
 * bundle and the binary the real go builds offline from it are the prod set's.
 */
class AlternateModFileTest {
    private static final String PROD = "go.prod.mod";

    @TempDir
    Path tmp;
    GraphFixture.Workspace graph;
    Path main;
    final List<String> log = new ArrayList<>();

    @BeforeEach
    void twoDependencySets() throws Exception {
        IsolatedGo.requireGo();
        graph = GraphFixture.tidied(tmp);
        main = graph.main();
        String goMod = Files.readString(main.resolve("go.mod"));
        String fork = "replace example.com/old v1.0.0 => example.com/fork v1.0.1\n";
        assertTrue(goMod.contains(fork));
        Files.writeString(main.resolve(PROD), goMod.replace(fork, ""));
        Files.copy(main.resolve("go.sum"), main.resolve("go.prod.sum"));
        graph.go().set("GOFLAGS", "-modcacherw -modfile=" + main.resolve(PROD)).run(main, "mod", "tidy").ok();
        graph.go().set("GOFLAGS", "-modcacherw");
    }

    Workspace prod(Path dir) {
        return new Workspace(dir, dir.resolve("gomod.lock"), dir.resolve("target/gomod"), false, PROD);
    }

    GoCommand go() {
        return graph.go().command(log::add);
    }

    @Test
    void everyJobReadsTheAlternateFileAndTheLockSaysWhich() throws Exception {
        byte[] goModBefore = Files.readAllBytes(main.resolve("go.mod"));
        Freeze.Outcome frozen = new Freeze(prod(main), Reporter.of(log::add), new Freeze.Options(go(), DependencyPolicy.permissive(), false, java.util.List.of())).run();
        String lockText = Files.readString(main.resolve("gomod.lock"), StandardCharsets.UTF_8);
        assertTrue(lockText.contains("\nmodule example.com/hello\nmodfile go.prod.mod\n"), lockText);
        assertEquals(Sha256.hex(main.resolve(PROD)), frozen.lock().goModSha256());
        assertEquals(Sha256.hex(main.resolve("go.prod.sum")), frozen.lock().goSumSha256());
        assertEquals(frozen.lock(), GoModLock.parse("gomod.lock", lockText.getBytes(StandardCharsets.UTF_8)));
        assertTrue(frozen.buildList().stream().anyMatch(m -> m.module().path().equals("example.com/old") && m.replacement() == null),
                "no fork in the prod set: " + frozen.buildList());

        new VendorJob(prod(main), Reporter.of(log::add), new VendorJob.Options(go())).run();
        String modulesTxt = Files.readString(main.resolve("vendor/modules.txt"));
        assertTrue(modulesTxt.contains("# example.com/old v1.0.0\n"), modulesTxt);
        assertFalse(modulesTxt.contains("example.com/fork"), modulesTxt);
        assertEquals(List.of(), new WorkspaceCheck(prod(main), Reporter.of(log::add), WorkspaceCheck.Options.NONE).run().findings());
        assertTrue(java.util.Arrays.equals(goModBefore, Files.readAllBytes(main.resolve("go.mod"))), "go.mod was not touched");

        // the default go.mod is not what the lock pins: drift, named, and a change to it is none of the prod lock's business
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> Workspace.of(main).requireNoDrift(List.of()));
        assertTrue(e.getMessage().contains("the go.mod file's name changed: lock has go.prod.mod, workspace has go.mod"), e.getMessage());
        Files.writeString(main.resolve("go.mod"), "// dev only\n", StandardOpenOption.APPEND);
        prod(main).requireNoDrift(List.of());
        Files.writeString(main.resolve("go.prod.sum"), "example.com/x v1.0.0/go.mod h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n", StandardOpenOption.APPEND);
        e = assertThrows(WorkspaceException.class, () -> prod(main).requireNoDrift(List.of()));
        assertTrue(e.getMessage().contains("go.prod.sum changed: lock has sha256:"), e.getMessage());
    }

    @Test
    void theBundleCarriesTheAlternateFilesAndTheAgentBuildsTheProdSet() throws Exception {
        new Freeze(prod(main), Reporter.of(log::add), new Freeze.Options(go(), DependencyPolicy.permissive(), false, java.util.List.of())).run();
        new VendorJob(prod(main), Reporter.of(log::add), new VendorJob.Options(go())).run();
        PackedBundle bundle = new Pack(prod(main), Reporter.of(log::add), new Pack.Options(BundleLayout.VENDOR, ReproducibleArchive.Format.TAR_GZ,
                Instant.parse("2026-01-01T00:00:00Z"))).run(main.resolve("vendor"), tmp.resolve("hello-go-vendor.tar.gz"));
        assertEquals(Sha256.hex(main.resolve(PROD)), bundle.manifest().goModSha256());

        Path agent = Checkout.sources(main, tmp.resolve("agent"));
        // the default go.mod is not the one the bundle was made from
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> restore(Workspace.of(agent)).run(bundle.file(), ReproducibleArchive.Format.TAR_GZ));
        assertEquals(WorkspaceException.Reason.DRIFT, e.reason(), e.getMessage());
        assertFalse(Files.exists(agent.resolve("vendor")));

        Restore.Outcome restored = restore(prod(agent)).run(bundle.file(), ReproducibleArchive.Format.TAR_GZ);
        assertEquals(bundle.treeHash(), restored.treeHash());
        IsolatedGo offline = graph.go().set("GOPROXY", "off").set("GOFLAGS", "-mod=vendor -modfile=" + agent.resolve(PROD))
                .set("GOMODCACHE", Files.createDirectories(tmp.resolve("empty-modcache")).toString());
        offline.run(agent, "build", "-o", tmp.resolve("hello").toString(), ".").ok();
        Process p = new ProcessBuilder(tmp.resolve("hello").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertTrue(out.strip().endsWith(" upstream"), "the prod set has upstream's example.com/old, not the fork: " + out);
    }

    private Restore restore(Workspace w) {
        return new Restore(w, Reporter.of(log::add), new Restore.Options(BundleLayout.VENDOR, w.vendorDir(), SafeExtractor.Limits.DEFAULT));
    }
}
