package dev.gomod.bench;

import dev.gomod.lock.PinKey;
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
 * What an agent pays, and the shell recipes it is compared with. The headline runs every goal
 * through a fresh {@code mvn -o}, as a build does, with Maven's own start (the median of
 * {@code mvn -o gomod:help} in the same rounds) subtracted: pack, restore with full verification,
 * the no-op restore, verify and a delta restore over the previous release, on a generated vendor tree at 1× (about 4,000 files, 50 MB) and 4×,
 * on disk and in tmpfs, alternating ours and the baseline in every round. The details run the same
 * jobs in this JVM (warm) and in JVMs of their own for peak heap. The tables go to stdout and
 * {@code <dir>/results.md}.
 *
 * <p>Arguments: {@code <work dir> <plugin version>}. Run it with {@code mvn -B -Pbenchmark install}.
 * {@code setup <ws> <scale> <plugin version>} only writes a workspace, to profile by hand;
 * {@code sbom <work dir> <plugin version>} runs only {@link SbomBenchmark}, {@code report <work dir> <plugin version>}
 * only {@link ReportBenchmark}, {@code delta <work dir> <plugin version> disk|tmpfs <scale>} only the delta restore row.
 */
public final class VendorBenchmark {
    private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");
    private static final int MVN_ROUNDS = 5;
    private static final String SBOM_HEADER = "| set | what | ours | go's part | target | met |\n|---|---|---|---|---|---|\n";
    private static final String TAR_GZIP = "tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - vendor | gzip -6 -n";
    private static final String SHA256SUM = "find vendor -type f | sort | xargs sha256sum | sha256sum";

    private final Path dir;
    private final String pluginVersion;

    private VendorBenchmark(Path dir, String pluginVersion) {
        this.dir = dir;
        this.pluginVersion = pluginVersion;
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("sbom")) {
            Path d = Path.of(args[1]).toAbsolutePath();
            DirectorySwap.deleteTree(d);
            System.out.println(SBOM_HEADER + new SbomBenchmark(d, args[2]).run());
            return;
        }
        if (args[0].equals("report")) {
            // the report rows alone, on disk: report <dir> <plugin version>
            Path d = Path.of(args[1]).toAbsolutePath();
            DirectorySwap.deleteTree(d);
            System.out.print(ReportBenchmark.HEADER + new ReportBenchmark(d, args[2]).run());
            return;
        }
        if (args[0].equals("audit")) {
            // the audit row alone, on disk: mvn exec:java -Dexec.mainClass=... -Dexec.args="audit <dir> <plugin version>"
            VendorBenchmark b = new VendorBenchmark(Path.of(args[1]).toAbsolutePath(), args[2]);
            DirectorySwap.deleteTree(b.dir);
            System.out.print(b.auditOnly());
            return;
        }
        if (args[0].equals("headline")) {
            // one place and scale of the headline table: headline <dir> <plugin version> <disk|tmpfs> <scale>
            VendorBenchmark b = new VendorBenchmark(Path.of(args[1]).toAbsolutePath(), args[2]);
            Path place = args[3].equals("tmpfs") ? Path.of("/dev/shm/gomod-benchmark-" + ProcessHandle.current().pid()) : b.dir.resolve("disk");
            StringBuilder out = new StringBuilder();
            try {
                b.throughMvn(args[3], place.resolve(args[4] + "x"), Integer.parseInt(args[4]), out);
            } finally {
                DirectorySwap.deleteTree(place);
            }
            return;
        }
        if (args[0].equals("delta")) {
            // the delta restore row alone: delta <dir> <plugin version> <disk|tmpfs> <scale>
            VendorBenchmark b = new VendorBenchmark(Path.of(args[1]).toAbsolutePath(), args[2]);
            Path place = args[3].equals("tmpfs") ? Path.of("/dev/shm/gomod-benchmark-" + ProcessHandle.current().pid()) : b.dir.resolve("disk");
            try {
                System.out.print(b.deltaOnly(args[3], place.resolve(args[4] + "x"), Integer.parseInt(args[4])));
            } finally {
                DirectorySwap.deleteTree(place);
            }
            return;
        }
        if (args[0].equals("setup")) {
            Path ws = Path.of(args[1]).toAbsolutePath();
            new VendorBenchmark(ws, args[3]).workspace(ws, Integer.parseInt(args[2]));
            return;
        }
        VendorBenchmark b = new VendorBenchmark(Path.of(args[0]).toAbsolutePath(), args[1]);
        b.run();
    }

    interface Op {
        void run() throws Exception;
    }

    private void run() throws Exception {
        DirectorySwap.deleteTree(dir);
        Files.createDirectories(dir);
        String machine = Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ", " + mavenVersion();
        StringBuilder out = new StringBuilder("# Benchmark (" + machine + ")\n\n## Through a fresh `mvn -o`, Maven's start subtracted\n\n");
        out.append("| where | scale | files | MB | what | ours | baseline | ratio | target | met |\n|---|---|---|---|---|---|---|---|---|---|\n");
        Path tmpfs = Path.of("/dev/shm");
        List<Path> places = new ArrayList<>(List.of(dir.resolve("disk")));
        if (Files.isDirectory(tmpfs) && Files.isWritable(tmpfs)) {
            places.add(tmpfs.resolve("gomod-benchmark-" + ProcessHandle.current().pid()));
        }
        for (Path place : places) {
            String where = place.startsWith(tmpfs) ? "tmpfs" : "disk";
            try {
                for (int scale : new int[] {1, 4}) {
                    throughMvn(where, place.resolve(scale + "x"), scale, out);
                }
            } finally {
                if (place.startsWith(tmpfs)) {
                    DirectorySwap.deleteTree(place);
                }
            }
        }
        out.append("\nOurs is the goal's median time through `mvn -B -q -o` minus the median of `mvn -B -q -o gomod:help` in the same rounds (")
                .append(MVN_ROUNDS).append(" rounds after one warm-up, each running help, ours and the baseline in turn). Baselines: pack = `")
                .append(TAR_GZIP).append("`; restore and no-op = `tar xzf`; verify = `").append(SHA256SUM).append("`.\n");

        out.append("\n## gomod:sbom through a fresh `mvn -o`, Maven's start subtracted (disk)\n\n").append(SBOM_HEADER)
                .append(new SbomBenchmark(dir.resolve("sbom"), pluginVersion).run());

        out.append("\n## gomod:report through a fresh `mvn -o`, Maven's start subtracted (disk)\n\n").append(ReportBenchmark.HEADER)
                .append(new ReportBenchmark(dir.resolve("report"), pluginVersion).run());

        out.append("\n## Details: in this JVM (warm), and peak heap in a JVM of its own\n\n");
        out.append("| scale | files | MB | what | ours | baseline | ratio | target | met |\n|---|---|---|---|---|---|---|---|---|\n");
        long[] heap = new long[2];
        int i = 0;
        for (int scale : new int[] {1, 4}) {
            heap[i++] = inProcess(dir.resolve("in-process/" + scale + "x"), scale, scale == 1 ? 5 : 3, out);
        }
        out.append(row("1× → 4×", "", "", "peak heap, pack + restore (own JVM, -Xmx512m, serial GC)",
                mb(heap[0]) + " MB", mb(heap[1]) + " MB (4×)", (double) heap[1] / heap[0], 1.2));
        String table = out.toString();
        System.out.println(table);
        Files.writeString(dir.resolve("results.md"), table, StandardCharsets.UTF_8);
    }

    /** A generated tree with its go.mod, gomod.lock and a pom.xml that packs it; returns what was generated. */
    private VendorTreeGenerator.Tree workspace(Path ws, int scale) throws IOException {
        VendorTreeGenerator.Tree tree = VendorTreeGenerator.generate(ws, scale);
        String vendorHash = DirHash.hashDir(ws.resolve("vendor"), "vendor");
        GoModLock lock = new GoModLock(new GoModLock.ModuleFiles("bench.example/app", Sha256.hex(ws.resolve("go.mod")), GoModLock.NONE), "1.19", null, "go1.19.8", null)
                .withPin(PinKey.VENDOR, vendorHash);
        Files.write(ws.resolve("gomod.lock"), lock.toBytes());
        writePom(ws, scale);
        return tree;
    }

    /** A generated workspace under a base directory, its row labels, and where the baseline archive goes. */
    private record Scene(Path ws, String files, String mb, Path baseline) {
    }

    private Scene scene(Path base, int scale) throws IOException {
        Path ws = base.resolve("ws");
        VendorTreeGenerator.Tree tree = workspace(ws, scale);
        return new Scene(ws, String.valueOf(tree.files()), String.format(Locale.ROOT, "%.1f", tree.bytes() / 1e6), base.resolve("baseline.tar.gz"));
    }

    /** The headline: each goal through a fresh mvn against its shell baseline, at one scale in one place. */
    private void throughMvn(String where, Path base, int scale, StringBuilder table) throws Exception {
        StringBuilder out = new StringBuilder();
        Scene scene = scene(base, scale);
        Path ws = scene.ws();
        String files = scene.files();
        String mb = scene.mb();
        Path theirs = scene.baseline();
        Op help = () -> mvn(ws, "gomod:help");
        Op tarGzip = () -> shell(ws, TAR_GZIP + " > " + theirs);

        double[] p = rounds(help, () -> { }, () -> mvn(ws, "package"), () -> { }, tarGzip);
        out.append(row(where, scale + "×", files, mb, "Maven's start (`mvn -o gomod:help`)", String.format(Locale.ROOT, "%.3f s", p[0]), "", null, null));
        out.append(row(where, scale + "×", files, mb, "pack (`mvn -o package`)", p[1] - p[0], p[2], 0.8));
        Path ours = ws.resolve("target/vendor-" + scale + "x-1.0-go-vendor.tar.gz");
        out.append(row(where, scale + "×", files, mb, "archive size", mb(Files.size(ours)) + " MB", mb(Files.size(theirs)) + " MB",
                (double) Files.size(ours) / Files.size(theirs), 1.05));
        mvn(ws, "install");

        Path agent = base.resolve("agent");
        Path tarOut = base.resolve("tar-out");
        Op untar = () -> shell(tarOut, "tar xzf " + theirs);
        Op emptyTarOut = () -> {
            DirectorySwap.deleteTree(tarOut);
            Files.createDirectories(tarOut);
        };
        Op freshAgent = () -> {
            freshWorkspace(ws, agent);
            Files.copy(ws.resolve("pom.xml"), agent.resolve("pom.xml"));
        };
        double[] r = rounds(help, freshAgent, () -> mvn(agent, "gomod:restore"), emptyTarOut, untar);
        out.append(row(where, scale + "×", files, mb, "restore, full verification (`mvn -o gomod:restore`)", r[1] - p[0], r[2], 1.0));
        double[] n = rounds(help, () -> { }, () -> mvn(agent, "gomod:restore"), emptyTarOut, untar);
        // the issue's target for the no-op is on disk, where tar pays for the writes
        out.append(row(where, scale + "×", files, mb, "no-op restore, vendor/ matches (`mvn -o gomod:restore`)", n[1] - p[0], n[2],
                where.equals("disk") ? 0.1 : null));
        double[] v = rounds(help, () -> { }, () -> mvn(agent, "gomod:verify"), () -> { }, () -> shell(agent, SHA256SUM));
        out.append(row(where, scale + "×", files, mb, "verify, every file hashed (`mvn -o gomod:verify`)", v[1] - p[0], v[2], 1.0));
        if (scale == 1) {
            out.append(auditRow(where, scale + "×", files, mb, agent, help));
        }
        double[] d = deltaRounds(base, ws, agent, help, untar, emptyTarOut, () -> shell(ws, TAR_GZIP + " > " + theirs));
        out.append(deltaRow(where, scale + "×", files, mb, d));
        System.out.print(out);
        table.append(out);
        DirectorySwap.deleteTree(base);
    }

    /**
     * An agent that keeps its workspace: its vendor/ holds the release restored above, with the stat
     * cache its restore left, and it restores the next release, in which one file in ten changed.
     * The baseline unpacks the next release into an empty directory. Both setups end with
     * {@code sync}, so that neither pays for writing back the other's files.
     */
    private double[] deltaRounds(Path base, Path ws, Path agent, Op help, Op untar, Op emptyTarOut, Op baselineTar) throws Exception {
        Path previous = base.resolve("previous-vendor");
        DirectorySwap.deleteTree(previous);
        shell(base, "cp -a " + agent.resolve("vendor") + " " + previous);
        byte[] previousLock = Files.readAllBytes(agent.resolve("gomod.lock"));
        List<Path> files;
        try (java.util.stream.Stream<Path> s = Files.walk(ws.resolve("vendor"))) {
            files = s.filter(Files::isRegularFile).filter(f -> !f.endsWith("modules.txt")).sorted().toList();
        }
        for (int i = 3; i < files.size(); i += 10) {
            Files.writeString(files.get(i), "\n// changed in the next release\n", java.nio.file.StandardOpenOption.APPEND);
        }
        GoModLock lock = GoModLock.parse("gomod.lock", Files.readAllBytes(ws.resolve("gomod.lock")));
        Files.write(ws.resolve("gomod.lock"), lock.withPin(PinKey.VENDOR, DirHash.hashDir(ws.resolve("vendor"), "vendor")).toBytes());
        mvn(ws, "install");
        baselineTar.run();
        Op previousInPlace = () -> {
            DirectorySwap.deleteTree(agent.resolve("vendor"));
            shell(base, "cp -a " + previous + " " + agent.resolve("vendor"));
            Files.write(agent.resolve("gomod.lock"), previousLock);
            Thread.sleep(20); // past the copy's clock tick, so the stat cache trusts what it records
            Restore kept = new Restore(Workspace.of(agent), Reporter.SILENT,
                    new Restore.Options(dev.gomod.bundle.BundleLayout.VENDOR, agent.resolve("vendor"), SafeExtractor.Limits.DEFAULT));
            if (kept.holdsPinnedTree().isEmpty()) {
                throw new IllegalStateException("the previous release is not in place");
            }
            Files.copy(ws.resolve("gomod.lock"), agent.resolve("gomod.lock"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            shell(base, "sync");
        };
        Op emptyAndSync = () -> {
            emptyTarOut.run();
            shell(base, "sync");
        };
        return rounds(help, previousInPlace, () -> mvn(agent, "gomod:restore"), emptyAndSync, untar);
    }

    /**
     * One warm-up and {@link #MVN_ROUNDS} rounds of: Maven's start, ours (after its setup), the
     * baseline (after its setup); returns the three medians in seconds.
     */
    static double[] rounds(Op start, Op oursSetup, Op ours, Op baselineSetup, Op baseline) throws Exception {
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        List<Double> c = new ArrayList<>();
        for (int i = 0; i <= MVN_ROUNDS; i++) {
            double s = time(start);
            oursSetup.run();
            double o = time(ours);
            baselineSetup.run();
            double t = time(baseline);
            if (i > 0) {
                a.add(s);
                b.add(o);
                c.add(t);
            }
        }
        return new double[] {median(a), median(b), median(c)};
    }

    static double time(Op op) throws Exception {
        long t0 = System.nanoTime();
        op.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The details, in this JVM: the jobs without mvn, warm; returns the larger peak heap of pack and restore. */
    private long inProcess(Path base, int scale, int reps, StringBuilder table) throws Exception {
        StringBuilder out = new StringBuilder();
        Scene scene = scene(base, scale);
        Path ws = scene.ws();
        String files = scene.files();
        String mb = scene.mb();
        Path theirs = scene.baseline();
        Path ours = base.resolve("ours.tar.gz");
        Op pack = () -> new Pack(new Workspace(ws, ws.resolve("gomod.lock"), ws.resolve("target/gomod")), Reporter.SILENT, new Pack.Options(BundleLayout.VENDOR, ReproducibleArchive.Format.TAR_GZ, TIME)).run(ws.resolve("vendor"), ours);
        Op tarGzip = () -> shell(ws, TAR_GZIP + " > " + theirs);
        double[] p = alternate(reps, pack, tarGzip);
        out.append(row(scale + "×", files, mb, "pack", p[0], p[1], 0.8));

        Path restoreWs = base.resolve("agent");
        Path tarOut = base.resolve("tar-out");
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
        out.append(row(scale + "×", files, mb, "restore, full verification", r[0], r[1], 1.0));

        restore.run(); // leave a restored, matching vendor/ for the no-op path
        Restore noop = new Restore(Workspace.of(restoreWs), Reporter.SILENT, new Restore.Options(BundleLayout.VENDOR, restoreWs.resolve("vendor"), SafeExtractor.Limits.DEFAULT));
        double[] n = alternateWithSetup(reps, () -> {
            if (noop.upToDate().isEmpty()) {
                throw new IllegalStateException("the no-op path found vendor/ out of date");
            }
        }, untar, () -> { }, emptyTarOut);
        out.append(row(scale + "×", files, mb, "no-op restore (stat cache)", n[0], n[1], 0.1));

        double[] h = alternate(reps, () -> DirHash.hashDir(ws.resolve("vendor"), "vendor"), () -> shell(ws, SHA256SUM + " > /dev/null"));
        out.append(row(scale + "×", files, mb, "tree hash, every file read", h[0], h[1], 1.0));

        long packHeap = heap("pack", ws, base.resolve("heap.tar.gz"));
        freshWorkspace(ws, restoreWs);
        long restoreHeap = heap("restore", restoreWs, ours);
        out.append(row(scale + "×", files, mb, "peak heap pack / restore (own JVM)", mb(packHeap) + " MB", mb(restoreHeap) + " MB", null, null));
        System.out.print(out);
        table.append(out);
        DirectorySwap.deleteTree(base);
        return Math.max(packHeap, restoreHeap);
    }

    /** The 1× tree packed, installed and restored on an agent, then the audit row. */
    private String auditOnly() throws Exception {
        Scene scene = scene(dir.resolve("disk/1x"), 1);
        Path ws = scene.ws();
        Path agent = restoredAgent(ws, dir.resolve("disk/1x/agent"));
        return auditRow("disk", "1×", scene.files(), scene.mb(), agent, () -> mvn(ws, "gomod:help"));
    }

    /** The workspace's tree packed and installed, and restored into a fresh agent checkout; returns the agent. */
    private Path restoredAgent(Path ws, Path agent) throws Exception {
        mvn(ws, "install");
        freshWorkspace(ws, agent);
        Files.copy(ws.resolve("pom.xml"), agent.resolve("pom.xml"));
        mvn(agent, "gomod:restore");
        return agent;
    }

    /** The tree packed, installed and restored on an agent, then the delta restore row. */
    private String deltaOnly(String where, Path base, int scale) throws Exception {
        Scene scene = scene(base, scale);
        Path ws = scene.ws();
        Path agent = restoredAgent(ws, base.resolve("agent"));
        Path tarOut = base.resolve("tar-out");
        Op emptyTarOut = () -> {
            DirectorySwap.deleteTree(tarOut);
            Files.createDirectories(tarOut);
        };
        double[] d = deltaRounds(base, ws, agent, () -> mvn(ws, "gomod:help"), () -> shell(tarOut, "tar xzf " + scene.baseline()), emptyTarOut,
                () -> shell(ws, TAR_GZIP + " > " + scene.baseline()));
        return deltaRow(where, scale + "×", scene.files(), scene.mb(), d);
    }

    private static String deltaRow(String where, String scale, String files, String mb, double[] d) {
        return row(where, scale, files, mb, "delta restore, 10% of files changed, previous release in vendor/ (`mvn -o gomod:restore`)",
                d[1] - d[0], d[2], where.equals("disk") ? 0.3 : null);
    }

    /** The real database's size: so many entries, one in ten about a module of the tree. */
    private static final int VULNDB_ENTRIES = 4_789;

    /**
     * gomod:audit of the agent's restored tree against a database of the real one's size, pinned by
     * its lock (so the audit checks it by the stat cache, as after a restore), every finding logged.
     * Its budget is 1 s over Maven's start; there is no shell baseline offline (govulncheck needs Go,
     * the module cache and its own database).
     */
    private String auditRow(String where, String scale, String files, String mb, Path agent, Op help) throws Exception {
        List<String> modules = new ArrayList<>();
        for (String line : Files.readAllLines(agent.resolve("vendor/modules.txt"))) {
            if (line.startsWith("# ") && !line.contains("=>")) {
                modules.add(line.substring(2).split(" ")[0]);
            }
        }
        Path osv = Files.createDirectories(dir.resolve("osv-" + where));
        for (int i = 0; i < VULNDB_ENTRIES; i++) {
            String id = "GO-%d-%04d".formatted(2020 + i / 1000, i % 1000);
            String module = i % 10 == 0 ? modules.get((i / 10) % modules.size()) : "example.org/other" + i;
            Files.writeString(osv.resolve(id + ".json"), """
                    {"schema_version": "1.3.1", "id": "%s", "modified": "2026-11-05T23:49:57Z", "aliases": ["CVE-2026-%d"],
                     "summary": "A vulnerability in %s",
                     "affected": [{"package": {"name": "%s", "ecosystem": "Go"}, "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}]}],
                                   "ecosystem_specific": {"imports": [{"path": "%s", "symbols": ["F"]}]}}]}
                    """.formatted(id, 10000 + i, module, module, module), StandardCharsets.UTF_8);
        }
        Path db = agent.resolve("target/gomod/vulndb");
        dev.gomod.vulndb.VulnDb.write(new dev.gomod.vulndb.VulnDbSource.Local(osv).read(null, dir), db);
        GoModLock lock = GoModLock.parse("gomod.lock", Files.readAllBytes(agent.resolve("gomod.lock")));
        Files.write(agent.resolve("gomod.lock"), lock.withPin(PinKey.VULNDB, dev.gomod.bundle.BundleLayout.VULNDB.sourceHash(db)
                + " 2026-11-05T23:49:57Z").toBytes());
        DirectorySwap.deleteTree(osv);
        double[] a = rounds(help, () -> { }, () -> mvn(agent, "gomod:audit", "-Dgomod.auditFailOn=none"), () -> { }, () -> { });
        double ours = a[1] - a[0];
        return row(where, scale, files, mb, "audit, " + VULNDB_ENTRIES + " entries, " + (VULNDB_ENTRIES + 9) / 10
                        + " findings (`mvn -o gomod:audit`)", String.format(Locale.ROOT, "%.3f s", ours), "budget 1 s", ours, 1.0);
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

    static double median(List<Double> xs) {
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

    private void mvn(Path cwd, String goal, String... properties) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("mvn", "-B", "-q", "-o", goal));
        cmd.addAll(List.of(properties));
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
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
                  </plugin><plugin>
                    <!-- the version this project's own build uses, so that -o finds it -->
                    <artifactId>maven-install-plugin</artifactId><version>3.1.3</version>
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

    private static String row(String where, String scale, String files, String mb, String what, double ours, double base, Double target) {
        return "| " + where + " " + row(scale, files, mb, what, ours, base, target);
    }

    private static String row(String where, String scale, String files, String mb, String what, String ours, String base, Double ratio, Double target) {
        return "| " + where + " " + row(scale, files, mb, what, ours, base, ratio, target);
    }

    private static String mavenVersion() {
        try {
            Process p = new ProcessBuilder("mvn", "-v").redirectErrorStream(true).start();
            String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
            p.waitFor();
            return first.replaceAll("\\u001B\\[[;\\d]*m", "").replaceAll(" \\(.*", "").strip();
        } catch (IOException | InterruptedException e) {
            return "Maven (version unknown)";
        }
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
