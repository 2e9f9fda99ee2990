package dev.gomod.bundle;

import dev.gomod.Reporter;
import dev.gomod.WorkspaceException;
import dev.gomod.archive.ReproducibleArchive;
import dev.gomod.archive.SafeExtractor;
import dev.gomod.freeze.DependencyPolicy;
import dev.gomod.freeze.Freeze;
import dev.gomod.gotool.GoCommand;
import dev.gomod.lock.GoModLock;
import dev.gomod.lock.LockDrift;
import dev.gomod.testkit.Checkout;
import dev.gomod.testkit.IsolatedGo;
import dev.gomod.testkit.WorkspaceFixture;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vendor bundle of a go.work workspace, on the four-module fixture: packed with go.work,
 * go.work.sum and every module's go.mod and go.sum, byte-reproducible, restored on an agent that has
 * only the sources and the lock, built there by the real go in workspace mode with no network and no
 * module cache, verified; and refused when the agent's workspace files are not the ones it was made for.
 */
class WorkspaceBundleTest {
    private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path tmp;
    WorkspaceFixture.Workspace ws;
    final List<String> log = new ArrayList<>();

    @BeforeEach
    void frozenAndVendored() throws Exception {
        IsolatedGo.requireGo();
        ws = WorkspaceFixture.tidied(tmp.resolve("producer"));
        new Freeze(Workspace.of(ws.dir()), Reporter.of(log::add), new Freeze.Options(go(), DependencyPolicy.permissive(), false, java.util.List.of())).run();
        new VendorJob(Workspace.of(ws.dir()), Reporter.of(log::add), new VendorJob.Options(go())).run();
    }

    GoCommand go() {
        return ws.go().set("GOWORK", "off").command(log::add);
    }

    PackedBundle pack(Path to) throws Exception {
        return new Pack(Workspace.of(ws.dir()), Reporter.of(log::add),
                new Pack.Options(BundleLayout.VENDOR, ReproducibleArchive.Format.TAR_GZ, TIME)).run(ws.dir().resolve("vendor"), to);
    }

    Restore restore(Workspace agent) {
        return new Restore(agent, Reporter.of(log::add), new Restore.Options(BundleLayout.VENDOR, agent.vendorDir(), SafeExtractor.Limits.DEFAULT));
    }

    /** What git holds of the workspace: sources, go.work, go.work.sum, every go.mod and go.sum, the lock; no vendor/. */
    Path agent(String name) throws Exception {
        return Checkout.sources(ws.dir(), tmp.resolve(name));
    }

    @Test
    void theWorkspaceMakesTheRoundTripAndGoBuildsItOffline() throws Exception {
        PackedBundle bundle = pack(tmp.resolve("ws-go-vendor.tar.gz"));
        assertArrayEquals(Files.readAllBytes(bundle.file()), Files.readAllBytes(pack(tmp.resolve("again.tar.gz")).file()),
                "the same workspace packs to the same bytes");
        String manifest = new String(bundle.manifest().toBytes(), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("\nworkspace go.work\nmodule example.com/ws/api example.com/ws/app example.com/ws/lib example.com/ws/tools\n"), manifest);
        assertTrue(manifest.contains("\nuse app example.com/ws/app sha256:"), manifest);
        assertFalse(manifest.contains("\ngo.mod "), manifest);
        Set<String> carried = new TreeSet<>();
        for (String name : entries(bundle.file())) {
            if (!name.startsWith("vendor/")) {
                carried.add(name);
            }
        }
        assertEquals(new TreeSet<>(List.of("api/go.mod", "api/go.sum", "app/go.mod", "app/go.sum", "go.work", "gomod-manifest.txt",
                "gomod.lock", "lib/go.mod", "lib/go.sum", "tools/go.mod", "tools/go.sum")), carried, "go.work.sum does not exist here");

        Path agentDir = agent("agent");
        Workspace agent = Workspace.of(agentDir);
        Restore.Outcome restored = restore(agent).run(bundle.file(), ReproducibleArchive.Format.TAR_GZ);
        GoModLock lock = agent.lock().orElseThrow();
        assertEquals(lock.pin(dev.gomod.lock.PinKey.VENDOR).orElseThrow(), restored.treeHash());
        assertTrue(LockDrift.check(lock, agentDir).clean());
        assertTrue(Workspace.of(agentDir).vendorDir().resolve("modules.txt").toFile().isFile());
        assertTrue(restore(Workspace.of(agentDir)).upToDate().isPresent(), "a second restore is a no-op");

        IsolatedGo offline = ws.go().set("GOWORK", agentDir.resolve("go.work").toString()).set("GOPROXY", "off")
                .set("GOFLAGS", "-mod=vendor").set("GOMODCACHE", Files.createDirectories(tmp.resolve("empty-modcache")).toString());
        offline.run(agentDir, "build", "-o", tmp.resolve("app").toString(), "example.com/ws/app").ok();
        assertTrue(Files.isExecutable(tmp.resolve("app")));

        WorkspaceCheck.Report report = new WorkspaceCheck(Workspace.of(agentDir), Reporter.of(log::add), WorkspaceCheck.Options.NONE).run();
        assertTrue(report.clean(), report.findings().toString());
        assertTrue(report.summary().contains("go.work (4 modules)"), report.summary());
    }

    @Test
    void restoreRefusesAWorkspaceWhoseFilesAreNotTheOnesItWasMadeFor() throws Exception {
        PackedBundle bundle = pack(tmp.resolve("ws-go-vendor.tar.gz"));

        // with the lock from git: drift, named by file
        Path drifted = agent("drifted");
        Files.writeString(drifted.resolve("app/go.mod"), "// edited\n", StandardOpenOption.APPEND);
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> restore(Workspace.of(drifted)).run(bundle.file(), ReproducibleArchive.Format.TAR_GZ));
        assertEquals(WorkspaceException.Reason.DRIFT, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("app/go.mod changed"), e.getMessage());
        assertFalse(Files.exists(drifted.resolve("vendor")));

        // without a lock, the manifest's pins still name the file
        Path unlocked = agent("unlocked");
        Files.delete(unlocked.resolve("gomod.lock"));
        Files.writeString(unlocked.resolve("lib/go.sum"), "", StandardOpenOption.APPEND, StandardOpenOption.CREATE);
        Files.writeString(unlocked.resolve("lib/go.sum"), "example.com/x v1.0.0/go.mod h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
                StandardOpenOption.APPEND);
        e = assertThrows(WorkspaceException.class, () -> restore(Workspace.of(unlocked)).run(bundle.file(), ReproducibleArchive.Format.TAR_GZ));
        assertEquals(WorkspaceException.Reason.OTHER_SOURCES, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("lib/go.sum: manifest sha256:"), e.getMessage());
        assertFalse(Files.exists(unlocked.resolve("vendor")));

        // one module of it, outside workspace mode, is not the workspace the bundle was made for
        Path single = agent("single");
        Files.delete(single.resolve("gomod.lock"));
        Workspace app = new Workspace(single.resolve("app"), single.resolve("app/gomod.lock"), single.resolve("app/target/gomod"), false);
        e = assertThrows(WorkspaceException.class, () -> restore(app).run(bundle.file(), ReproducibleArchive.Format.TAR_GZ));
        assertEquals(WorkspaceException.Reason.WRONG_MODULE, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("made for the go.work workspace of example.com/ws/api"), e.getMessage());
        assertTrue(e.getMessage().contains("this is module example.com/ws/app"), e.getMessage());
    }

    @Test
    void verifyHoldsModulesTxtToTheHeaderOfItsMode() throws Exception {
        Path modulesTxt = ws.dir().resolve("vendor/modules.txt");
        String txt = Files.readString(modulesTxt);
        assertTrue(txt.startsWith("## workspace\n"));
        Files.writeString(modulesTxt, txt.substring("## workspace\n".length()));
        WorkspaceCheck.Report r = new WorkspaceCheck(Workspace.of(ws.dir()), Reporter.of(log::add), WorkspaceCheck.Options.NONE).run();
        assertTrue(r.of(WorkspaceCheck.Category.VENDOR_CONSISTENCY).stream()
                .anyMatch(f -> f.message().equals("vendor/modules.txt: has no '## workspace' line (go mod vendor wrote it, not go work vendor):"
                        + " go ignores vendor/ in workspace mode")), r.findings().toString());

        // the other way round: a workspace's vendor tree where one module is checked on its own
        Path app = ws.dir().resolve("app");
        Checkout.copy(ws.dir().resolve("vendor"), app.resolve("vendor"), rel -> false);
        Files.writeString(app.resolve("vendor/modules.txt"), txt);
        r = new WorkspaceCheck(new Workspace(app, app.resolve("gomod.lock"), app.resolve("target/gomod"), false), Reporter.of(log::add),
                WorkspaceCheck.Options.NONE).run();
        assertTrue(r.of(WorkspaceCheck.Category.VENDOR_CONSISTENCY).stream().anyMatch(f -> f.message().startsWith(
                "vendor/modules.txt: starts with '## workspace'")), r.findings().toString());
    }

    private static List<String> entries(Path tgz) throws Exception {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(tgz)))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
