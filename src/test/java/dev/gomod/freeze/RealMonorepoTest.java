package dev.gomod.freeze;

import dev.gomod.Reporter;
import dev.gomod.archive.ReproducibleArchive;
import dev.gomod.archive.SafeExtractor;
import dev.gomod.bundle.BundleLayout;
import dev.gomod.bundle.Pack;
import dev.gomod.bundle.PackedBundle;
import dev.gomod.bundle.Restore;
import dev.gomod.lock.GoModLock;
import dev.gomod.testkit.Checkout;
import dev.gomod.testkit.IsolatedGo;
import dev.gomod.vendoring.VendorJob;
import dev.gomod.verify.WorkspaceCheck;
import dev.gomod.workspace.Workspace;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opt-in ({@code mvn test -Dtest=RealMonorepoTest -Dgomod.realMonorepo=true}): a real monorepo
 * through the Go module proxy. OpenTelemetry Go v1.28.0 keeps otel, otel/trace, otel/metric and
 * otel/sdk in one repository, wired by {@code replace … => ../} and {@code => ./trace}; each is
 * downloaded as its module zip (nested modules are cut out of a module zip) and laid out as in the
 * repository, with a go.work that uses all four. Then the whole round trip: freeze in workspace mode
 * (tidy with this Go, the policy, {@code go work vendor} of the real dependency graph, checked
 * against the checksum database), pack, restore on a checkout of sources and lock, verify, and the
 * real go builds every package offline in workspace mode with an empty module cache.
 */
@EnabledIfSystemProperty(named = "gomod.realMonorepo", matches = "true")
class RealMonorepoTest {
    private static final String VERSION = "v1.28.0";
    /** Use directory to module path, as the repository lays them out. */
    private static final Map<String, String> MODULES = new LinkedHashMap<>();

    static {
        MODULES.put(".", "go.opentelemetry.io/otel");
        MODULES.put("metric", "go.opentelemetry.io/otel/metric");
        MODULES.put("sdk", "go.opentelemetry.io/otel/sdk");
        MODULES.put("trace", "go.opentelemetry.io/otel/trace");
    }

    @TempDir
    Path tmp;
    final List<String> log = new ArrayList<>();

    @Test
    void openTelemetryMakesTheRoundTripInWorkspaceMode() throws Exception {
        IsolatedGo.requireGo();
        String proxy = System.getenv().getOrDefault("GOPROXY", "https://proxy.golang.org,direct");
        IsolatedGo go = new IsolatedGo(tmp.resolve("go"), proxy).set("GOSUMDB", "sum.golang.org");
        Path ws = Files.createDirectories(tmp.resolve("otel"));
        Path scratch = Files.createDirectories(tmp.resolve("download"));
        for (Map.Entry<String, String> m : MODULES.entrySet()) {
            IsolatedGo.Result r = go.run(scratch, "mod", "download", "-json", m.getValue() + "@" + VERSION);
            if (r.exit() != 0) {
                String why = "the Go module proxy (" + proxy + ") did not serve " + m.getValue() + "@" + VERSION + ": " + r.stdout() + r.stderr();
                if (System.getenv("CI") != null) {
                    Assertions.fail(why);
                }
                Assumptions.abort(why);
            }
            Matcher dir = Pattern.compile("\"Dir\":\\s*\"([^\"]+)\"").matcher(r.stdout());
            assertTrue(dir.find(), r.stdout());
            Checkout.copy(Path.of(dir.group(1)), ws.resolve(m.getKey()), rel -> false);
        }
        Files.writeString(ws.resolve("go.work"), "go 1.22\n\nuse (\n\t.\n\t./metric\n\t./sdk\n\t./trace\n)\n");

        // freeze runs go mod tidy in each module first: the modules were tidied by another Go
        Freeze.Outcome frozen = new Freeze(Workspace.of(ws), Reporter.of(log::add),
                new Freeze.Options(go.command(log::add), new DependencyPolicy(false, null, null, false), true, java.util.List.of())).run();
        GoModLock lock = frozen.lock();
        assertEquals(4, lock.work().uses().size());
        assertTrue(frozen.buildList().stream().anyMatch(m -> m.module().path().equals("github.com/google/uuid")), frozen.buildList().toString());
        new VendorJob(Workspace.of(ws), Reporter.of(log::add), new VendorJob.Options(go.command(log::add))).run();

        PackedBundle bundle = new Pack(Workspace.of(ws), Reporter.of(log::add), new Pack.Options(BundleLayout.VENDOR,
                ReproducibleArchive.Format.TAR_GZ, Instant.parse("2026-01-01T00:00:00Z"))).run(ws.resolve("vendor"), tmp.resolve("otel-go-vendor.tar.gz"));
        Path agent = Checkout.sources(ws, tmp.resolve("agent"));
        Workspace onAgent = Workspace.of(agent);
        new Restore(onAgent, Reporter.of(log::add), new Restore.Options(BundleLayout.VENDOR, onAgent.vendorDir(), SafeExtractor.Limits.DEFAULT))
                .run(bundle.file(), ReproducibleArchive.Format.TAR_GZ);
        WorkspaceCheck.Report report = new WorkspaceCheck(Workspace.of(agent), Reporter.of(log::add), WorkspaceCheck.Options.NONE).run();
        assertTrue(report.clean(), report.findings().toString());

        IsolatedGo offline = new IsolatedGo(tmp.resolve("offline"), "off").set("GOWORK", agent.resolve("go.work").toString())
                .set("GOFLAGS", "-mod=vendor");
        offline.run(agent, "build", "./...", "./metric/...", "./sdk/...", "./trace/...").ok();
        assertTrue(!Files.exists(tmp.resolve("offline/modcache/cache/download")), "go fetched nothing");
        log.add("built offline: " + bundle.file() + " " + bundle.bytes() + " bytes, " + frozen.vendorFiles() + " files");
        System.out.println(String.join("\n", log.subList(Math.max(0, log.size() - 8), log.size())));
    }
}
