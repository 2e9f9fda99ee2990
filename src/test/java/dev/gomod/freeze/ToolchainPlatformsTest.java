package dev.gomod.freeze;

import dev.gomod.Reporter;
import dev.gomod.WorkspaceException;
import dev.gomod.bundle.ToolchainBundle;
import dev.gomod.gotool.ToolchainModule;
import dev.gomod.testkit.GraphFixture;
import dev.gomod.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** gomod.toolchainPlatforms checked against what the GOPROXY chain lists for the release, before anything is downloaded. */
class ToolchainPlatformsTest {
    @TempDir
    Path tmp;

    @Test
    void aPlatformTheProxyDoesNotListIsRefusedNamingTheListedOnes() throws Exception {
        GraphFixture.Workspace w = GraphFixture.tidied(tmp);
        // a module with vendor/, where go defaults to -mod=vendor: the scratch directories lie inside it
        w.go().run(w.main(), "mod", "vendor").ok();
        // the proxy here lists four platforms of go1.27.4, and other releases
        Path list = Files.createDirectories(w.proxy().dir().resolve("golang.org/toolchain/@v")).resolve("list");
        Files.writeString(list, String.join("\n", "v0.0.1-go1.27.4.darwin-amd64", "v0.0.1-go1.27.4.darwin-arm64",
                "v0.0.1-go1.27.4.linux-amd64", "v0.0.1-go1.27.4.linux-arm64", "v0.0.1-go1.26.8.windows-amd64",
                "v0.0.1-go1.27.3.linux-riscv64") + "\n");
        List<String> log = new ArrayList<>();
        List<ToolchainBundle> toolchains = List.of(new ToolchainBundle(ToolchainModule.of("go1.27.4", "linux-amd64")),
                new ToolchainBundle(ToolchainModule.of("go1.27.4", "linux-riscv64")),
                new ToolchainBundle(ToolchainModule.of("go1.27.4", "windows-amd64")));
        Freeze freeze = new Freeze(Workspace.of(w.main()), Reporter.of(log::add),
                new Freeze.Options(w.go().command(log::add), DependencyPolicy.permissive(), false, List.copyOf(toolchains)));
        WorkspaceException e = assertThrows(WorkspaceException.class, freeze::run);
        assertEquals(WorkspaceException.Reason.UNLISTED_PLATFORM, e.reason());
        assertEquals("the GOPROXY chain lists go1.27.4 for darwin-amd64, darwin-arm64, linux-amd64, linux-arm64,"
                + " not for linux-riscv64, windows-amd64", e.getMessage());
        assertEquals("darwin-amd64,darwin-arm64,linux-amd64,linux-arm64", e.fact("platforms"));
        assertFalse(Files.exists(w.main().resolve("gomod.lock")), "nothing written");
        assertTrue(log.stream().noneMatch(l -> l.contains("golang.org/toolchain@v0.0.1-go1.27.4")), "nothing downloaded: " + log);
    }
}
