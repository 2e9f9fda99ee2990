package dev.gomod.bench;

import dev.gomod.testkit.FileGoProxy;
import dev.gomod.testkit.GraphFixture;
import dev.gomod.testkit.IsolatedGo;
import dev.gomod.testkit.TestModule;
import dev.gomod.workspace.DirectorySwap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What {@code gomod:sbom} costs through a fresh {@code mvn -o}, Maven's start subtracted, on a
 * generated graph of 150 modules served from a file:// GOPROXY with a warm module cache: each module
 * has its own license text (the real texts of the test resources, Apache-2.0, MIT, BSD-3-Clause, ISC,
 * MPL-2.0, two-license files, each with its own copyright line, so no two are the same and the
 * matcher's memo saves nothing: harder than a real set, where containerd's 157 modules have 79
 * distinct texts). Rows: the goal with the license answers not kept (a first build on a machine), and
 * kept ({@code gomod.licenseCache} filled by the build before); the baseline is go's own part of it,
 * the three go commands the goal runs ({@code go list -m -json all}, {@code go mod download -json},
 * {@code go mod graph}).
 */
final class SbomBenchmark {
    static final int MODULES = 150;
    private static final int ROUNDS = 5;

    private final Path dir;
    private final String pluginVersion;

    SbomBenchmark(Path dir, String pluginVersion) {
        this.dir = dir;
        this.pluginVersion = pluginVersion;
    }

    /** The table's rows, measured. */
    String run() throws Exception {
        Path proxyDir = dir.resolve("proxy");
        List<TestModule> modules = new ArrayList<>();
        StringBuilder require = new StringBuilder();
        StringBuilder imports = new StringBuilder();
        for (int i = 0; i < MODULES; i++) {
            String path = String.format(Locale.ROOT, "bench.example/m%03d", i);
            TestModule m = TestModule.of(path, "v1.0.0");
            if (i % 5 != 4 && i + 1 < MODULES) {
                String next = String.format(Locale.ROOT, "bench.example/m%03d", i + 1);
                m.require(next, "v1.0.0").goPackage("", "m" + i, next);
            } else {
                m.goPackage("", "m" + i);
            }
            m.file(i % 25 == 7 ? "COPYING.md" : "LICENSE", license(i));
            modules.add(m);
            require.append("\t").append(path).append(" v1.0.0\n");
            imports.append("\t_ \"").append(path).append("\"\n");
        }
        FileGoProxy proxy = new FileGoProxy(proxyDir).publish(modules.toArray(TestModule[]::new));
        IsolatedGo go = new IsolatedGo(dir.resolve("go"), proxy.url());
        Path ws = dir.resolve("ws");
        Files.createDirectories(ws);
        Files.writeString(ws.resolve("go.mod"), "module bench.example/app\n\ngo 1.21\n\nrequire (\n" + require + ")\n");
        Files.writeString(ws.resolve("main.go"), "package main\n\nimport (\n" + imports + ")\n\nfunc main() {}\n");
        go.run(ws, "mod", "tidy").ok();
        go.run(ws, "mod", "download", "all").ok(); // a warm module cache, as on a release machine that built before
        Files.writeString(ws.resolve("pom.xml"), pom("sbom-" + MODULES, pluginVersion), StandardCharsets.UTF_8);
        // go's environment for mvn: the isolated module cache and proxy, but Maven's own HOME and PATH
        Map<String, String> env = new TreeMap<>(go.env());
        env.remove("HOME");
        env.remove("PATH");
        Path cache = dir.resolve("license-answers");
        String cacheFlag = "-Dgomod.licenseCache=" + cache;

        List<Double> start = new ArrayList<>();
        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        List<Double> goPart = new ArrayList<>();
        for (int i = 0; i <= ROUNDS; i++) {
            double s = VendorBenchmark.time(() -> mvn(ws, env, "gomod:help"));
            DirectorySwap.deleteTree(cache);
            double c = VendorBenchmark.time(() -> mvn(ws, env, "gomod:sbom", cacheFlag));
            double w = VendorBenchmark.time(() -> mvn(ws, env, "gomod:sbom", cacheFlag));
            double g = VendorBenchmark.time(() -> {
                go.run(ws, "list", "-m", "-json", "all").ok();
                go.run(ws, "mod", "download", "-json").ok();
                go.run(ws, "mod", "graph").ok();
            });
            if (i > 0) {
                start.add(s);
                cold.add(c);
                warm.add(w);
                goPart.add(g);
            }
        }
        double m = VendorBenchmark.median(start);
        String distinct = MODULES + " modules, " + MODULES + " distinct license texts";
        double goMedian = VendorBenchmark.median(goPart);
        return row(distinct, "sbom, license answers not kept (`mvn -o gomod:sbom`, a first build)", VendorBenchmark.median(cold) - m, goMedian, 5.0)
                + row(distinct, "sbom, license answers kept (`gomod.licenseCache` filled)", VendorBenchmark.median(warm) - m, goMedian, 5.0)
                + "\nMaven's start (`mvn -o gomod:help`, subtracted): " + String.format(Locale.ROOT, "%.3f s", m)
                + ". Baseline: go's own part of the goal (`go list -m -json all`, `go mod download -json`, `go mod graph`, warm"
                + " module cache). Target: at most 5 s over Maven's start.\n";
    }

    // The module's license text: one of the real texts, with a copyright line of its own.
    private static String license(int i) throws IOException {
        String owner = "The m" + i + " Authors";
        return switch (i % 20) {
            case 0, 1, 2, 3, 4, 5, 6, 7 -> GraphFixture.license("Apache-2.0").replace("Copyright [yyyy] [name of copyright owner]",
                    "Copyright 2026 " + owner);
            case 8, 9, 10, 11, 12 -> GraphFixture.license("MIT").replaceFirst("Copyright[^\n]*", "Copyright (c) 2026 " + owner);
            case 13, 14, 15, 16 -> GraphFixture.license("BSD-3-Clause").replaceFirst("Copyright[^\n]*", "Copyright (c) 2026 " + owner + ".");
            case 17 -> GraphFixture.license("ISC").replaceFirst("Copyright[^\n]*", "Copyright (c) 2026 " + owner);
            case 18 -> "Copyright " + owner + "\n\n" + real("hashicorp-errwrap-v1.1.0-LICENSE");
            default -> i % 40 == 19 ? real("yaml.v3-v3.0.1-LICENSE").replace("Kirill Simonov", owner)
                    : real("filepath-securejoin-v0.6.0-COPYING.md").replace("SUSE LLC", owner);
        };
    }

    private static String real(String name) throws IOException {
        try (InputStream in = SbomBenchmark.class.getResourceAsStream("/licenses/real/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A pom of packaging pom that declares the plugin, with a fixed build time. */
    static String pom(String artifactId, String pluginVersion) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.gomod.bench</groupId>
                  <artifactId>%s</artifactId>
                  <version>1.0</version>
                  <packaging>pom</packaging>
                  <properties><project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp></properties>
                  <build><plugins><plugin>
                    <groupId>dev.gomod</groupId><artifactId>gomod-maven-plugin</artifactId><version>%s</version>
                  </plugin></plugins></build>
                </project>
                """.formatted(artifactId, pluginVersion);
    }

    static void mvn(Path cwd, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("mvn", "-B", "-q", "-o"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("mvn " + String.join(" ", args) + " in " + cwd + " failed:\n" + out);
        }
    }

    private static String row(String set, String what, double ours, double goPart, double targetSeconds) {
        return String.format(Locale.ROOT, "| %s | %s | %.3f s | %.3f s | ≤ %.1f s | %s |%n", set, what, ours, goPart, targetSeconds,
                ours <= targetSeconds ? "yes" : "no");
    }
}
