package dev.gomod.bundle;

import dev.gomod.lock.PinKind;
import dev.gomod.lock.PinKey;
import dev.gomod.Reporter;
import dev.gomod.WorkspaceException;
import dev.gomod.archive.ReproducibleArchive;
import dev.gomod.archive.SafeExtractor;
import dev.gomod.gotool.GoCommand;
import dev.gomod.gotool.GoEnvironment;
import dev.gomod.gotool.SecretMasker;
import dev.gomod.hash.Sha256;
import dev.gomod.lock.GoModLock;
import dev.gomod.lock.LockDrift;
import dev.gomod.testkit.GoMatrix;
import dev.gomod.testkit.GraphFixture;
import dev.gomod.testkit.IsolatedGo;
import dev.gomod.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Restoring bundles into fresh workspaces: offline builds with the real go, tampering, kills, concurrency. */
class RestoreTest {
    private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path tmp;

    private final List<String> log = new ArrayList<>();

    private Restore restore(Path ws) {
        return restore(ws, BundleLayout.VENDOR, ws.resolve("vendor"));
    }

    private Restore restore(Path ws, BundleLayout layout, Path target) {
        return new Restore(Workspace.of(ws), Reporter.of(log::add), new Restore.Options(layout, target, SafeExtractor.Limits.DEFAULT));
    }

    /** Packs vendor/ of {@code dir}, pinned by the lock at {@code lock} when it exists. */
    private static PackedBundle packVendor(Path dir, Path lock, Path bundle) throws Exception {
        return new Pack(new Workspace(dir, lock, dir.resolve("target/gomod")), Reporter.SILENT,
                new Pack.Options(BundleLayout.VENDOR, ReproducibleArchive.Format.TAR_GZ, TIME)).run(dir.resolve("vendor"), bundle);
    }

    /** The producer: the graph, tidied, vendored, frozen with its lock; returns the module dir. */
    private Path producer(IsolatedGo go, Path main) throws Exception {
        go.run(main, "mod", "vendor").ok();
        GoModLock lock = new GoModLock(new GoModLock.ModuleFiles(GraphFixture.MAIN_MODULE, Sha256.hex(main.resolve("go.mod")),
                Sha256.hex(main.resolve("go.sum"))), "1.19", null, go.version(), null).withPin(PinKey.VENDOR, LockDrift.vendorHash(main.resolve("vendor")));
        Files.write(main.resolve("gomod.lock"), lock.toBytes());
        return main;
    }

    /** A fresh checkout: sources, go.mod, go.sum and gomod.lock; no vendor/. */
    private Path checkout(Path producer, String name) throws IOException {
        Path ws = tmp.resolve(name);
        try (Stream<Path> walk = Files.walk(producer)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = producer.relativize(p).toString();
                if (rel.startsWith("vendor") || rel.startsWith("target") || rel.startsWith(".")) {
                    continue;
                }
                Path d = ws.resolve(rel);
                Files.createDirectories(d.getParent());
                Files.copy(p, d);
            }
        }
        return ws;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.gomod.testkit.GoMatrix#oldestAndNewest")
    void vendorBundleRestoresAndBuildsOfflineThenIsANoOp(GoMatrix.Go release) throws Exception {
        GraphFixture.Workspace w = GraphFixture.tidied(tmp, release);
        IsolatedGo go = w.go();
        Path producer = producer(go, w.main());
        Path bundle = tmp.resolve("hello-go-vendor.tar.gz");
        packVendor(producer, producer.resolve("gomod.lock"), bundle);

        Path ws = checkout(producer, "agent");
        Restore.Outcome o = restore(ws).run(bundle, ReproducibleArchive.Format.TAR_GZ);
        assertFalse(o.skipped());
        assertEquals(LockDrift.vendorHash(producer.resolve("vendor")), LockDrift.vendorHash(ws.resolve("vendor")));
        assertTrue(log.get(log.size() - 1).endsWith(", matches gomod.lock"), log.toString());

        go.set("GOPROXY", "off").set("GOFLAGS", "-mod=vendor").set("GOMODCACHE", tmp.resolve("empty-cache").toString())
                .set("GONOPROXY", "none.invalid");
        go.run(ws, "build", "-o", "hello", ".").ok();
        Process p = new ProcessBuilder(ws.resolve("hello").toString()).start();
        assertEquals("42 true local 2 fork\n", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertFalse(Files.exists(tmp.resolve("empty-cache/cache/download")), "go fetched nothing");

        assertTrue(restore(ws).upToDate().isPresent());
        assertTrue(restore(ws).run(bundle, ReproducibleArchive.Format.TAR_GZ).skipped());
        try (Stream<Path> s = Files.list(ws)) {
            assertEquals(List.of(), s.map(x -> x.getFileName().toString()).filter(n -> n.startsWith(".vendor")).toList(), "leftovers");
        }
        noOpReadsNothingButVerifyReadsAll(ws, producer, bundle);
    }

    /**
     * The no-op after a restore takes every digest from the stat cache; a file changed in place is
     * seen and restored again; and verification does not read the cache: a cache forged to describe
     * a changed file fools only the no-op (the cache is as trusted as vendor/ itself), never verify.
     */
    private void noOpReadsNothingButVerifyReadsAll(Path ws, Path producer, Path bundle) throws Exception {
        Thread.sleep(30); // past the clock tick of the last entry the no-op above may have recorded
        Restore.Unchanged unchanged = restore(ws).upToDate().orElseThrow();
        assertEquals(0, unchanged.read(), unchanged.describe());
        assertTrue(unchanged.files() > 3, unchanged.describe());

        Path file;
        try (Stream<Path> s = Files.walk(ws.resolve("vendor"))) {
            file = s.filter(p -> p.toString().endsWith(".go")).sorted().findFirst().orElseThrow();
        }
        byte[] original = Files.readAllBytes(file);
        byte[] changed = original.clone();
        changed[changed.length - 2] ^= 1;
        java.nio.file.attribute.FileTime mtime = Files.getLastModifiedTime(file);
        Files.write(file, changed);
        Files.setLastModifiedTime(file, mtime); // same size, same mtime: only the inode's ctime tells
        assertTrue(restore(ws).upToDate().isEmpty(), "a changed file is read, not taken from the cache");
        assertFalse(restore(ws).run(bundle, ReproducibleArchive.Format.TAR_GZ).skipped());
        assertEquals(LockDrift.vendorHash(producer.resolve("vendor")), LockDrift.vendorHash(ws.resolve("vendor")));

        // forge: change the file again, then write a cache that gives its new stat the old digest
        Thread.sleep(30);
        restore(ws).upToDate().orElseThrow(); // records the restore's racy entries again, now past their tick
        Files.write(file, changed);
        Path cacheFile = ws.resolve("target/gomod/vendor.stat");
        String name = "vendor/" + ws.resolve("vendor").relativize(file).toString().replace('\\', '/');
        java.util.Map<String, Object> st = Files.readAttributes(file, "unix:dev,ino,size,lastModifiedTime,ctime", java.nio.file.LinkOption.NOFOLLOW_LINKS);
        String forgedStat = st.get("dev") + " " + st.get("ino") + " " + st.get("size") + " "
                + ((java.nio.file.attribute.FileTime) st.get("lastModifiedTime")).to(java.util.concurrent.TimeUnit.NANOSECONDS) + " "
                + ((java.nio.file.attribute.FileTime) st.get("ctime")).to(java.util.concurrent.TimeUnit.NANOSECONDS) + " ";
        List<String> lines = new ArrayList<>(Files.readAllLines(cacheFile, StandardCharsets.UTF_8));
        int forged = 0;
        for (int i = 2; i < lines.size(); i++) {
            String[] f = lines.get(i).split(" ", 7);
            if (f[6].equals(name)) {
                lines.set(i, forgedStat + f[5] + " " + f[6]);
                forged++;
            }
        }
        assertEquals(1, forged, name + " in " + cacheFile);
        Thread.sleep(30);
        Files.write(cacheFile, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        assertTrue(restore(ws).upToDate().isPresent(), "the forged cache fools the no-op: it trusts what can write vendor/");
        LockDrift.Result verified = LockDrift.check(Workspace.of(ws).lock().orElseThrow(), ws);
        assertEquals(List.of(PinKind.VENDOR), verified.drifts().stream().map(LockDrift.Drift::item).toList(),
                "verification reads every file, whatever the cache says");
    }

    /**
     * The module-cache layout through the same pipeline: pinned by the lock, checked against go.sum,
     * swapped into place, serving an offline build as a file:// GOPROXY; then a no-op; a bundle of
     * the other kind and a tampered module zip are refused and leave the directory as it was.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.gomod.testkit.GoMatrix#oldestAndNewest")
    void moduleCacheBundleRestoresThroughTheSamePipeline(GoMatrix.Go release) throws Exception {
        GraphFixture.Workspace w = GraphFixture.tidied(tmp, release);
        IsolatedGo go = w.go();
        Path producer = producer(go, w.main());
        GoCommand command = new GoCommand(go.executable(), new GoEnvironment(go.env(), new SecretMasker()), Duration.ofMinutes(2), 0,
                Duration.ZERO, Reporter.SILENT);
        Path download = ModcacheBundle.download(command, producer, tmp.resolve("fresh-cache"));
        Path lockFile = producer.resolve("gomod.lock");
        GoModLock lock = GoModLock.parse(lockFile.toString(), Files.readAllBytes(lockFile));
        Files.write(lockFile, lock.withPin(PinKey.MODCACHE, BundleLayout.MODCACHE.sourceHash(download)).toBytes());
        Path bundle = tmp.resolve("hello-go-modcache.tar.gz");
        new Pack(new Workspace(producer, lockFile, producer.resolve("target/gomod")), Reporter.SILENT,
                new Pack.Options(BundleLayout.MODCACHE, ReproducibleArchive.Format.TAR_GZ, TIME)).run(download, bundle);

        Path ws = checkout(producer, "agent");
        Path proxy = tmp.resolve("agent-proxy");
        Restore.Outcome o = restore(ws, BundleLayout.MODCACHE, proxy).run(bundle, ReproducibleArchive.Format.TAR_GZ);
        assertFalse(o.skipped());
        String done = log.get(log.size() - 1);
        assertTrue(done.startsWith("module cache restored from hello-go-modcache.tar.gz: ") && done.contains(", matches gomod.lock, ")
                && done.contains(" zip and go.mod files checked against go.sum, into " + proxy), done);
        go.set("GOPROXY", proxy.toUri().toString()).set("GOSUMDB", "off").set("GOFLAGS", "-mod=mod")
                .set("GOMODCACHE", tmp.resolve("agent-cache").toString());
        go.run(ws, "build", "-o", "hello", ".").ok();
        assertTrue(restore(ws, BundleLayout.MODCACHE, proxy).run(bundle, ReproducibleArchive.Format.TAR_GZ).skipped());

        Path vendorBundle = packVendor(producer, tmp.resolve("no.lock"), tmp.resolve("v.tar.gz")).file();
        Path mod = proxy.resolve("example.com/text/@v/v0.9.0.mod");
        Files.delete(mod); // not what the lock pins any more, so a restore would run
        WorkspaceException kind = assertThrows(WorkspaceException.class,
                () -> restore(ws, BundleLayout.MODCACHE, proxy).run(vendorBundle, ReproducibleArchive.Format.TAR_GZ));
        assertEquals(WorkspaceException.Reason.WRONG_KIND, kind.reason());
        assertEquals("vendor", kind.fact("found"));

        Path zip = download.resolve("example.com/util/@v/v0.3.0.zip");
        byte[] original = Files.readAllBytes(zip);
        original[original.length / 2] ^= 1;
        Files.write(zip, original);
        Path evil = tmp.resolve("evil-go-modcache.tar.gz");
        new Pack(new Workspace(producer, tmp.resolve("no.lock"), producer.resolve("target/gomod")), Reporter.SILENT,
                new Pack.Options(BundleLayout.MODCACHE, ReproducibleArchive.Format.TAR_GZ, TIME)).run(download, evil);
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> restore(ws, BundleLayout.MODCACHE, proxy).run(evil, ReproducibleArchive.Format.TAR_GZ));
        assertTrue(e.getMessage().startsWith("REFUSED evil-go-modcache.tar.gz: its module cache tree is h1:"), e.getMessage());
        assertFalse(Files.exists(mod), "the restored directory was touched");
        assertTrue(Files.isRegularFile(proxy.resolve("example.com/util/@v/v0.3.0.zip")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.gomod.testkit.GoMatrix#oldestAndNewest")
    void tamperedBundleIsRefusedAndTheOldVendorStays(GoMatrix.Go release) throws Exception {
        GraphFixture.Workspace w = GraphFixture.tidied(tmp, release);
        IsolatedGo go = w.go();
        Path producer = producer(go, w.main());
        Path ws = checkout(producer, "agent");
        Path good = tmp.resolve("good.tar.gz");
        packVendor(producer, ws.resolve("no.lock"), good);
        restore(ws).run(good, ReproducibleArchive.Format.TAR_GZ);
        String before = LockDrift.vendorHash(ws.resolve("vendor"));

        // the attacker changes one vendored file and repacks with a fresh, self-consistent manifest
        Files.writeString(producer.resolve("vendor/github.com/Acme/Core/core.go"), "\nfunc init() { println(\"pwned\") }\n",
                java.nio.file.StandardOpenOption.APPEND);
        Path evil = tmp.resolve("evil.tar.gz");
        packVendor(producer, producer.resolve("no.lock"), evil);
        Files.writeString(ws.resolve("vendor/marker"), "old tree"); // the workspace differs from the lock now, so restore runs
        String withMarker = LockDrift.vendorHash(ws.resolve("vendor"));

        WorkspaceException e = assertThrows(WorkspaceException.class, () -> restore(ws).run(evil, ReproducibleArchive.Format.TAR_GZ));
        assertTrue(e.getMessage().startsWith("REFUSED evil.tar.gz: its vendor tree is h1:"), e.getMessage());
        assertTrue(e.getMessage().contains("gomod.lock (from git) pins " + before), e.getMessage());
        assertTrue(e.getMessage().endsWith("; vendor/ was left as it was"), e.getMessage());
        assertEquals(withMarker, LockDrift.vendorHash(ws.resolve("vendor")), "the old vendor/ was touched");
        assertFalse(Files.readString(ws.resolve("vendor/github.com/Acme/Core/core.go")).contains("pwned"));
        try (Stream<Path> s = Files.list(ws)) {
            assertEquals(List.of(), s.map(x -> x.getFileName().toString()).filter(n -> n.startsWith(".vendor")).toList());
        }
    }

    /**
     * An agent that keeps its workspace: release 1 restored, then release 2, which upgrades two
     * modules. The second restore writes only the files that differ (those of the two modules,
     * modules.txt, and one file tampered in the old vendor/ to other bytes of the same size and
     * mtime) and links the rest; the tree is the one a fresh restore makes, and the next no-op
     * reads nothing.
     */
    @Test
    void aSecondReleaseWritesOnlyWhatChangedAndLinksTheRest() throws Exception {
        GraphFixture.Workspace w = GraphFixture.tidied(tmp);
        IsolatedGo go = w.go();
        Path producer = producer(go, w.main());
        Path first = tmp.resolve("hello-1-go-vendor.tar.gz");
        packVendor(producer, producer.resolve("gomod.lock"), first);
        Path ws = checkout(producer, "agent");
        assertEquals(0, restore(ws).run(first, ReproducibleArchive.Format.TAR_GZ).linked(), "nothing to link from");
        java.util.Map<String, byte[]> release1 = tree(producer.resolve("vendor"));

        w.proxy().publish(
                dev.gomod.testkit.TestModule.of("example.com/text", "v0.9.1").goPackage("", "text").file("LICENSE", GraphFixture.license("MIT"))
                        .file("width.go", "package text\n\n// Width is new in v0.9.1.\nconst Width = 80\n"),
                dev.gomod.testkit.TestModule.of("example.com/util", "v0.4.0")
                        .file("sum_amd64.s", "#include \"textflag.h\"\n\nTEXT ·Sum(SB),NOSPLIT,$0-24\n\tMOVQ a+0(FP), AX\n\tADDQ b+8(FP), AX\n\tMOVQ AX, ret+16(FP)\n\tRET\n")
                        .file("sum_amd64.go", "package util\n\n// Sum adds, in assembly on amd64 (v0.4.0).\nfunc Sum(a, b int64) int64\n")
                        .file("sum_other.go", "//go:build !amd64\n\npackage util\n\n// Sum adds.\nfunc Sum(a, b int64) int64 { return a + b }\n")
                        .file("util.go", "// Package util has small helpers.\npackage util\n")
                        .file("COPYING", GraphFixture.license("ISC")));
        go.run(w.main(), "get", "example.com/text@v0.9.1", "example.com/util@v0.4.0").ok();
        producer(go, w.main());
        Path second = tmp.resolve("hello-2-go-vendor.tar.gz");
        packVendor(producer, producer.resolve("gomod.lock"), second);
        java.util.Map<String, byte[]> release2 = tree(producer.resolve("vendor"));
        java.util.Set<String> differ = new java.util.TreeSet<>();
        release2.forEach((name, bytes) -> {
            if (!java.util.Arrays.equals(bytes, release1.get(name))) {
                differ.add(name);
            }
        });
        assertEquals(List.of("vendor/example.com/text/width.go", "vendor/example.com/util/sum_amd64.go", "vendor/modules.txt"),
                List.copyOf(differ), "what release 2 changes: files of the two modules, and modules.txt");

        for (String f : List.of("go.mod", "go.sum", "gomod.lock")) {
            Files.copy(producer.resolve(f), ws.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path tampered = ws.resolve("vendor/github.com/Acme/Core/core.go");
        byte[] bytes = Files.readAllBytes(tampered);
        bytes[bytes.length - 3] ^= 1;
        java.nio.file.attribute.FileTime mtime = Files.getLastModifiedTime(tampered);
        Files.write(tampered, bytes);
        Files.setLastModifiedTime(tampered, mtime);

        Restore.Outcome o = restore(ws).run(second, ReproducibleArchive.Format.TAR_GZ);
        assertEquals(release2.size(), o.files());
        assertEquals(differ.size() + 1, o.files() - o.linked(), "written: the changed files and the tampered one");
        assertTrue(log.get(log.size() - 1).contains(o.linked() + " unchanged, linked from the previous vendor/"), log.toString());
        assertEquals(LockDrift.vendorHash(producer.resolve("vendor")), LockDrift.vendorHash(ws.resolve("vendor")));
        assertEquals(release2.keySet(), tree(ws.resolve("vendor")).keySet());
        assertTrue(java.util.Arrays.equals(release2.get("vendor/github.com/Acme/Core/core.go"), Files.readAllBytes(tampered)), "the tampered file is the bundle's again");
        assertEquals(1, Files.getAttribute(ws.resolve("vendor/example.com/licensed/sub/pkg/pkg.go"), "unix:nlink"), "the old tree is gone");

        Path fresh = checkout(producer, "fresh");
        Restore.Outcome f = restore(fresh).run(second, ReproducibleArchive.Format.TAR_GZ);
        assertEquals(0, f.linked());
        assertEquals(f.treeHash(), o.treeHash());
        assertEquals(LockDrift.vendorHash(fresh.resolve("vendor")), LockDrift.vendorHash(ws.resolve("vendor")));

        Thread.sleep(30); // past the clock tick of the restore's own entries
        assertEquals(0, restore(ws).upToDate().orElseThrow().read(), "the linked files' stats were recorded as they are after the old tree went");
    }

    private static java.util.Map<String, byte[]> tree(Path vendor) throws IOException {
        java.util.Map<String, byte[]> out = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.walk(vendor)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put("vendor/" + vendor.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }

    @Test
    void aBundleForOtherSourcesIsRefused() throws Exception {
        Path src = syntheticWorkspace("src", 5, 100);
        Path bundle = tmp.resolve("b.tar.gz");
        packVendor(src, src.resolve("gomod.lock"), bundle);
        Path ws = tmp.resolve("other");
        Files.createDirectories(ws);
        Files.writeString(ws.resolve("go.mod"), "module example.com/big\n\ngo 1.19\n// another commit\n");
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> restore(ws).run(bundle, ReproducibleArchive.Format.TAR_GZ));
        assertTrue(e.getMessage().contains("it was made for other go.mod/go.sum"), e.getMessage());
        assertFalse(Files.exists(ws.resolve("vendor")));
    }

    /**
     * Killed at any point, into a workspace whose vendor/ is unrelated, or is the previous release
     * (most files the same, so the kills land while files are being linked from it): vendor/ is
     * the old tree or the new one, never a mix, and the next restore succeeds.
     */
    @ParameterizedTest(name = "previous release in vendor/: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void aRestoreKilledAtAnyPointLeavesACompleteTreeAndTheNextOneSucceeds(boolean previousRelease) throws Exception {
        Path src = syntheticWorkspace("src", 3000, 12_000);
        Path bundle = tmp.resolve("big.tar.gz");
        packVendor(src, src.resolve("gomod.lock"), bundle);
        String fresh = LockDrift.vendorHash(src.resolve("vendor"));
        Path ws = tmp.resolve("agent");
        Files.createDirectories(ws);
        Files.copy(src.resolve("go.mod"), ws.resolve("go.mod"));
        Files.copy(src.resolve("gomod.lock"), ws.resolve("gomod.lock"));
        Runnable makeOld = () -> oldTree(ws, previousRelease ? src.resolve("vendor") : null);
        makeOld.run();
        String old = LockDrift.vendorHash(ws.resolve("vendor"));

        Path timing = tmp.resolve("timing");
        Files.createDirectories(timing);
        Files.copy(src.resolve("go.mod"), timing.resolve("go.mod"));
        Files.copy(src.resolve("gomod.lock"), timing.resolve("gomod.lock"));
        long start = System.nanoTime();
        assertEquals(0, child(timing, bundle).waitFor());
        long fullMs = (System.nanoTime() - start) / 1_000_000;

        int duringExtraction = 0;
        for (int i = 1; i <= 8; i++) {
            Process p = child(ws, bundle);
            Thread.sleep(fullMs * i / 10);
            p.destroyForcibly().waitFor();
            if (fileCount(ws.resolve(".vendor.extract")) > 0) {
                duringExtraction++;
            }
            String now = Files.isDirectory(ws.resolve("vendor")) ? LockDrift.vendorHash(ws.resolve("vendor")) : "no vendor/";
            assertTrue(now.equals(old) || now.equals(fresh), "kill " + i + " at " + (fullMs * i / 10) + " ms of " + fullMs
                    + " left a broken vendor/: " + now);
            if (now.equals(fresh)) {
                dev.gomod.workspace.DirectorySwap.deleteTree(ws.resolve("vendor"));
                makeOld.run();
            }
        }
        assertTrue(duringExtraction > 0, "no kill landed during extraction (a full restore took " + fullMs + " ms)");

        Restore.Outcome o = restore(ws).run(bundle, ReproducibleArchive.Format.TAR_GZ);
        assertFalse(o.skipped());
        assertEquals(previousRelease ? 2701 : 1, o.linked(), "the unchanged files of the previous release; of the unrelated tree, its empty modules.txt");
        assertEquals(fresh, LockDrift.vendorHash(ws.resolve("vendor")));
        try (Stream<Path> s = Files.list(ws)) {
            assertEquals(List.of(), s.map(x -> x.getFileName().toString()).filter(n -> n.startsWith(".vendor")).toList(), "leftovers");
        }
    }

    /** An old vendor/: a small unrelated tree, or a copy of {@code release} with every tenth file changed. */
    private static void oldTree(Path ws, Path release) {
        try {
            if (release == null) {
                Files.createDirectories(ws.resolve("vendor/example.com/old"));
                Files.writeString(ws.resolve("vendor/modules.txt"), "");
                Files.writeString(ws.resolve("vendor/example.com/old/old.go"), "package old\n");
                return;
            }
            List<Path> files;
            try (Stream<Path> s = Files.walk(release)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            for (int i = 0; i < files.size(); i++) {
                Path to = ws.resolve("vendor").resolve(release.relativize(files.get(i)).toString());
                Files.createDirectories(to.getParent());
                Files.copy(files.get(i), to);
                if (i % 10 == 5) {
                    Files.writeString(to, "// changed in the previous release\n", java.nio.file.StandardOpenOption.APPEND);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void twoConcurrentRestoresBothSucceedWithOneResult() throws Exception {
        Path src = syntheticWorkspace("src", 1500, 8_000);
        Path bundle = tmp.resolve("big.tar.gz");
        packVendor(src, src.resolve("gomod.lock"), bundle);
        Path ws = tmp.resolve("agent");
        Files.createDirectories(ws);
        Files.copy(src.resolve("go.mod"), ws.resolve("go.mod"));
        Files.copy(src.resolve("gomod.lock"), ws.resolve("gomod.lock"));
        RestoreProcess.assertOneRestoredOneSkipped(child(ws, bundle), child(ws, bundle));
        assertEquals(LockDrift.vendorHash(src.resolve("vendor")), LockDrift.vendorHash(ws.resolve("vendor")));
    }

    private Process child(Path ws, Path bundle) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), RestoreProcess.class.getName(),
                ws.toString(), ws.resolve("gomod.lock").toString(), ws.resolve("target/gomod").toString(), bundle.toString())
                .redirectErrorStream(true).start();
    }

    private static long fileCount(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    /** A module with no requirements and a large made-up vendor tree, its lock, no Go needed. */
    private Path syntheticWorkspace(String name, int files, int size) throws IOException {
        Path ws = tmp.resolve(name);
        Files.createDirectories(ws.resolve("vendor"));
        Files.writeString(ws.resolve("go.mod"), "module example.com/big\n\ngo 1.19\n");
        Files.writeString(ws.resolve("vendor/modules.txt"), "");
        Random r = new Random(7);
        for (int i = 0; i < files; i++) {
            Path f = ws.resolve("vendor/example.com/gen/p" + (i % 50) + "/f" + i + ".go");
            Files.createDirectories(f.getParent());
            byte[] b = new byte[size];
            r.nextBytes(b);
            Files.write(f, b);
        }
        GoModLock lock = new GoModLock(new GoModLock.ModuleFiles("example.com/big", Sha256.hex(ws.resolve("go.mod")), GoModLock.NONE),
                "1.19", null, "go1.19.8", null).withPin(PinKey.VENDOR, LockDrift.vendorHash(ws.resolve("vendor")));
        Files.write(ws.resolve("gomod.lock"), lock.toBytes());
        return ws;
    }
}
