package dev.gomod.bench;

import dev.gomod.Reporter;
import dev.gomod.archive.ReproducibleArchive;
import dev.gomod.archive.SafeExtractor;
import dev.gomod.bundle.BundleLayout;
import dev.gomod.bundle.Pack;
import dev.gomod.bundle.Restore;
import dev.gomod.hash.DirHash;
import dev.gomod.hash.Sha256;
import dev.gomod.lock.GoModLock;
import dev.gomod.workspace.DirectorySwap;
import dev.gomod.workspace.Workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Pack, restore, no-op restore and tree hash against the shell recipes users compare us with, on a
 * generated vendor tree at 1× (about 4,000 files, 50 MB) and 4×: in this JVM (warm, in-process), in
 * JVMs of their own for peak heap, and end to end through mvn. Alternating ours and the baseline in
 * every repetition; medians and ratios; the table goes to stdout and {@code <dir>/results.md}.
 *
 * <p>Arguments: {@code <work dir> <plugin version>}. Run it with {@code mvn -B -Pbenchmark install}.
 */
public final class VendorBenchmark {
    private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

    private final Path dir;
    private final String pluginVersion;
    private final List<String> rows = new ArrayList<>();

    private VendorBenchmark(Path dir, String pluginVersion) {
        this.dir = dir;
        this.pluginVersion = pluginVersion;
    }

    public static void main(String[] args) throws Exception {
        VendorBenchmark b = new VendorBenchmark(Path.of(args[0]).toAbsolutePath(), args[1]);
        b.run();
    }

    private interface Op {
        void run() throws Exception;
    }

    private void run() throws Exception {
        DirectorySwap.deleteTree(dir);
        Files.createDirectories(dir);
        StringBuilder out = new StringBuilder();
        out.append("# Benchmark: pack, restore, verify (").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version")).append(")\n\n");
        out.append("| scale | files | MB | what | ours | baseline | ratio | target | met |\n|---|---|---|---|---|---|---|---|---|\n");
        long[] heap = new long[2];
        int i = 0;
        for (int scale : new int[] {1, 4}) {
            heap[i++] = scale(scale, scale == 1 ? 7 : 3, out);
        }
        double heapRatio = (double) heap[1] / heap[0];
        out.append(row("1× → 4×", "", "", "peak heap, pack + restore (own JVM, -Xmx512m, serial GC)",
                mb(heap[0]) + " MB", mb(heap[1]) + " MB (4×)", heapRatio, 1.2));
        out.append("\nTimes are medians in seconds. Baselines: pack = `tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - vendor | gzip -6 -n`;"
                + " restore = `tar xzf`; tree hash = `find vendor -type f | sort | xargs sha256sum | sha256sum`."
                + " \"mvn\" rows run the goal through a fresh `mvn -o` (JVM start and Maven included).\n");
        String table = out.toString();
        System.out.println(table);
        Files.writeString(dir.resolve("results.md"), table, StandardCharsets.UTF_8);
    }

    /** Measures one scale; returns the larger peak heap of pack and restore. */
    private long scale(int scale, int reps, StringBuilder table) throws Exception {
        StringBuilder out = new StringBuilder();
        Path ws = dir.resolve(scale + "x/ws");
        VendorTreeGenerator.Tree tree = VendorTreeGenerator.generate(ws, scale);
        String vendorHash = DirHash.hashDir(ws.resolve("vendor"), "vendor");
        GoModLock lock = new GoModLock("bench.example/app", "1.19", null, "go1.19.8", Sha256.hex(ws.resolve("go.mod")), GoModLock.NONE, vendorHash, null);
        Files.write(ws.resolve("gomod.lock"), lock.toBytes());
        String files = String.valueOf(tree.files());
        String mb = String.format(Locale.ROOT, "%.1f", tree.bytes() / 1e6);
        Path ours = dir.resolve(scale + "x/ours.tar.gz");
        Path theirs = dir.resolve(scale + "x/baseline.tar.gz");
        Op pack = () -> new Pack(new Workspace(ws, ws.resolve("gomod.lock"), ws.resolve("target/gomod")), Reporter.SILENT, new Pack.Options(BundleLayout.VENDOR, ReproducibleArchive.Format.TAR_GZ, TIME)).run(ws.resolve("vendor"), ours);
        Op tarGzip = () -> shell(ws, "tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - vendor | gzip -6 -n > " + theirs);
        double[] p = alternate(reps, pack, tarGzip);
        out.append(row(scale + "×", files, mb, "pack (in-process)", p[0], p[1], 0.8));
        out.append(row(scale + "×", files, mb, "archive size", mb(Files.size(ours)) + " MB", mb(Files.size(theirs)) + " MB",
                (double) Files.size(ours) / Files.size(theirs), 1.05));

        Path restoreWs = dir.resolve(scale + "x/agent");
        Path tarOut = dir.resolve(scale + "x/tar-out");
        Op restore = () -> {
            freshWorkspace(ws, restoreWs);
            new Restore(Workspace.of(restoreWs), Reporter.SILENT, new Restore.Options(BundleLayout.VENDOR, restoreWs.resolve("vendor"), SafeExtractor.Limits.DEFAULT))
                    .run(ours, ReproducibleArchive.Format.TAR_GZ);
        };
        Op untar = () -> shell(tarOut, "tar xzf " + theirs);
        Op emptyTarOut = () -> {
            DirectorySwap.deleteTree(tarOut);
            Files.createDirectories(tarOut);
        };
        double[] r = alternateWithSetup(reps, restore, untar, () -> freshWorkspace(ws, restoreWs), emptyTarOut);
        out.append(row(scale + "×", files, mb, "restore, full verification (in-process)", r[0], r[1], 1.0));

        restore.run(); // leave a restored, matching vendor/ for the no-op path
        Restore noop = new Restore(Workspace.of(restoreWs), Reporter.SILENT, new Restore.Options(BundleLayout.VENDOR, restoreWs.resolve("vendor"), SafeExtractor.Limits.DEFAULT));
        double[] n = alternateWithSetup(reps, () -> {
            if (noop.upToDate().isEmpty()) {
                throw new IllegalStateException("the no-op path found vendor/ out of date");
            }
        }, untar, () -> { }, emptyTarOut);
        out.append(row(scale + "×", files, mb, "restore when vendor/ matches (in-process)", n[0], n[1], 0.1));

        double[] h = alternate(reps, () -> DirHash.hashDir(ws.resolve("vendor"), "vendor"),
                () -> shell(ws, "find vendor -type f | sort | xargs sha256sum | sha256sum > /dev/null"));
        out.append(row(scale + "×", files, mb, "tree hash (in-process)", h[0], h[1], 1.0));

        // end to end through mvn: pack, then restore into a fresh workspace, then the no-op
        writePom(ws, scale);
        double[] mp = alternate(3, () -> mvn(ws, "package"), tarGzip);
        out.append(row(scale + "×", files, mb, "pack via `mvn -o package`", mp[0], mp[1], null));
        mvn(ws, "install");
        double[] mr = alternateWithSetup(3, () -> mvn(restoreWs, "gomod:restore"), untar,
                () -> {
                    freshWorkspace(ws, restoreWs);
                    Files.copy(ws.resolve("pom.xml"), restoreWs.resolve("pom.xml"));
                }, emptyTarOut);
        out.append(row(scale + "×", files, mb, "restore via `mvn -o gomod:restore`", mr[0], mr[1], null));
        double[] mn = alternateWithSetup(3, () -> mvn(restoreWs, "gomod:restore"), untar, () -> { }, emptyTarOut);
        out.append(row(scale + "×", files, mb, "no-op restore via `mvn -o gomod:restore`", mn[0], mn[1], null));

        long packHeap = heap("pack", ws, dir.resolve(scale + "x/heap.tar.gz"));
        freshWorkspace(ws, restoreWs);
        long restoreHeap = heap("restore", restoreWs, ours);
        out.append(row(scale + "×", files, mb, "peak heap pack / restore (own JVM)", mb(packHeap) + " MB", mb(restoreHeap) + " MB", null, null));
        System.out.print(out);
        table.append(out);
        return Math.max(packHeap, restoreHeap);
    }

    private static void freshWorkspace(Path from, Path ws) throws IOException {
        DirectorySwap.deleteTree(ws);
        Files.createDirectories(ws);
        Files.copy(from.resolve("go.mod"), ws.resolve("go.mod"));
        Files.copy(from.resolve("gomod.lock"), ws.resolve("gomod.lock"));
    }

    /** Runs ours and the baseline alternately after two warm-up rounds; returns their medians in seconds. */
    private static double[] alternate(int reps, Op ours, Op baseline) throws Exception {
        return alternateWithSetup(reps, ours, baseline, () -> { }, () -> { });
    }

    private static double[] alternateWithSetup(int reps, Op ours, Op baseline, Op oursSetup, Op baselineSetup) throws Exception {
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (int i = 0; i < reps + 2; i++) {
            oursSetup.run();
            long t0 = System.nanoTime();
            ours.run();
            long t1 = System.nanoTime();
            baselineSetup.run();
            long t2 = System.nanoTime();
            baseline.run();
            long t3 = System.nanoTime();
            if (i >= 2) {
                a.add((t1 - t0) / 1e9);
                b.add((t3 - t2) / 1e9);
            }
        }
        return new double[] {median(a), median(b)};
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static void shell(Path cwd, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-o", "pipefail", "-c", command).directory(cwd.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(command + " failed: " + out);
        }
    }

    private void mvn(Path cwd, String goal) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mvn", "-B", "-q", "-o", goal).directory(cwd.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("mvn " + goal + " in " + cwd + " failed:\n" + out);
        }
    }

    private void writePom(Path ws, int scale) throws IOException {
        Files.writeString(ws.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.gomod.bench</groupId>
                  <artifactId>vendor-%dx</artifactId>
                  <version>1.0</version>
                  <packaging>pom</packaging>
                  <properties><project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp></properties>
                  <build><plugins><plugin>
                    <groupId>dev.gomod</groupId><artifactId>gomod-maven-plugin</artifactId><version>%s</version>
                    <executions><execution><goals><goal>package</goal></goals></execution></executions>
                  </plugin></plugins></build>
                </project>
                """.formatted(scale, pluginVersion), StandardCharsets.UTF_8);
    }

    private static long heap(String op, Path ws, Path file) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xms512m", "-Xmx512m", "-XX:+UseSerialGC", "-cp", classpath(),
                HeapProbe.class.getName(), op, ws.toString(), file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("heap probe " + op + " failed:\n" + out);
        }
        return Long.parseLong(out.lines().filter(l -> l.startsWith("PEAK ")).findFirst().orElseThrow().substring(5).strip());
    }

    /** This class's classpath: under exec:java it is the loader's URLs, not java.class.path (Maven's launcher). */
    private static String classpath() {
        if (VendorBenchmark.class.getClassLoader() instanceof java.net.URLClassLoader u) {
            List<String> paths = new ArrayList<>();
            for (java.net.URL url : u.getURLs()) {
                try {
                    paths.add(Path.of(url.toURI()).toString());
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            return String.join(java.io.File.pathSeparator, paths);
        }
        return System.getProperty("java.class.path");
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
    }

    private static String row(String scale, String files, String mb, String what, double ours, double base, Double target) {
        return row(scale, files, mb, what, String.format(Locale.ROOT, "%.3f s", ours), String.format(Locale.ROOT, "%.3f s", base),
                ours / base, target);
    }

    private static String row(String scale, String files, String mb, String what, String ours, String base, Double ratio, Double target) {
        String r = ratio == null ? "" : String.format(Locale.ROOT, "%.2f×", ratio);
        String t = target == null ? "" : String.format(Locale.ROOT, "≤ %.2f×", target);
        String met = target == null || ratio == null ? "" : ratio <= target ? "yes" : "no";
        return "| " + scale + " | " + files + " | " + mb + " | " + what + " | " + ours + " | " + base + " | " + r + " | " + t + " | " + met + " |\n";
    }
}
