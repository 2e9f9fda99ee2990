package dev.gomod.vulndb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gomod.Reporter;
import dev.gomod.archive.ReproducibleArchive;
import dev.gomod.audit.Audit;
import dev.gomod.audit.AuditExceptions;
import dev.gomod.audit.Finding;
import dev.gomod.audit.Reachability;
import dev.gomod.gotool.GoCommand;
import dev.gomod.gotool.GoEnvironment;
import dev.gomod.gotool.SecretMasker;
import dev.gomod.archive.SafeExtractor;
import dev.gomod.bundle.BundleLayout;
import dev.gomod.bundle.Pack;
import dev.gomod.bundle.Restore;
import dev.gomod.hash.Sha256;
import dev.gomod.lock.GoModLock;
import dev.gomod.lock.LockDrift;
import dev.gomod.lock.PinKey;
import dev.gomod.testkit.IsolatedGo;
import dev.gomod.workspace.Workspace;
import dev.gomod.testkit.VulnTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database the plugin builds, against the real one: golang.org/x/vulndb's entries (4,789 at the
 * version the tests pin), indexed here and by x/vulndb's own {@code cmd/indexdb}, byte for byte; and
 * govulncheck v1.10.0 reading each, which must find the same vulnerabilities in the same module.
 */
class VulnDbConformanceTest {
    @Test
    void theIndexIsWhatIndexdbWritesForTheRealDatabase(@TempDir Path tmp) throws Exception {
        Path module = VulnTools.vulndbModule();
        Path theirs = tmp.resolve("indexdb");
        IsolatedGo.Result r = VulnTools.go().runTool(module, VulnTools.indexdb(), "-vulns", "data/osv", "-out", theirs.toString());
        assertEquals(0, r.exit(), r.stderr());

        List<String> log = new ArrayList<>();
        VulnDbSource.Entries entries = new VulnDbSource.Module(VulnTools.VULNDB, VulnTools.VULNDB_VERSION)
                .read(VulnTools.go().command(log::add), tmp.resolve("scratch"));
        assertEquals(4789, entries.entries().size());
        Path ours = tmp.resolve("ours");
        VulnDbIndex index = VulnDb.write(entries, ours);

        assertArrayEquals(Files.readAllBytes(theirs.resolve(VulnDbIndex.MODULES)), index.modulesJson(), "modules.json");
        assertArrayEquals(Files.readAllBytes(theirs.resolve(VulnDbIndex.VULNS)), index.vulnsJson(), "vulns.json");
        // the repository's entries carry no times: indexdb says year 1, the plugin the version's commit time
        assertEquals("{\"modified\":\"0001-01-01T00:00:00Z\"}", Files.readString(theirs.resolve(VulnDbIndex.DB)));
        assertArrayEquals(Files.readAllBytes(theirs.resolve(VulnDbIndex.DB)), VulnDbIndex.of(entries.entries(), Optional.empty()).dbJson());
        assertEquals(Instant.parse("2026-11-05T23:49:57Z"), index.modified());
        assertEquals(ids(theirs.resolve("ID")), ids(ours.resolve("ID")));

        // packed and restored through the plugin's pipeline, pinned by a lock, govulncheck reads it as it reads indexdb's;
        // two real module sets: x/net and x/text with a govulncheck binary at hand, and an old grpc with govulncheck
        // as the module's vendored tool (whose own requirements raise x/net and x/text past their fixes)
        for (boolean tool : new boolean[] {false, true}) {
            Path app = tool ? grpcApp(tmp.resolve("grpc-app")) : app(tmp.resolve("app"));
            Path restored = packAndRestore(app, ours, tmp.resolve(tool ? "restored-grpc" : "restored"));
            TreeSet<String> found = govulncheck(app, restored, "module");
            assertEquals(govulncheck(app, theirs, "module"), found);
            String expected = tool ? "google.golang.org/grpc " : "golang.org/x/text ";
            assertTrue(found.stream().anyMatch(f -> f.startsWith(expected)), found.toString());
            System.out.println("vulndb conformance: " + entries.entries().size() + " entries, govulncheck -scan module found " + found);

            // the audit, offline and without go, finds what govulncheck -scan module finds, id for id; and
            // marks imported exactly what govulncheck -scan package finds outside the standard library
            Audit.Outcome audit = new Audit(Workspace.of(app), Reporter.of(log::add), new Audit.Options(restored, Optional.empty(),
                    AuditExceptions.NONE, Optional.empty(), Instant.parse("2026-12-07T12:00:00Z"), app.resolve("target/gomod/audit.json"))).run();
            TreeSet<String> audited = new TreeSet<>();
            TreeSet<String> imported = new TreeSet<>();
            for (Audit.Judged j : audit.findings()) {
                if (j.finding().module().equals(Audit.TOOLCHAIN)) {
                    continue; // the go command: govulncheck leaves it out, the audit reports it (see dev.gomod.audit)
                }
                audited.add(j.finding().module() + " " + j.finding().id());
                if (j.finding().reach() == Finding.Reach.IMPORTED) {
                    imported.add(j.finding().module() + " " + j.finding().id());
                }
            }
            assertEquals(found, audited);
            TreeSet<String> packageLevel = govulncheck(app, restored, "package");
            packageLevel.removeIf(f -> f.startsWith("stdlib "));
            assertEquals(packageLevel, imported);
            // with govulncheck at hand (the binary, or go.mod's tool line run offline as go tool govulncheck),
            // the audit marks called exactly what the govulncheck binary's source mode finds called
            GoEnvironment env = new GoEnvironment(VulnTools.go().env(), new SecretMasker()).set("GOPROXY", "off").set("GOFLAGS", "-mod=vendor");
            Reachability reachability = tool
                    ? new Reachability(new GoCommand("go", env, java.time.Duration.ofMinutes(5), 0, java.time.Duration.ZERO, Reporter.SILENT),
                            List.of("tool", "govulncheck"), "go tool govulncheck")
                    : new Reachability(new GoCommand(VulnTools.govulncheck().toString(), env, java.time.Duration.ofMinutes(5), 0,
                            java.time.Duration.ZERO, Reporter.SILENT), List.of(), "govulncheck");
            Audit.Outcome reached = new Audit(Workspace.of(app), Reporter.of(log::add), new Audit.Options(restored, Optional.empty(),
                    AuditExceptions.NONE, Optional.empty(), Instant.parse("2026-12-07T12:00:00Z"), app.resolve("target/gomod/audit.json"),
                    Optional.of(reachability), Optional.empty())).run();
            TreeSet<String> called = new TreeSet<>();
            reached.findings().stream().filter(j -> j.finding().reach() == Finding.Reach.CALLED)
                    .forEach(j -> called.add(j.finding().module() + " " + j.finding().id()));
            assertEquals(govulncheck(app, restored, "symbol"), called);
            assertFalse(called.isEmpty());
            System.out.println("audit conformance (" + reachability.how() + "): " + audited.size() + " findings, imported " + imported
                    + ", called " + called);
        }
    }

    /** Pins {@code db} in the app's lock, packs it as the plugin does, and restores it into {@code target}. */
    private static Path packAndRestore(Path app, Path db, Path target) throws Exception {
        BundleLayout layout = BundleLayout.VULNDB;
        String tree = layout.sourceHash(db);
        GoModLock lock = new GoModLock(new GoModLock.ModuleFiles("example.com/app", Sha256.hex(app.resolve("go.mod")),
                LockDrift.goSumDigest(app)), "1.22", null, null, null).withPin(PinKey.VULNDB, tree + " 2026-11-05T23:49:57Z");
        Files.write(app.resolve("gomod.lock"), lock.toBytes());
        Workspace ws = Workspace.of(app);
        long start = System.nanoTime();
        Path zip = new Pack(ws, Reporter.SILENT, new Pack.Options(layout, ReproducibleArchive.Format.ZIP, Instant.parse("2026-01-01T00:00:00Z")))
                .run(db, app.resolve("target/app-go-vulndb.zip")).file();
        long packed = System.nanoTime();
        new Restore(ws, Reporter.SILENT, new Restore.Options(layout, target, SafeExtractor.Limits.DEFAULT)).run(zip, ReproducibleArchive.Format.ZIP);
        System.out.printf("vulndb bundle: %d bytes, packed in %d ms, restored in %d ms%n", Files.size(zip),
                (packed - start) / 1_000_000, (System.nanoTime() - packed) / 1_000_000);
        return target;
    }

    /**
     * A module built by go1.26.8 that imports packages of golang.org/x/text v0.3.7 and golang.org/x/net
     * v0.17.0, which have known vulnerabilities in packages it imports and in others, tidied and
     * vendored through the proxy.
     */
    private static Path app(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("go.mod"), "module example.com/app\n\ngo 1.22\n\ntoolchain go1.26.8\n\n"
                + "require (\n\tgolang.org/x/net v0.17.0\n\tgolang.org/x/text v0.3.7\n)\n");
        Files.writeString(dir.resolve("main.go"), "package main\n\nimport (\n\t\"golang.org/x/net/html\"\n\t\"golang.org/x/text/language\"\n)\n\n"
                + "func main() { _ = language.Make(\"en\"); _, _ = html.Parse(nil) }\n");
        return tidiedAndVendored(dir);
    }

    /**
     * A module that serves google.golang.org/grpc v1.56.2 (before the HTTP/2 rapid-reset fix), with
     * govulncheck as its tool (go.mod's tool line, Go 1.24+), tidied and vendored through the proxy.
     */
    private static Path grpcApp(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("go.mod"), "module example.com/app\n\ngo 1.24\n\ntoolchain go1.26.8\n\n"
                + "tool golang.org/x/vuln/cmd/govulncheck\n\n"
                + "require (\n\tgolang.org/x/vuln " + VulnTools.GOVULNCHECK_VERSION + "\n\tgoogle.golang.org/grpc v1.56.2\n)\n");
        Files.writeString(dir.resolve("main.go"), "package main\n\nimport (\n\t\"net\"\n\n\t\"google.golang.org/grpc\"\n)\n\n"
                + "func main() {\n\tl, _ := net.Listen(\"tcp\", \"127.0.0.1:0\")\n\t_ = grpc.NewServer().Serve(l)\n}\n");
        return tidiedAndVendored(dir);
    }

    private static Path tidiedAndVendored(Path dir) throws IOException, InterruptedException {
        IsolatedGo.Result r = VulnTools.go().set("GOFLAGS", "-mod=mod").run(dir, "mod", "tidy");
        assertEquals(0, r.exit(), r.stderr());
        r = VulnTools.go().run(dir, "mod", "vendor");
        assertEquals(0, r.exit(), r.stderr());
        return dir;
    }

    /** govulncheck -scan module or package against a database, offline (vendor mode): its findings as "module osv-id". */
    private static TreeSet<String> govulncheck(Path app, Path db, String scan) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-db", db.toUri().toString(), "-scan", scan, "-format", "json"));
        if (!scan.equals("module")) {
            args.add("./...");
        }
        IsolatedGo.Result r = VulnTools.go().set("GOPROXY", "off").set("GOFLAGS", "-mod=vendor")
                .runTool(app, VulnTools.govulncheck(), args.toArray(String[]::new));
        assertTrue(r.exit() == 0 || r.exit() == 3, r.stderr());
        TreeSet<String> found = new TreeSet<>();
        var parser = new ObjectMapper().getFactory().createParser(r.stdout());
        var it = new ObjectMapper().readValues(parser, JsonNode.class);
        while (it.hasNext()) {
            JsonNode message = it.next();
            JsonNode finding = message.get("finding");
            // source scans also emit the findings of the levels below: a package-level one names its package, a symbol-level one its function
            String level = scan.equals("symbol") ? "/trace/0/function" : "/trace/0/package";
            if (finding != null && (scan.equals("module") || !finding.at(level).asText("").isEmpty())) {
                found.add(finding.at("/trace/0/module").asText() + " " + finding.get("osv").asText());
            }
        }
        assertFalse(found.isEmpty(), r.stdout());
        return found;
    }

    private static TreeSet<String> ids(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }
}
