package dev.gomod.bench;

import dev.gomod.workspace.DirectorySwap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code gomod:report} costs through a fresh {@code mvn -o}, Maven's start subtracted, at 15, 150
 * and 500 modules: a generated release as the other goals leave it (go.mod with direct and indirect
 * requirements, a vendor tree, the SBOM with go mod graph's edges and licenses, audit.json), modules
 * spread over code hosts and owners the way real sets are. The report needs no Go, so nothing else is
 * prepared; there is no shell baseline for drawing a page, so the row has a target and no ratio.
 */
final class ReportBenchmark {
    static final int[] SIZES = {15, 150, 500};
    private static final String[] HOSTS = {"golang.org/x", "k8s.io", "go.opentelemetry.io", "google.golang.org", "gopkg.in", "go.uber.org"};
    private static final String[] LICENSES = {"MIT", "Apache-2.0", "BSD-3-Clause", "MIT", "Apache-2.0", "MPL-2.0", null, "ISC", "BSD-3-Clause AND MPL-2.0"};

    private final Path dir;
    private final String pluginVersion;

    ReportBenchmark(Path dir, String pluginVersion) {
        this.dir = dir;
        this.pluginVersion = pluginVersion;
    }

    /** The table's rows, measured. */
    String run() throws Exception {
        StringBuilder out = new StringBuilder();
        for (int n : SIZES) {
            Path ws = dir.resolve(n + "-modules");
            write(ws, n);
            // no shell baseline draws a page: the baseline slot runs nothing
            double[] t = VendorBenchmark.rounds(() -> SbomBenchmark.mvn(ws, Map.of(), "gomod:help"), () -> { },
                    () -> SbomBenchmark.mvn(ws, Map.of(), "gomod:report"), () -> { }, () -> { });
            double m = t[0];
            double ours = t[1] - m;
            String page = Files.readString(ws.resolve("target/gomod/report/index.html"));
            long nodes = page.lines().filter(l -> l.contains("<g id=\"node-") || l.contains("<g id=\"group-")).count();
            out.append(String.format(Locale.ROOT, "| %d | %d | %,d bytes | %.3f s | %.3f s | ≤ 5.0 s | %s |%n", n, nodes, page.length(), m, ours,
                    ours <= 5.0 ? "yes" : "no"));
            DirectorySwap.deleteTree(ws);
        }
        return out.toString();
    }

    static final String HEADER = "| modules | graph nodes | page | Maven's start | `mvn -o gomod:report` over it | target | met |\n|---|---|---|---|---|---|---|\n";

    private static String path(int i) {
        // two in three on GitHub under a few dozen owners, the rest on the hosts real sets use
        return i % 3 != 2 ? "github.com/org" + (i % 37) + "/repo" + i : HOSTS[i % HOSTS.length] + "/m" + i;
    }

    /** The release of {@code n} modules: go.mod, vendor/, the SBOM and audit.json as the goals write them, and the pom. */
    private void write(Path ws, int n) throws IOException {
        Files.createDirectories(ws.resolve("target/gomod"));
        StringBuilder goMod = new StringBuilder("module bench.example/app\n\ngo 1.22\n\nrequire (\n");
        StringBuilder modulesTxt = new StringBuilder();
        StringBuilder components = new StringBuilder();
        StringBuilder deps = new StringBuilder();
        StringBuilder mainDeps = new StringBuilder();
        int direct = Math.max(3, n / 10);
        for (int i = 0; i < n; i++) {
            String p = path(i);
            String v = "v1." + (i % 17) + "." + (i % 5);
            String ref = "pkg:golang/" + p + "@" + v + "?type=module";
            goMod.append('\t').append(p).append(' ').append(v).append(i < direct ? "\n" : " // indirect\n");
            modulesTxt.append("# ").append(p).append(' ').append(v).append("\n## explicit; go 1.21\n").append(p).append('\n');
            Path f = ws.resolve("vendor").resolve(p).resolve("file.go");
            Files.createDirectories(f.getParent());
            Files.write(f, new byte[100 + (int) ((i * 7919L) % 60_000)]);
            String lic = LICENSES[i % LICENSES.length];
            components.append(i == 0 ? "" : ",\n").append("{\"type\": \"library\", \"bom-ref\": \"").append(ref).append("\", \"name\": \"").append(p)
                    .append("\", \"version\": \"").append(v).append('"')
                    .append(lic == null ? "" : ", \"licenses\": [{\"expression\": \"" + lic + "\"}]").append('}');
            mainDeps.append(i == 0 ? "" : ", ").append('"').append(ref).append('"');
            // each module below the direct ones is required by one or two modules above it
            StringBuilder on = new StringBuilder();
            for (int c : new int[] {direct + 2 * i, direct + 2 * i + 1, direct + (i * 13 + 5) % Math.max(1, n - direct)}) {
                if (c > i && c < n) {
                    String cp = path(c);
                    on.append(on.length() == 0 ? "" : ", ").append("\"pkg:golang/").append(cp).append("@v1.").append(c % 17).append('.').append(c % 5)
                            .append("?type=module\"");
                }
            }
            deps.append(",\n{\"ref\": \"").append(ref).append("\", \"dependsOn\": [").append(on).append("]}");
        }
        goMod.append(")\n");
        Files.writeString(ws.resolve("go.mod"), goMod);
        Files.writeString(ws.resolve("vendor/modules.txt"), modulesTxt);
        Files.writeString(ws.resolve("target/report-" + n + "-1.0-go-cyclonedx.json"), "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\",\n"
                + "\"metadata\": {\"component\": {\"type\": \"application\", \"bom-ref\": \"pkg:golang/bench.example/app?type=module\", \"name\": \"bench.example/app\"}},\n"
                + "\"components\": [" + components + "],\n\"dependencies\": [{\"ref\": \"pkg:golang/bench.example/app?type=module\", \"dependsOn\": ["
                + mainDeps + "]}" + deps + "]}\n", StandardCharsets.UTF_8);
        Files.writeString(ws.resolve("target/gomod/audit.json"), "{\"database\": \"generated\", \"findings\": [{\"id\": \"GO-2026-0001\", \"aliases\": [],"
                + " \"module\": \"" + path(1) + "\", \"version\": \"v1.1.1\", \"fixed\": \"v1.1.2\", \"reach\": \"imported\", \"summary\": \"generated\"}]}\n");
        Files.writeString(ws.resolve("pom.xml"), SbomBenchmark.pom("report-" + n, pluginVersion), StandardCharsets.UTF_8);
    }
}
