package dev.gomod.testkit;

import dev.gomod.gotool.ToolchainModule;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Toolchain module zips for tests: the real one the Go module proxy serves (fetched and cached by
 * {@link GoMatrix}), or one made from an installed GOROOT in cmd/distpack's layout, for tests that
 * must run without network: every file under the prefix {@code golang.org/toolchain@<version>/},
 * sorted, no directory entries, without api/, doc/, misc/, test/ and pkg/obj/, with every go.mod
 * renamed {@code _go.mod}.
 */
public final class ToolchainZips {
    private static final Set<String> LEFT_OUT = Set.of("api", "doc", "misc", "test", ".git", ".gitattributes", ".github", ".gitignore");

    private ToolchainZips() {
    }

    /** The module zip of a release of the matrix, as the Go module proxy served it (cached between runs). */
    public static Path real(String go) {
        new GoMatrix.Go(go).executable(); // fetches it, or skips the test (fails under CI) without network
        ToolchainModule m = ToolchainModule.of(go, IsolatedGo.pathGoPlatform());
        return GoMatrix.cacheDir().resolve("modcache/cache/download").resolve(ToolchainModule.PATH).resolve("@v")
                .resolve(m.version() + ".zip");
    }

    /** Serves a toolchain module zip from a file:// GOPROXY directory, as the Go module proxy does. */
    public static void publish(Path zip, ToolchainModule m, Path proxyDir) throws IOException {
        Path at = Files.createDirectories(proxyDir.resolve(ToolchainModule.PATH).resolve("@v"));
        Files.copy(zip, at.resolve(m.version() + ".zip"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(at.resolve(m.version() + ".mod"), "module " + ToolchainModule.PATH + "\n");
        Files.writeString(at.resolve(m.version() + ".info"), "{\"Version\":\"" + m.version() + "\",\"Time\":\"2026-01-01T00:00:00Z\"}\n");
        Files.writeString(at.resolve("list"), m.version() + "\n");
    }

    /** The PATH with every directory that holds a go executable left out: an agent with no Go. */
    public static String pathWithoutGo() {
        List<String> kept = new java.util.ArrayList<>();
        for (String dir : System.getenv("PATH").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && !Files.exists(Path.of(dir, "go"))) {
                kept.add(dir);
            }
        }
        return String.join(java.io.File.pathSeparator, kept);
    }

    /** The toolchain module of the PATH go. */
    public static ToolchainModule pathGoModule() {
        IsolatedGo.requireGo();
        return ToolchainModule.of(IsolatedGo.pathGoVersion(), IsolatedGo.pathGoPlatform());
    }

    /** The PATH go's own GOROOT packed as its toolchain module zip, made once per test run. */
    public static synchronized Path ofPathGo(Path dir) throws IOException {
        ToolchainModule m = pathGoModule();
        Path zip = dir.resolve(m.version() + ".zip");
        if (!Files.exists(zip)) {
            Path goroot = Path.of(IsolatedGo.ask("go", "env", "GOROOT"));
            Path partial = dir.resolve(m.version() + ".zip.partial");
            Files.createDirectories(dir);
            fromGoroot(goroot, m, partial);
            Files.move(partial, zip);
        }
        return zip;
    }

    /** Packs {@code goroot} as distpack packs a toolchain module. */
    public static void fromGoroot(Path goroot, ToolchainModule m, Path zip) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(goroot)) {
            files = s.filter(Files::isRegularFile).filter(p -> {
                Path rel = goroot.relativize(p);
                return !LEFT_OUT.contains(rel.getName(0).toString()) && !rel.startsWith("pkg/obj");
            }).sorted((a, b) -> name(goroot, a).compareTo(name(goroot, b))).toList();
        }
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(Deflater.BEST_SPEED);
            for (Path f : files) {
                ZipEntry e = new ZipEntry(m.zipPrefix() + name(goroot, f));
                e.setTime(0);
                z.putNextEntry(e);
                Files.copy(f, z);
                z.closeEntry();
            }
        }
    }

    private static String name(Path goroot, Path file) {
        String n = goroot.relativize(file).toString().replace('\\', '/');
        return n.equals("go.mod") || n.endsWith("/go.mod") ? n.substring(0, n.length() - "go.mod".length()) + "_go.mod" : n;
    }
}
