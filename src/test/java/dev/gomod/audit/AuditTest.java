package dev.gomod.audit;

import dev.gomod.Reporter;
import dev.gomod.WorkspaceException;
import dev.gomod.bundle.BundleLayout;
import dev.gomod.hash.Sha256;
import dev.gomod.lock.GoModLock;
import dev.gomod.lock.PinKey;
import dev.gomod.mod.FormatException;
import dev.gomod.vulndb.VulnDb;
import dev.gomod.vulndb.VulnDbSource;
import dev.gomod.vulndb.VulnDbTest;
import dev.gomod.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit on a module whose vendor tree and database the test writes: what matches (replacements,
 * ranges, the standard library), how deep (imported or only required), the policy, the team's
 * exceptions, and a database that is not the pinned one or is too old.
 */
class AuditTest {
    private static final java.time.Instant NOW = java.time.Instant.parse("2026-12-07T12:00:00Z");

    @TempDir
    Path tmp;
    Path ws;
    Path db;
    final List<String> log = new ArrayList<>();

    @BeforeEach
    void module() throws Exception {
        ws = Files.createDirectories(tmp.resolve("ws"));
        Files.writeString(ws.resolve("go.mod"), """
                module example.com/app

                go 1.22

                toolchain go1.26.8

                require (
                \texample.com/a v1.0.0
                \texample.com/b v1.2.0
                \texample.com/local v1.0.0
                )

                replace example.com/b => example.com/c v1.3.0

                replace example.com/local => ./local
                """);
        Files.createDirectories(ws.resolve("vendor"));
        Files.writeString(ws.resolve("vendor/modules.txt"), """
                # example.com/a v1.0.0
                ## explicit; go 1.22
                example.com/a/pkg
                # example.com/b v1.2.0 => example.com/c v1.3.0
                ## explicit; go 1.22
                example.com/c/sub
                # example.com/local v1.0.0 => ./local
                ## explicit; go 1.22
                example.com/local
                # example.com/b => example.com/c v1.3.0
                # example.com/local => ./local
                """);
        Path osv = Files.createDirectories(tmp.resolve("osv"));
        write(osv, "GO-2026-0001", "example.com/a", "example.com/a/pkg", "introduced", "0", "fixed", "1.1.0");
        write(osv, "GO-2026-0002", "example.com/c", "example.com/c/other", "introduced", "0", "fixed", "1.4.0", "introduced", "1.5.0", "fixed", "1.6.0");
        write(osv, "GO-2026-0003", "example.com/a", "example.com/a/pkg", "introduced", "2.0.0");
        write(osv, "GO-2026-0004", "stdlib", "net/http", "introduced", "0", "fixed", "1.26.9");
        write(osv, "GO-2026-0008", "toolchain", "cmd/go", "introduced", "1.26.0", "fixed", "1.26.10");
        write(osv, "GO-2026-0009", "toolchain", "cmd/go", "introduced", "0", "fixed", "1.25.3");
        write(osv, "GO-2026-0005", "example.com/b", "example.com/b/pkg", "introduced", "0");
        write(osv, "GO-2026-0006", "example.com/local", "example.com/local", "introduced", "0");
        // withdrawn: the repository keeps it, the audit (as govulncheck) ignores it
        write(osv, "GO-2026-0007", "example.com/a", "example.com/a/pkg", "introduced", "0");
        Files.writeString(osv.resolve("GO-2026-0007.json"), Files.readString(osv.resolve("GO-2026-0007.json"))
                .replace("\"modified\"", "\"withdrawn\": \"2026-04-08T13:33:56Z\",\n  \"modified\""));
        db = tmp.resolve("vulndb");
        VulnDb.write(new VulnDbSource.Local(osv).read(null, tmp), db);
        GoModLock lock = new GoModLock(new GoModLock.ModuleFiles("example.com/app", Sha256.hex(ws.resolve("go.mod")), GoModLock.NONE),
                "1.22", "go1.26.8", null, null).withPin(PinKey.VULNDB, BundleLayout.VULNDB.sourceHash(db) + " 2026-03-01T10:00:00Z");
        Files.write(ws.resolve("gomod.lock"), lock.toBytes());
    }

    private static void write(Path osv, String id, String module, String pkg, String... events) throws Exception {
        Files.writeString(osv.resolve(id + ".json"), VulnDbTest.entry(id, "2026-03-01T10:00:00Z", module, events).replace(module + "/pkg", pkg));
    }

    private Audit audit(Optional<Finding.Reach> failOn, AuditExceptions exceptions, Optional<Duration> maxAge) {
        return new Audit(Workspace.of(ws), Reporter.of(log::add), new Audit.Options(db, failOn, exceptions, maxAge, NOW,
                ws.resolve("target/gomod/audit.json")));
    }

    @Test
    void findsWhatTheBuildCarriesAndHowDeep() throws Exception {
        Audit.Outcome o = audit(Optional.empty(), AuditExceptions.NONE, Optional.empty()).run();
        List<String> found = o.findings().stream().map(j -> j.finding().id() + " " + j.finding().module() + "@" + j.finding().version()
                + " " + j.finding().reach().id() + " " + j.finding().fixed()).toList();
        assertEquals(List.of(
                "GO-2026-0001 example.com/a@v1.0.0 imported v1.1.0",
                "GO-2026-0002 example.com/c@v1.3.0 required v1.4.0",   // the replacement is what is built; its package is not
                "GO-2026-0004 stdlib@v1.26.8 required v1.26.9",   // go.mod's toolchain line
                "GO-2026-0008 toolchain@v1.26.8 required v1.26.10"), found);   // the go command of that release; GO-2026-0009 is fixed in it
        // GO-2026-0003 starts at 2.0.0; GO-2026-0005 is of the replaced path; GO-2026-0006 of a directory replacement;
        // GO-2026-0007 was withdrawn
        assertEquals(2, o.modules(), "a directory replacement is local code");
        assertEquals("vendor/modules.txt", o.modulesFrom());
        String json = Files.readString(ws.resolve("target/gomod/audit.json"));
        assertTrue(json.contains("\"id\" : \"GO-2026-0001\"") && json.contains("\"reach\" : \"imported\"")
                && json.contains("\"aliases\" : [ \"CVE-2026-0001\", \"GHSA-aaaa-bbbb-cccc\" ]"), json);
        assertTrue(log.get(log.size() - 1).startsWith("4 known vulnerabilities in 2 modules (vendor/modules.txt) and go1.26.8 (stdlib, toolchain) (go.mod's toolchain line):"
                + " 0 failing, 0 excepted"), log.toString());
    }

    @Test
    void thePolicyFailsOnWhatReachesFarEnough() throws Exception {
        WorkspaceException imported = assertThrows(WorkspaceException.class,
                () -> audit(Optional.of(Finding.Reach.IMPORTED), AuditExceptions.NONE, Optional.empty()).run());
        assertEquals(WorkspaceException.Reason.VULNERABLE, imported.reason());
        assertTrue(imported.getMessage().startsWith("1 known vulnerability at or above 'imported':\n  GO-2026-0001 (CVE-2026-0001, GHSA-aaaa-bbbb-cccc)"
                + " example.com/a@v1.0.0 → v1.1.0, imported example.com/a/pkg"), imported.getMessage());
        WorkspaceException required = assertThrows(WorkspaceException.class,
                () -> audit(Optional.of(Finding.Reach.REQUIRED), AuditExceptions.NONE, Optional.empty()).run());
        assertTrue(required.getMessage().startsWith("4 known vulnerabilities"), required.getMessage());
    }

    @Test
    void exceptionsAreHonouredUntilTheyEnd() throws Exception {
        Path file = ws.resolve(AuditExceptions.FILE);
        Files.writeString(file, """
                {"exceptions": [
                  {"id": "GO-2026-0001", "state": "not_affected", "justification": "code_not_reachable", "detail": "only fixed tags"},
                  {"id": "CVE-2026-0001", "module": "example.com/c", "state": "will_not_fix", "until": "2027-01-31", "detail": "by alias"},
                  {"id": "GO-2026-0004", "state": "will_not_fix", "until": "2026-12-01", "detail": "waiting for the next Go"},
                  {"id": "GO-2026-0008", "module": "toolchain", "state": "not_affected", "justification": "code_not_present", "detail": "no untrusted modules"},
                  {"id": "GO-2026-0999", "state": "false_positive"}
                ]}
                """);
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> audit(Optional.of(Finding.Reach.REQUIRED), AuditExceptions.read(file), Optional.empty()).run());
        assertTrue(e.getMessage().startsWith("1 known vulnerability at or above 'required':\n  GO-2026-0004")
                && e.getMessage().contains("(the will_not_fix exception ended 2026-12-01)"), e.getMessage());
        assertTrue(log.stream().anyMatch(l -> l.contains("the exception for GO-2026-0999 matches no finding any more")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("GO-2026-0001 ") && l.endsWith("[not_affected, code_not_reachable]")), log.toString());
        // audit.json says which decision has ended, so that a reader (the report page) counts it open again
        java.util.Map<String, AuditReport.Entry> written = new java.util.TreeMap<>();
        AuditReport.read(ws.resolve("target/gomod/audit.json")).forEach(f -> written.put(f.id(), f));
        assertTrue(written.get("GO-2026-0004").ended() && !written.get("GO-2026-0004").decided());
        assertTrue(written.get("GO-2026-0001").decided() && !written.get("GO-2026-0001").ended());

        Files.writeString(file, "{\"exceptions\": [{\"id\": \"GO-2026-0001\", \"state\": \"not_affected\"}]}");
        FormatException bad = assertThrows(FormatException.class, () -> AuditExceptions.read(file));
        assertTrue(bad.getMessage().contains(AuditExceptions.FILE) && bad.getMessage().contains("exceptions[0] (GO-2026-0001).justification"),
                bad.getMessage());
        Files.writeString(file, "{\"exceptions\": [{\"id\": \"GO-2026-0001\", \"state\": \"will_not_fix\"}]}");
        assertTrue(assertThrows(FormatException.class, () -> AuditExceptions.read(file)).getMessage().contains("needs the date it ends"));
    }

    @Test
    void aDatabaseThatIsNotThePinnedOneOrTooOldIsRefused() throws Exception {
        WorkspaceException old = assertThrows(WorkspaceException.class,
                () -> audit(Optional.empty(), AuditExceptions.NONE, Optional.of(Duration.ofDays(30))).run());
        assertEquals(WorkspaceException.Reason.OUTDATED, old.reason());
        assertTrue(old.getMessage().contains("last modified 2026-03-01T10:00:00Z, more than 30 days ago"), old.getMessage());

        Path entry = db.resolve("ID/GO-2026-0001.json");
        Files.writeString(entry, Files.readString(entry).replace("\"fixed\":\"1.1.0\"", "\"fixed\":\"1.0.0\"").replace("1.1.0", "1.0.0"));
        WorkspaceException tampered = assertThrows(WorkspaceException.class,
                () -> audit(Optional.empty(), AuditExceptions.NONE, Optional.empty()).run());
        assertEquals(WorkspaceException.Reason.TAMPERED, tampered.reason());
        assertTrue(tampered.getMessage().contains("is not the vulnerability database gomod.lock pins"), tampered.getMessage());
        assertFalse(Files.exists(ws.resolve("target/gomod/audit.json")), "no report from a database that is not the pinned one");
    }
}
