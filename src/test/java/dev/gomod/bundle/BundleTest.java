package dev.gomod.bundle;

import dev.gomod.lock.PinKey;
import dev.gomod.workspace.Workspace;
import dev.gomod.Reporter;
import dev.gomod.WorkspaceException;
import dev.gomod.archive.ReproducibleArchive;
import dev.gomod.gotool.GoCommand;
import dev.gomod.gotool.GoEnvironment;
import dev.gomod.gotool.SecretMasker;
import dev.gomod.hash.DirHash;
import dev.gomod.hash.Sha256;
import dev.gomod.lock.GoModLock;
import dev.gomod.lock.LockDrift;
import dev.gomod.testkit.GoMatrix;
import dev.gomod.testkit.GraphFixture;
import dev.gomod.testkit.IsolatedGo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Vendor and module-cache bundles of the generated graph, checked with tar, unzip and the real go. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.gomod.testkit.GoMatrix#oldestAndNewest")
class BundleTest {
    @Parameter
    GoMatrix.Go release;

    private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path tmp;

    private final TimeZone zone = TimeZone.getDefault();
    private Path main;
    private IsolatedGo go;

    @BeforeEach
    void vendorTheGraph() throws IOException {
        GraphFixture.Workspace w = GraphFixture.tidied(tmp, release);
        go = w.go();
        main = w.main();
        go.run(main, "mod", "vendor").ok();
    }

    @AfterEach
    void restoreZone() {
        TimeZone.setDefault(zone);
    }

    private GoCommand command() {
        return new GoCommand(go.executable(), new GoEnvironment(go.env(), new SecretMasker()), Duration.ofMinutes(2), 0, Duration.ZERO, Reporter.SILENT);
    }

    /** Another checkout of the same module: elsewhere, group-writable files (another umask), every mtime touched. */
    private Path otherCheckout() throws IOException {
        Path copy = tmp.resolve("elsewhere/deeper/checkout");
        try (Stream<Path> walk = Files.walk(main)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path d = copy.resolve(main.relativize(p).toString());
                Files.createDirectories(d.getParent());
                Files.copy(p, d);
                Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rw-rw-r--"));
                Files.setLastModifiedTime(d, FileTime.from(Instant.now().plusSeconds(3600)));
            }
        }
        return copy;
    }

    @ParameterizedTest
    @EnumSource(ReproducibleArchive.Format.class)
    void vendorBundleIsReproducibleAndToolsExtractTheSameTree(ReproducibleArchive.Format format) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        Path a = tmp.resolve("a." + format.extension());
        PackedBundle first = pack(BundleLayout.VENDOR, main, main.resolve("gomod.lock"), format).run(main.resolve("vendor"), a);
        Path other = otherCheckout();
        TimeZone.setDefault(TimeZone.getTimeZone("America/St_Johns"));
        Path b = tmp.resolve("b." + format.extension());
        PackedBundle second = pack(BundleLayout.VENDOR, other, other.resolve("gomod.lock"), format).run(other.resolve("vendor"), b);
        assertEquals(first.sha256(), second.sha256());
        assertEquals(Sha256.hex(a), first.sha256());

        BundleManifest m = first.manifest();
        assertEquals(GraphFixture.MAIN_MODULE, m.modulePath());
        assertEquals(LockDrift.vendorHash(main.resolve("vendor")), m.treeHash());
        assertEquals(24, m.files()); // with example.com/text's LICENSE and example.com/util's COPYING
        assertTrue(m.modules().contains("example.com/old v1.0.0 => example.com/fork v1.0.1 explicit packages=1"), m.modules().toString());
        assertTrue(m.modules().contains("example.com/local v0.0.0 => ./local explicit packages=1"), m.modules().toString());

        Path out = Files.createDirectories(tmp.resolve("extracted"));
        String listing = format == ReproducibleArchive.Format.TAR_GZ ? run(out, "tar", "tzf", a.toString()) : run(out, "unzip", "-Z1", a.toString());
        assertEquals(List.of("go.mod", "go.sum", "gomod-manifest.txt"), listing.lines().filter(l -> !l.startsWith("vendor/")).sorted().toList());
        run(out, format == ReproducibleArchive.Format.TAR_GZ ? new String[] {"tar", "xzf", a.toString()} : new String[] {"unzip", "-q", a.toString()});
        assertEquals(DirHash.hashDir(main.resolve("vendor"), "vendor"), DirHash.hashDir(out.resolve("vendor"), "vendor"));
        assertEquals(Files.readString(main.resolve("go.sum")), Files.readString(out.resolve("go.sum")));
        assertEquals(m, BundleManifest.parse("manifest", Files.readAllBytes(out.resolve("gomod-manifest.txt"))));
    }

    @Test
    void refusesSymlinksAndDriftFromTheLock() throws Exception {
        Path link = main.resolve("vendor/example.com/text/evil.go");
        Files.createSymbolicLink(link, Path.of("/etc/passwd"));
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> pack(BundleLayout.VENDOR, main, main.resolve("gomod.lock"), ReproducibleArchive.Format.TAR_GZ).run(main.resolve("vendor"), tmp.resolve("x.tar.gz")));
        assertTrue(e.getMessage().contains(link + " is a symbolic link"), e.getMessage());
        Files.delete(link);

        String tree = LockDrift.vendorHash(main.resolve("vendor"));
        GoModLock lock = new GoModLock(new GoModLock.ModuleFiles(GraphFixture.MAIN_MODULE, Sha256.hex(main.resolve("go.mod")),
                Sha256.hex(main.resolve("go.sum"))), "1.19", null, go.version(), null).withPin(PinKey.VENDOR, tree);
        Files.write(main.resolve("gomod.lock"), lock.toBytes());
        Files.writeString(main.resolve("vendor/example.com/text/text.go"), "// patched\n", java.nio.file.StandardOpenOption.APPEND);
        e = assertThrows(WorkspaceException.class,
                () -> pack(BundleLayout.VENDOR, main, main.resolve("gomod.lock"), ReproducibleArchive.Format.TAR_GZ).run(main.resolve("vendor"), tmp.resolve("x.tar.gz")));
        assertTrue(e.getMessage().contains("vendor/ changed: lock has " + tree), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("x.tar.gz")));
    }

    @Test
    void moduleCacheBundleServesAnOfflineBuildAndGoModVerify() throws Exception {
        Path download = ModcacheBundle.download(command(), main, tmp.resolve("fresh-cache"));
        Path archive = tmp.resolve("modcache.tar.gz");
        PackedBundle packed = pack(BundleLayout.MODCACHE, main, main.resolve("gomod.lock"), ReproducibleArchive.Format.TAR_GZ).run(download, archive);
        assertEquals(14, packed.manifest().modules().size(), packed.manifest().modules().toString());
        assertTrue(packed.manifest().modules().stream().anyMatch(l -> l.startsWith("github.com/Acme/Core v1.2.0 h1:")));

        // a second download into another fresh cache packs to the same bytes
        Path again = ModcacheBundle.download(command(), main, tmp.resolve("fresh-cache-2"));
        assertEquals(packed.sha256(), pack(BundleLayout.MODCACHE, main, main.resolve("gomod.lock"), ReproducibleArchive.Format.TAR_GZ).run(again, tmp.resolve("modcache2.tar.gz")).sha256());

        Path restored = Files.createDirectories(tmp.resolve("restored"));
        run(restored, "tar", "xzf", archive.toString());
        Path work = tmp.resolve("consumer");
        try (Stream<Path> walk = Files.walk(main)) {
            for (Path p : walk.filter(Files::isRegularFile).filter(p -> !main.relativize(p).startsWith("vendor")).toList()) {
                Path d = work.resolve(main.relativize(p).toString());
                Files.createDirectories(d.getParent());
                Files.copy(p, d);
            }
        }
        go.set("GOPROXY", restored.resolve("goproxy").toUri().toString()).set("GOMODCACHE", tmp.resolve("consumer-cache").toString())
                .set("GOFLAGS", "-mod=mod -modcacherw").set("GONOSUMDB", "").set("GOSUMDB", "off");
        go.run(work, "build", "-o", "hello", ".").ok();
        IsolatedGo.Result verify = go.run(work, "mod", "verify").ok();
        assertEquals("all modules verified", verify.stdout().strip());
        go.run(work, "mod", "download").ok();
        go.run(work, "mod", "vendor").ok();
        assertEquals(LockDrift.vendorHash(main.resolve("vendor")), LockDrift.vendorHash(work.resolve("vendor")));
    }

    @Test
    void aModuleCacheOtherThanTheLockPinsIsRefused() throws Exception {
        Path download = ModcacheBundle.download(command(), main, tmp.resolve("fresh-cache"));
        String actual = BundleLayout.MODCACHE.sourceHash(download);
        GoModLock lock = new GoModLock(new GoModLock.ModuleFiles(GraphFixture.MAIN_MODULE, Sha256.hex(main.resolve("go.mod")),
                Sha256.hex(main.resolve("go.sum"))), "1.19", null, null, null).withPin(PinKey.MODCACHE, "h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=");
        Files.write(main.resolve("gomod.lock"), lock.toBytes());
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> pack(BundleLayout.MODCACHE, main, main.resolve("gomod.lock"), ReproducibleArchive.Format.TAR_GZ).run(download, tmp.resolve("m.tar.gz")));
        assertEquals(WorkspaceException.Reason.DRIFT, e.reason());
        assertTrue(e.getMessage().contains("module cache changed: lock has h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=, workspace has " + actual), e.getMessage());
        Files.write(main.resolve("gomod.lock"), lock.withPin(PinKey.MODCACHE, actual).toBytes());
        pack(BundleLayout.MODCACHE, main, main.resolve("gomod.lock"), ReproducibleArchive.Format.TAR_GZ).run(download, tmp.resolve("m.tar.gz"));
    }

    @Test
    void tamperedDownloadsAreRefusedBeforePacking() throws Exception {
        // go.sum says one thing, the proxy now serves another: the Java check stops it
        String sum = Files.readString(main.resolve("go.sum"));
        String line = sum.lines().filter(l -> l.startsWith("example.com/text v0.9.0 h1:")).findFirst().orElseThrow();
        Files.writeString(main.resolve("go.sum"), sum.replace(line, "example.com/text v0.9.0 h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY="));
        Exception e = assertThrows(Exception.class, () -> ModcacheBundle.download(command(), main, tmp.resolve("c")));
        assertTrue(e.getMessage().contains("example.com/text"), e.getMessage());
        assertTrue(e.getMessage().contains("SECURITY") || e.getMessage().contains("checksum mismatch"), e.getMessage());
    }

    private static String run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        return out;
    }

    /** A packer for the module in {@code dir}, with its lock at {@code lock}. */
    private static Pack pack(BundleLayout layout, Path dir, Path lock, ReproducibleArchive.Format format) {
        return new Pack(new Workspace(dir, lock, dir.resolve("target/gomod")), Reporter.SILENT, new Pack.Options(layout, format, TIME));
    }
}
