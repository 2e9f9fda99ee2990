package dev.gomod.gotool;

import dev.gomod.mod.GoMod;
import dev.gomod.mod.GoVersion;
import dev.gomod.testkit.GoMatrix;
import dev.gomod.testkit.IsolatedGo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A toolchain switch the user allowed goes through GoCommand like any download: the GOPROXY it is
 * given, its timeout and retries. Served here from a file:// directory in GOPROXY layout (the
 * matrix's own download cache), which also proves what offline agents rely on: cmd/go waives the
 * checksum database for golang.org/toolchain only when GOPROXY is that single file:// entry.
 */
class ToolchainSwitchTest {
    private static final String TARGET = "go1.25.14";

    @TempDir
    Path tmp;

    private Path downloads;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void theToolchainIsInTheMatrixCache() {
        new GoMatrix.Go(TARGET).executable(); // fetched (or skipped, or failed under CI) like every Go of the matrix
        downloads = GoMatrix.cacheDir().resolve("modcache/cache/download");
        assertTrue(Files.isRegularFile(downloads.resolve("golang.org/toolchain/@v/v0.0.1-" + TARGET + ".linux-amd64.zip"))
                || !System.getProperty("os.arch").equals("amd64"), "the matrix cache holds the toolchain module");
    }

    private GoCommand go(String goproxy) throws Exception {
        IsolatedGo isolated = new IsolatedGo(tmp.resolve("go"), goproxy);
        return isolated.command(log::add).with("GOTOOLCHAIN", TARGET).with("GOMODCACHE", tmp.resolve("fresh-cache").toString());
    }

    @Test
    void aSingleFileProxySwitchesWithNoNetworkAndNoChecksumDatabase() throws Exception {
        Path module = Files.createDirectories(tmp.resolve("m"));
        Files.writeString(module.resolve("go.mod"), "module example.com/m\n\ngo 1.25.0\n");
        GoCommand go = go(downloads.toUri().toString());
        GoMod goMod = GoMod.parse("go.mod", Files.readAllBytes(module.resolve("go.mod")), true);
        GoVersion installed = ToolchainSelection.installed(go, module).orElseThrow();
        ToolchainSelection.Decision d = ToolchainSelection.decide(installed, TARGET, goMod, n -> false);
        assertTrue(d.ok());
        assertEquals(java.util.Optional.of(TARGET), d.switchTo());

        assertEquals(TARGET, go.goVersion(module), "GOSUMDB=off, GOPROXY=file://…: go switched");
        assertTrue(String.join("\n", log).contains("go: downloading " + TARGET), log.toString());
        assertTrue(Files.isDirectory(tmp.resolve("fresh-cache/golang.org")), "into the module cache it was given");
    }

    @Test
    void anyOtherProxyListNeedsTheChecksumDatabase() throws Exception {
        Path module = Files.createDirectories(tmp.resolve("m"));
        Files.writeString(module.resolve("go.mod"), "module example.com/m\n\ngo 1.25.0\n");
        GoException e = assertThrows(GoException.class, () -> go(downloads.toUri() + ",off").goVersion(module));
        assertTrue(e.getMessage().contains("verifying module: checksum database disabled by GOSUMDB=off"), e.getMessage());
        assertEquals(GoException.Kind.FAILED, e.kind(), "not retried: no network error");
        assertEquals(new String(Files.readAllBytes(module.resolve("go.mod")), StandardCharsets.UTF_8), "module example.com/m\n\ngo 1.25.0\n");
    }
}
