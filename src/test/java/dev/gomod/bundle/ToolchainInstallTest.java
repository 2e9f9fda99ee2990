package dev.gomod.bundle;

import dev.gomod.lock.PinKey;
import dev.gomod.Reporter;
import dev.gomod.WorkspaceException;
import dev.gomod.archive.ReproducibleArchive;
import dev.gomod.archive.SafeExtractor;
import dev.gomod.gotool.ToolchainModule;
import dev.gomod.hash.DirHash;
import dev.gomod.hash.Sha256;
import dev.gomod.lock.GoModLock;
import dev.gomod.testkit.ZipTampering;
import dev.gomod.testkit.GoMatrix;
import dev.gomod.testkit.IsolatedGo;
import dev.gomod.testkit.ToolchainZips;
import dev.gomod.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Installing a Go toolchain from its module zip through the restore pipeline: a GOROOT that runs
 * and builds, hashing to the zip's h1; refused, with nothing installed, when the zip is not the one
 * the lock pins or the lock pins none; safe when two processes install at once and after kill -9.
 */
class ToolchainInstallTest {
    /** Shared by the tests of one run: packing a GOROOT takes seconds. */
    private static final Path ZIPS = Path.of("target/toolchain-zips").toAbsolutePath();

    @TempDir
    Path tmp;

    private record Agent(Workspace workspace, ToolchainBundle layout, Path goroot, List<String> log) {
        Restore restore() {
            return new Restore(workspace, Reporter.of(log::add), new Restore.Options(layout, goroot, SafeExtractor.Limits.DEFAULT));
        }
    }

    /** A module whose gomod.lock pins {@code pin} for the toolchain {@code m} (none when null). */
    private Agent agent(ToolchainModule m, String pin) throws IOException {
        Path ws = Files.createDirectories(tmp.resolve("agent"));
        Files.writeString(ws.resolve("go.mod"), "module example.com/agent\n\ngo 1.22\n");
        Files.writeString(ws.resolve("main.go"), "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"built by the installed go\") }\n");
        GoModLock lock = new GoModLock(new GoModLock.ModuleFiles("example.com/agent", Sha256.hex(ws.resolve("go.mod")), GoModLock.NONE), "1.22", null, null, null)
                .withPin(PinKey.toolchain(m.version()), pin);
        Files.write(ws.resolve("gomod.lock"), lock.toBytes());
        return new Agent(Workspace.of(ws), new ToolchainBundle(m), tmp.resolve("install/" + m.go() + "." + m.platform()), new ArrayList<>());
    }

    private static ToolchainModule pathGoModule() {
        return ToolchainZips.pathGoModule();
    }

    @Test
    void installsARunnableGorootThatHashesToTheZipsH1AndBuilds() throws Exception {
        ToolchainModule m = pathGoModule();
        Path zip = ToolchainZips.ofPathGo(ZIPS);
        Agent a = agent(m, DirHash.hashZip(zip));

        Restore.Outcome o = a.restore().run(zip, ReproducibleArchive.Format.ZIP);
        assertFalse(o.skipped());
        assertTrue(a.log().stream().anyMatch(l -> l.contains("Go toolchain " + m.go() + " " + m.platform() + " restored from " + zip.getFileName())
                && l.contains("matches gomod.lock") && l.contains("'" + m.versionLine() + "'")), a.log().toString());
        // fixed up as cmd/go fixes up a download: exec bits, and go.mod beside every _go.mod
        assertTrue(Files.getPosixFilePermissions(a.goroot().resolve("bin/go")).contains(PosixFilePermission.OWNER_EXECUTE));
        try (Stream<Path> tools = Files.list(a.goroot().resolve("pkg/tool/" + m.goos() + "_" + m.goarch()))) {
            assertTrue(tools.allMatch(Files::isExecutable));
        }
        assertEquals(Files.readString(a.goroot().resolve("src/_go.mod")), Files.readString(a.goroot().resolve("src/go.mod")));
        // nothing of the extraction is left beside it
        try (Stream<Path> s = Files.list(a.goroot().getParent())) {
            assertEquals(List.of("." + a.goroot().getFileName() + ".lck", "." + a.goroot().getFileName() + ".stat", a.goroot().getFileName().toString()),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }

        // the installed GOROOT builds a module with no network and no other Go
        IsolatedGo installed = new IsolatedGo(tmp.resolve("go-home"), "off", a.goroot().resolve("bin/go").toString());
        // a build cache kept between runs: compiling the standard library cold takes most of a minute
        installed.set("PATH", "/usr/bin:/bin").set("GOCACHE", Files.createDirectories(GoMatrix.cacheDir().resolve("gocache-" + m.go())).toString());
        installed.run(a.workspace().dir(), "build", "-o", "hello", ".").ok();
        assertEquals("built by the installed go\n", run(a.workspace().dir().resolve("hello")));

        // installed: the next run only hashes, and the installed tree is the zip's h1
        List<String> again = new ArrayList<>();
        Restore second = new Restore(a.workspace(), Reporter.of(again::add), new Restore.Options(a.layout(), a.goroot(), SafeExtractor.Limits.DEFAULT));
        assertEquals(DirHash.hashZip(zip), second.upToDate().orElseThrow().treeHash());
        assertTrue(second.run(zip, ReproducibleArchive.Format.ZIP).skipped(), again.toString());
        // and reads no file: the digests come from the stat cache the install left beside the GOROOT
        Restore.Unchanged third = second.upToDate().orElseThrow();
        assertEquals(0, third.read(), third.describe());

        // a later build that does not install finds it, for this platform only, while it matches the pin
        Path base = a.goroot().getParent();
        InstalledToolchain found = InstalledToolchain.find(a.workspace(), base, java.util.Optional.of(m.platform()));
        assertEquals(java.util.Optional.of(a.goroot().resolve("bin/go")), found.executable(), found.why());
        assertEquals("the toolchain gomod.lock pins (" + m.go() + " " + m.platform() + "), installed in " + a.goroot(), found.why());
        InstalledToolchain other = InstalledToolchain.find(a.workspace(), base, java.util.Optional.of("darwin-arm64"));
        assertEquals("gomod.lock pins no toolchain for darwin-arm64", other.why());
        assertFalse(other.pinned() || other.executable().isPresent());
        InstalledToolchain elsewhere = InstalledToolchain.find(a.workspace(), tmp.resolve("elsewhere"), java.util.Optional.of(m.platform()));
        assertTrue(elsewhere.pinned() && elsewhere.executable().isEmpty() && elsewhere.why().endsWith(" is not installed in "
                + tmp.resolve("elsewhere").resolve(m.go() + "." + m.platform())), elsewhere.why());
        // go.mod edited since freeze (verify reports that): the toolchain the lock pins is still the one to run
        Files.writeString(a.workspace().dir().resolve("go.mod"), "\n// edited\n", java.nio.file.StandardOpenOption.APPEND);
        assertTrue(a.restore().upToDate().isEmpty(), "a restore would not be skipped");
        assertEquals(found, InstalledToolchain.find(a.workspace(), base, java.util.Optional.of(m.platform())));
        Files.writeString(a.goroot().resolve("VERSION"), "tampered", java.nio.file.StandardOpenOption.APPEND);
        InstalledToolchain changed = InstalledToolchain.find(a.workspace(), base, java.util.Optional.of(m.platform()));
        assertTrue(changed.executable().isEmpty() && changed.why().startsWith(a.goroot() + " does not match the toolchain gomod.lock pins"),
                changed.why());
    }

    @Test
    void aToolchainWithOneByteOfBinGoChangedIsRefusedBeforeAnythingIsExtracted() throws Exception {
        ToolchainModule m = pathGoModule();
        Path zip = ToolchainZips.ofPathGo(ZIPS);
        Agent a = agent(m, DirHash.hashZip(zip));
        Path tampered = tmp.resolve("tampered/" + zip.getFileName());
        ZipTampering.flipOneByte(zip, tampered, m.zipPrefix() + "bin/go");

        WorkspaceException e = assertThrows(WorkspaceException.class, () -> a.restore().run(tampered, ReproducibleArchive.Format.ZIP));
        assertEquals(WorkspaceException.Reason.TAMPERED, e.reason());
        assertTrue(e.getMessage().contains("REFUSED " + tampered.getFileName() + ": it hashes to h1:") && e.getMessage().contains("nothing was extracted"),
                e.getMessage());
        assertFalse(Files.exists(a.goroot()), "installed anyway");
        try (Stream<Path> s = Files.list(a.goroot().getParent())) {
            assertEquals(List.of("." + a.goroot().getFileName() + ".lck"), s.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aLockThatPinsNoToolchainInstallsNothing() throws Exception {
        ToolchainModule m = pathGoModule();
        Path zip = ToolchainZips.ofPathGo(ZIPS);
        Agent a = agent(m, null);
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> a.restore().run(zip, ReproducibleArchive.Format.ZIP));
        assertEquals(WorkspaceException.Reason.NOT_PINNED, e.reason());
        assertEquals(m.platform(), e.fact("what"));
        assertTrue(e.getMessage().contains("gomod.lock pins no Go toolchain " + m.go()), e.getMessage());
        assertFalse(Files.exists(a.goroot()));
    }

    @Test
    void twoProcessesInstallingAtOnceBothSucceedAndKillNineIsRepaired() throws Exception {
        ToolchainModule m = pathGoModule();
        Path zip = ToolchainZips.ofPathGo(ZIPS);
        Agent a = agent(m, DirHash.hashZip(zip));

        // kill -9 while the zip is being extracted: the next run cleans up and installs
        Process killed = child(a, zip);
        Path extract = a.goroot().resolveSibling("." + a.goroot().getFileName() + ".extract");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (fileCount(extract) < 500 && killed.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(killed.isAlive(), "the install finished before it could be killed");
        killed.destroyForcibly().waitFor(); // SIGKILL: no finally block runs
        assertTrue(fileCount(extract) >= 500, "killed before extracting");
        assertFalse(Files.exists(a.goroot()));

        RestoreProcess.assertOneRestoredOneSkipped(child(a, zip), child(a, zip));
        assertFalse(Files.exists(extract), "the killed run's extraction is still there");
        assertEquals(m.versionLine(), run(a.goroot().resolve("bin/go"), "version").strip());
    }

    @Test
    void windowsAndMacToolchainsAreLaidOutButNotRun() throws Exception {
        for (String platform : List.of("windows-amd64", "darwin-arm64")) {
            ToolchainModule m = ToolchainModule.of("go1.26.8", platform);
            Path zip = tmp.resolve(platform + ".zip");
            try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
                for (String n : List.of(m.executable(), "bin/gofmt" + (m.goos().equals("windows") ? ".exe" : ""), "pkg/tool/" + m.goos() + "_" + m.goarch() + "/compile",
                        "lib/wasm/go_js_wasm_exec", "src/_go.mod", "src/cmd/_go.mod", "VERSION")) {
                    z.putNextEntry(new ZipEntry(m.zipPrefix() + n));
                    z.write(("content of " + n + "\n").getBytes(StandardCharsets.UTF_8));
                    z.closeEntry();
                }
            }
            Agent a = new Agent(agent(m, DirHash.hashZip(zip)).workspace(), new ToolchainBundle(m), tmp.resolve("install-" + platform), new ArrayList<>());
            a.restore().run(zip, ReproducibleArchive.Format.ZIP);
            assertTrue(a.log().stream().anyMatch(l -> l.contains("not run (built for " + platform + ")")), a.log().toString());
            assertTrue(Files.isRegularFile(a.goroot().resolve(m.executable())));
            assertEquals("content of src/_go.mod\n", Files.readString(a.goroot().resolve("src/go.mod")));
            boolean exec = Files.isExecutable(a.goroot().resolve("lib/wasm/go_js_wasm_exec"));
            assertEquals(!m.goos().equals("windows"), exec, platform + ": lib/wasm/go_js_wasm_exec");
            assertEquals(!m.goos().equals("windows"), Files.isExecutable(a.goroot().resolve("pkg/tool/" + m.goos() + "_" + m.goarch() + "/compile")));
            assertEquals(DirHash.hashZip(zip), a.restore().upToDate().orElseThrow().treeHash(), "the go.mod copies are left out of the tree hash");
        }
    }

    // ---- helpers ----


    private Process child(Agent a, Path zip) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path ws = a.workspace().dir();
        ToolchainModule m = a.layout().module();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), RestoreProcess.class.getName(),
                ws.toString(), ws.resolve("gomod.lock").toString(), ws.resolve("target/gomod").toString(), zip.toString(),
                m.go(), m.platform(), a.goroot().toString()).redirectErrorStream(true).start();
    }

    private static long fileCount(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private static String run(Path exe, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(exe.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("GOTOOLCHAIN", "local");
        pb.environment().put("GOENV", "off");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void aGoThatNeverAnswersIsKilledWithItsChildrenAtTheTimeout() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("hung/bin"));
        Path pids = tmp.resolve("pids");
        Path go = bin.resolve("go");
        // the binary and a child of its own both sleep: the kill must reach the child too
        Files.writeString(go, "#!/bin/sh\nsleep 600 &\necho $$ $! > " + pids + "\nwait\n");
        Files.setPosixFilePermissions(go, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        long start = System.nanoTime();
        IOException e = assertThrows(IOException.class, () -> ToolchainBundle.runVersion(go, java.time.Duration.ofSeconds(2)));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis < 15_000, "caught at the timeout, not after " + millis + " ms");
        assertTrue(e.getMessage().contains("timed out after 2 s") && e.getMessage().contains("were killed"), e.getMessage());
        for (String pid : Files.readString(pids).strip().split(" ")) {
            assertFalse(ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " outlived the timeout");
        }
    }
}
