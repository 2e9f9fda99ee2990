package dev.gomod.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real vulnerability tools and data, fetched through the Go module proxy into the tests' cache
 * once: golang.org/x/vulndb (its OSV entries, and its {@code cmd/indexdb}) and golang.org/x/vuln's
 * govulncheck. Without the network a test using them is skipped; under CI it fails.
 */
public final class VulnTools {
    public static final String VULNDB = "golang.org/x/vulndb";
    /** The database version the issue measured: 4,789 entries. */
    public static final String VULNDB_VERSION = "v0.0.0-20261105234957-e22db6528018";
    public static final String VULN = "golang.org/x/vuln";
    public static final String GOVULNCHECK_VERSION = "v1.10.0";

    private VulnTools() {
    }

    /** The extracted golang.org/x/vulndb module (read-only tree in the tests' own module cache). */
    public static synchronized Path vulndbModule() throws IOException, InterruptedException {
        return download(VULNDB, VULNDB_VERSION);
    }

    /** x/vulndb's {@code cmd/indexdb}, built from the same module version. */
    public static synchronized Path indexdb() throws IOException, InterruptedException {
        return build(VULNDB, VULNDB_VERSION, "./cmd/indexdb", "indexdb");
    }

    /** govulncheck, built from its module (its own go.sum checks what it builds from). */
    public static synchronized Path govulncheck() throws IOException, InterruptedException {
        return build(VULN, GOVULNCHECK_VERSION, "./cmd/govulncheck", "govulncheck");
    }

    /** The go the tools were built and fetched with: the PATH go, over the tests' own cache. */
    public static IsolatedGo go() throws IOException {
        String proxy = System.getenv().getOrDefault("GOPROXY", "https://proxy.golang.org,direct");
        // The proxy here answers no checksum-database lookups for these tools (test tools, not shipped artifacts)
        return new IsolatedGo(home(), proxy).set("GOSUMDB", "off").set("GOTOOLCHAIN", "local");
    }

    private static Path home() {
        return GoMatrix.cacheDir().resolve("vuln-tools");
    }

    private static Path download(String module, String version) throws IOException, InterruptedException {
        IsolatedGo.Result r = go().run(Files.createDirectories(home()), "mod", "download", "-json", module + "@" + version);
        if (r.exit() != 0) {
            GoMatrix.unavailable("could not fetch " + module + "@" + version + " through the Go module proxy: " + r.stdout() + r.stderr());
        }
        return Path.of(new ObjectMapper().readTree(r.stdout()).get("Dir").asText());
    }

    private static Path build(String module, String version, String pkg, String name) throws IOException, InterruptedException {
        Path bin = home().resolve("bin").resolve(name + "-" + version);
        if (Files.isExecutable(bin)) {
            return bin;
        }
        Path src = download(module, version);
        IsolatedGo.Result b = go().run(src, "build", "-o", bin.toString(), pkg);
        if (b.exit() != 0) {
            GoMatrix.unavailable("could not build " + module + " " + pkg + " " + version + ": " + b.stderr());
        }
        return bin;
    }
}
