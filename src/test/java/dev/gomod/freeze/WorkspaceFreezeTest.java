package dev.gomod.freeze;

import dev.gomod.Reporter;
import dev.gomod.WorkspaceException;
import dev.gomod.gotool.GoCommand;
import dev.gomod.lock.GoModLock;
import dev.gomod.lock.LockDrift;
import dev.gomod.mod.GoWork;
import dev.gomod.testkit.IsolatedGo;
import dev.gomod.testkit.WorkspaceFixture;
import dev.gomod.vendoring.VendorJob;
import dev.gomod.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * freeze and vendor in workspace mode, on the four-module workspace: a lock of format 2 over go.work
 * and every module's files, {@code go work vendor} into vendor/ beside go.work, a tree the real go
 * builds offline in workspace mode, and drift, untidy modules and the policy reported by file.
 */
class WorkspaceFreezeTest {
    @TempDir
    Path tmp;
    WorkspaceFixture.Workspace ws;
    final List<String> log = new ArrayList<>();

    @BeforeEach
    void tidy() throws Exception {
        IsolatedGo.requireGo();
        ws = WorkspaceFixture.tidied(tmp);
    }

    /** The plugin's go: the fixture's environment with GOWORK=off, as a user's shell might have it; the job must set it. */
    GoCommand go() {
        return ws.go().set("GOWORK", "off").command(log::add);
    }

    Freeze freeze(DependencyPolicy policy) {
        return new Freeze(Workspace.of(ws.dir()), Reporter.of(log::add), new Freeze.Options(go(), policy, false, java.util.List.of()));
    }

    @Test
    void freezeLocksTheWorkspaceAndVendorMakesATreeGoBuildsOffline() throws Exception {
        Freeze.Outcome frozen = freeze(new DependencyPolicy(false, null, null, false)).run();
        String lockText = Files.readString(ws.dir().resolve("gomod.lock"), StandardCharsets.UTF_8);
        assertTrue(lockText.contains("\nlock 2\nworkspace go.work\ngo 1.22\n"), lockText);
        for (String m : WorkspaceFixture.MODULES) {
            assertTrue(lockText.contains("\nuse " + m + " example.com/ws/" + m + " sha256:"), lockText);
        }
        assertFalse(lockText.contains("\nmodule "), lockText);
        GoModLock lock = GoModLock.parse("gomod.lock", lockText.getBytes(StandardCharsets.UTF_8));
        assertEquals(frozen.lock(), lock);
        assertTrue(frozen.buildList().stream().filter(BuildList.Module::main).count() == 4, frozen.buildList().toString());

        VendorJob.Outcome v = new VendorJob(Workspace.of(ws.dir()), Reporter.of(log::add), new VendorJob.Options(go())).run();
        assertEquals(lock.pin(dev.gomod.lock.PinKey.VENDOR).orElseThrow(), v.hash());
        assertTrue(Files.readString(ws.dir().resolve("vendor/modules.txt")).startsWith("## workspace\n"));
        assertTrue(LockDrift.check(lock, ws.dir()).clean());

        // a second vendor is a no-op; freeze again changes nothing
        assertTrue(new VendorJob(Workspace.of(ws.dir()), Reporter.of(log::add), new VendorJob.Options(go())).run().skipped());
        assertFalse(freeze(DependencyPolicy.permissive()).run().changed());

        // the real go: workspace mode, vendor/, no network, no module cache
        IsolatedGo offline = ws.go().set("GOWORK", ws.dir().resolve("go.work").toString()).set("GOPROXY", "off")
                .set("GOFLAGS", "-mod=vendor").set("GOMODCACHE", Files.createDirectories(tmp.resolve("empty-modcache")).toString());
        offline.run(ws.dir(), "build", "-o", tmp.resolve("app").toString(), "example.com/ws/app").ok();
        assertTrue(Files.isExecutable(tmp.resolve("app")));
    }

    @Test
    void aChangedModuleFileIsDriftNamedByItsPath() throws Exception {
        freeze(DependencyPolicy.permissive()).run();
        Files.writeString(ws.dir().resolve("api/go.mod"), "// edited\n", java.nio.file.StandardOpenOption.APPEND);
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> new VendorJob(Workspace.of(ws.dir()), Reporter.of(log::add), new VendorJob.Options(go())).run());
        assertEquals(WorkspaceException.Reason.DRIFT, e.reason());
        assertTrue(e.getMessage().contains("api/go.mod changed: lock has sha256:"), e.getMessage());
        assertFalse(Files.exists(ws.dir().resolve("vendor")), "nothing was vendored");
    }

    @Test
    void anUntidyModuleIsNamedAndNothingIsWritten() throws Exception {
        Path libMod = ws.dir().resolve("lib/go.mod");
        String tidy = Files.readString(libMod);
        Files.writeString(libMod, tidy.replaceAll("(?m)^\\s*github.com/Acme/Core v1.2.0\\n", "").replace("require github.com/Acme/Core v1.2.0\n", ""));
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> freeze(DependencyPolicy.permissive()).run());
        assertEquals(WorkspaceException.Reason.NOT_TIDY, e.getMessage().contains("lib/go.mod") ? e.reason() : null, e.getMessage());
        assertFalse(Files.exists(ws.dir().resolve("gomod.lock")));
    }

    @Test
    void siblingReplacementsAreNotLocalReplacementsButOthersAre() throws Exception {
        Workspace w = Workspace.of(ws.dir());
        DependencyPolicy strict = new DependencyPolicy(false, null, null, false);
        assertEquals(List.of(), strict.violations(w.goWork(), w.workModules(), List.of()));

        Files.writeString(ws.dir().resolve("go.work"), "\nreplace example.com/text => ./third_party/text\n", java.nio.file.StandardOpenOption.APPEND);
        Workspace edited = Workspace.of(ws.dir());
        List<String> v = strict.violations(edited.goWork(), edited.workModules(), List.of());
        assertEquals(1, v.size(), v.toString());
        assertTrue(v.get(0).contains("go.work:12: replace example.com/text => ./third_party/text is a local directory replacement"), v.get(0));
    }

    @Test
    void goWorkModeFollowsTheDirectoryAndCanBeTurnedOff() throws Exception {
        assertTrue(Workspace.of(ws.dir()).goWorkMode());
        assertFalse(Workspace.of(ws.dir().resolve("app")).goWorkMode());
        Workspace off = new Workspace(ws.dir(), ws.dir().resolve("gomod.lock"), tmp.resolve("work"), false);
        assertFalse(off.goWorkMode());
        assertEquals(List.of("api", "app", "lib", "tools"), GoWork.parse("go.work", Files.readAllBytes(ws.dir().resolve("go.work"))).useDirs());
    }
}
