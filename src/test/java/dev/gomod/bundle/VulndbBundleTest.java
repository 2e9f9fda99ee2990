package dev.gomod.bundle;

import dev.gomod.Reporter;
import dev.gomod.WorkspaceException;
import dev.gomod.archive.ReproducibleArchive;
import dev.gomod.archive.SafeExtractor;
import dev.gomod.hash.Sha256;
import dev.gomod.lock.GoModLock;
import dev.gomod.lock.PinKey;
import dev.gomod.testkit.ZipTampering;
import dev.gomod.vulndb.VulnDbSource;
import dev.gomod.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vulnerability database through the one pack and restore pipeline: made from its source,
 * pinned with its time, packed byte-reproducibly as a zip, restored verified into its own
 * directory, and refused when an entry was changed or the lock pins another.
 */
class VulndbBundleTest {
    private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void packsPinsAndRestoresTheDatabase() throws Exception {
        Path osv = Files.createDirectories(tmp.resolve("osv"));
        Files.writeString(osv.resolve("GO-2026-0001.json"), dev.gomod.vulndb.VulnDbTest.entry("GO-2026-0001", "2026-03-01T10:00:00Z",
                "example.com/a", "introduced", "0", "fixed", "1.2.3"));
        Files.writeString(osv.resolve("GO-2026-0002.json"), dev.gomod.vulndb.VulnDbTest.entry("GO-2026-0002", "2026-03-02T10:00:00Z",
                "example.com/b", "introduced", "0"));
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Files.writeString(ws.resolve("go.mod"), "module example.com/app\n\ngo 1.22\n");
        Workspace workspace = Workspace.of(ws);

        BundleLayout layout = BundleKind.VULNDB.layouts(new LayoutChoices(List.of(), Optional.of(new VulnDbSource.Local(osv)))).get(0);
        List<String> log = new ArrayList<>();
        BundleSources sources = new BundleSources(workspace, null, tmp.resolve("scratch"), List.of());
        String pin = layout.freezePin(sources, Optional.empty(), Reporter.of(log::add));
        assertTrue(pin.matches("h1:\\S+ 2026-03-02T10:00:00Z"), pin);
        GoModLock lock = new GoModLock(new GoModLock.ModuleFiles("example.com/app", Sha256.hex(ws.resolve("go.mod")), GoModLock.NONE),
                "1.22", null, null, null).withPin(PinKey.VULNDB, pin);
        Files.write(ws.resolve("gomod.lock"), lock.toBytes());
        assertEquals(lock, GoModLock.parse("gomod.lock", lock.toBytes()));
        assertTrue(new String(lock.toBytes()).endsWith("\nvulndb " + pin + "\n"));

        // pack twice: the same bytes, always a zip
        assertEquals(ReproducibleArchive.Format.ZIP, layout.format(ReproducibleArchive.Format.TAR_GZ));
        Path one = pack(workspace, layout, sources, tmp.resolve("a/app-go-vulndb.zip"));
        Path two = pack(workspace, layout, sources, tmp.resolve("b/app-go-vulndb.zip"));
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));

        // restore where the layout says, checked against the lock
        Path target = layout.target(new RestoreDirs(null, null, null, tmp.resolve("restored-vulndb")));
        Restore restore = new Restore(Workspace.of(ws), Reporter.of(log::add), new Restore.Options(BundleLayout.VULNDB, target, SafeExtractor.Limits.DEFAULT));
        Restore.Outcome o = restore.run(one, ReproducibleArchive.Format.ZIP);
        assertFalse(o.skipped());
        assertTrue(log.get(log.size() - 1).contains("2 entries, modified 2026-03-02T10:00:00Z"), log.toString());
        assertEquals(Files.readString(osv.resolve("GO-2026-0001.json")), Files.readString(target.resolve("ID/GO-2026-0001.json")));
        assertTrue(Files.isRegularFile(target.resolve("index/modules.json")));
        assertTrue(restore.upToDate().isPresent(), "a second restore has nothing to do");

        // a changed entry is refused, and the restored database stays as it was
        Path tampered = tmp.resolve("tampered/app-go-vulndb.zip");
        ZipTampering.flipOneByte(one, tampered, "vulndb/ID/GO-2026-0001.json");
        Files.writeString(target.resolve("index/db.json"), "{}"); // force a restore
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> restore.run(tampered, ReproducibleArchive.Format.ZIP));
        assertTrue(e.getMessage().contains("gomod.lock (from git) pins"), e.getMessage());
        assertEquals("{}", Files.readString(target.resolve("index/db.json")));
    }

    @Test
    void oneDatabaseServesAnyModuleAndIsPublishedByAProjectWithNoGoMod() throws Exception {
        Path osv = Files.createDirectories(tmp.resolve("osv"));
        Files.writeString(osv.resolve("GO-2026-0001.json"), dev.gomod.vulndb.VulnDbTest.entry("GO-2026-0001", "2026-03-01T10:00:00Z",
                "example.com/a", "introduced", "0", "fixed", "1.2.3"));
        BundleLayout layout = BundleKind.VULNDB.layouts(new LayoutChoices(List.of(), Optional.of(new VulnDbSource.Local(osv)))).get(0);
        // the publishing project: a pom and nothing of Go
        Path security = Files.createDirectories(tmp.resolve("security-db"));
        Workspace noModule = Workspace.of(security);
        Path published = pack(noModule, layout, new BundleSources(noModule, null, tmp.resolve("scratch"), List.of()), tmp.resolve("go-vulndb.zip"));
        String manifest;
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(published.toFile())) {
            manifest = new String(z.getInputStream(z.getEntry(BundleManifest.FILE)).readAllBytes());
        }
        assertTrue(manifest.contains("kind vulndb\n") && !manifest.contains("module ") && !manifest.contains("go.mod "), manifest);

        // any module restores it, held to the manifest's tree; a module whose lock pins another database refuses it
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Files.writeString(ws.resolve("go.mod"), "module example.com/other\n\ngo 1.22\n");
        Path target = tmp.resolve("restored");
        List<String> log = new ArrayList<>();
        Restore named = new Restore(Workspace.of(ws), Reporter.of(log::add), new Restore.Options(BundleLayout.VULNDB, target, SafeExtractor.Limits.DEFAULT, false));
        assertFalse(named.run(published, ReproducibleArchive.Format.ZIP).skipped());
        assertTrue(Files.isRegularFile(target.resolve("ID/GO-2026-0001.json")));
        assertTrue(log.stream().anyMatch(l -> l.contains("checked against its own manifest: it was named by coordinates of its own")), log.toString());
        Path tampered = tmp.resolve("tampered.zip");
        ZipTampering.flipOneByte(published, tampered, "vulndb/ID/GO-2026-0001.json");
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> named.run(tampered, ReproducibleArchive.Format.ZIP));
        assertTrue(e.getMessage().contains("but its manifest says"), e.getMessage());

        GoModLock lock = new GoModLock(new GoModLock.ModuleFiles("example.com/other", Sha256.hex(ws.resolve("go.mod")), GoModLock.NONE),
                "1.22", null, null, null).withPin(PinKey.VULNDB, "h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= 2026-03-01T10:00:00Z");
        Files.write(ws.resolve("gomod.lock"), lock.toBytes());
        Restore pinned = new Restore(Workspace.of(ws), Reporter.SILENT, new Restore.Options(BundleLayout.VULNDB, target, SafeExtractor.Limits.DEFAULT));
        assertTrue(assertThrows(WorkspaceException.class, () -> pinned.run(published, ReproducibleArchive.Format.ZIP)).getMessage()
                .contains("gomod.lock (from git) pins h1:AAAA"));
    }

    private static Path pack(Workspace workspace, BundleLayout layout, BundleSources sources, Path target) throws Exception {
        return new Pack(workspace, Reporter.SILENT, new Pack.Options(layout, layout.format(ReproducibleArchive.Format.TAR_GZ), TIME))
                .run(layout.source(sources), target).file();
    }
}
