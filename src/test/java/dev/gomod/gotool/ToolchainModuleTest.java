package dev.gomod.gotool;

import dev.gomod.mod.GoMod;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolchainModuleTest {
    @Test
    void namesTheModuleAsTheGoModuleProxyServesIt() {
        ToolchainModule linux = ToolchainModule.of("1.26.8", "linux-amd64");
        assertEquals("go1.26.8", linux.go());
        assertEquals("v0.0.1-go1.26.8.linux-amd64", linux.version());
        assertEquals("golang.org/toolchain@v0.0.1-go1.26.8.linux-amd64/", linux.zipPrefix());
        assertEquals("bin/go", linux.executable());
        assertEquals("go version go1.26.8 linux/amd64", linux.versionLine());
        ToolchainModule windows = ToolchainModule.of("go1.25.0", "windows-arm64");
        assertEquals("bin/go.exe", windows.executable());
        assertEquals("golang.org/toolchain@v0.0.1-go1.25.0.windows-arm64", windows.toString());
        assertEquals("v0.0.1-go1.27rc1.darwin-arm64", ToolchainModule.of("go1.27rc1", "darwin-arm64").version());
    }

    @Test
    void refusesWhatIsNoToolchainModule() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ToolchainModule.of("1.20.14", "linux-amd64"))
                .getMessage().contains("predates Go 1.21.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ToolchainModule.of("1.22", "linux-amd64"))
                .getMessage().contains("is not a Go release"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ToolchainModule.of("1.26.8", "linux/amd64"))
                .getMessage().contains("is not a platform"));
    }

    @Test
    void theReleaseComesFromTheToolchainLineThenTheGoLineThenTheFallback() throws Exception {
        assertEquals(Optional.of("go1.26.8"), ToolchainModule.releaseFor(goMod("go 1.25.0\ntoolchain go1.26.8\n"), "1.24.0"));
        assertEquals(Optional.of("go1.25.0"), ToolchainModule.releaseFor(goMod("go 1.25.0\n"), "1.24.0"));
        assertEquals(Optional.of("go1.22.0"), ToolchainModule.releaseFor(goMod("go 1.22\n"), null), "a bare go 1.22 selects go1.22.0");
        assertEquals(Optional.of("go1.25.14"), ToolchainModule.releaseFor(goMod("go 1.19\n"), "1.25.14"), "go 1.19 names no toolchain");
        assertEquals(Optional.of("go1.25.0"), ToolchainModule.releaseFor(goMod("go 1.25.0\ntoolchain default\n"), null));
        assertEquals(Optional.empty(), ToolchainModule.releaseFor(goMod("go 1.19\n"), " "));
    }

    @Test
    void theRunningPlatformIsNamedAsGoNamesIt() {
        assertTrue(ToolchainModule.runningPlatform().matches("[a-z0-9]+-[a-z0-9]+"), ToolchainModule.runningPlatform());
    }

    private static GoMod goMod(String lines) throws Exception {
        return GoMod.parse("go.mod", ("module example.com/m\n\n" + lines).getBytes(StandardCharsets.UTF_8), true);
    }
}
