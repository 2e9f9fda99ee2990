package dev.gomod.gotool;

import dev.gomod.mod.GoMod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        assertEquals(Optional.of(linux), ToolchainModule.ofVersion(linux.version()));
        assertEquals(Optional.of(windows), ToolchainModule.ofVersion("v0.0.1-go1.25.0.windows-arm64"));
        assertEquals(Optional.empty(), ToolchainModule.ofVersion("v0.0.1-go1.20.14.linux-amd64"), "no toolchain module before 1.21");
        assertEquals(Optional.empty(), ToolchainModule.ofVersion("v1.0.0"));
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

    /** Java's os.name and os.arch as the JDKs of each platform report them, and the toolchain module Go names it. */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(nullValues = "none", value = {
            "Linux, amd64, linux-amd64",
            "Linux, x86_64, linux-amd64",
            "Linux, aarch64, linux-arm64",
            "Linux, x86, linux-386",
            "Linux, i386, linux-386",
            "Linux, i686, linux-386",
            "Linux, arm, linux-arm",
            "Linux, armv7l, linux-arm",
            "Linux, ppc64le, linux-ppc64le",
            "Linux, ppc64, linux-ppc64",
            "Linux, s390x, linux-s390x",
            "Linux, riscv64, linux-riscv64",
            "Linux, loongarch64, linux-loong64",
            "Linux, mips64el, linux-mips64le",
            "Linux, mipsel, linux-mipsle",
            "Mac OS X, x86_64, darwin-amd64",
            "Mac OS X, aarch64, darwin-arm64",
            "Darwin, arm64, darwin-arm64",
            "Windows 11, amd64, windows-amd64",
            "Windows Server 2022, aarch64, windows-arm64",
            "Windows 10, x86, windows-386",
            "FreeBSD, amd64, freebsd-amd64",
            "FreeBSD, aarch64, freebsd-arm64",
            "FreeBSD, riscv64, none",
            "OpenBSD, amd64, openbsd-amd64",
            "NetBSD, aarch64, netbsd-arm64",
            "SunOS, amd64, solaris-amd64",
            "AIX, ppc64, aix-ppc64",
            "SunOS, sparcv9, none",
            "Linux, sparc64, none",
            "Windows 11, arm, none",
            "Darwin, x86, none",
            "z/OS, s390x, none",
            "HP-UX, ia64, none"})
    void everyPlatformGoShipsIsFoundFromJavasNames(String osName, String osArch, String platform) {
        assertEquals(Optional.ofNullable(platform), ToolchainModule.platformOf(osName, osArch));
    }

    @Test
    void everyShippedPlatformIsAPortOfTheRunningGo() throws Exception {
        Process p = new ProcessBuilder("go", "tool", "dist", "list").redirectErrorStream(true).start();
        java.util.Set<String> ports = new java.util.HashSet<>(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines().map(l -> l.replace('/', '-')).toList());
        assertEquals(0, p.waitFor());
        for (String shipped : ToolchainModule.SHIPPED) {
            assertTrue(ports.contains(shipped), shipped + " is no port of " + ports);
        }
    }

    @Test
    void theListedPlatformsOfAReleaseComeFromTheVersionList() {
        java.util.List<String> list = java.util.List.of("v0.0.1-go1.27.4.linux-amd64", "v0.0.1-go1.27.4.darwin-arm64",
                "v0.0.1-go1.27.40.linux-arm64", "v0.0.1-go1.27.4.linux-arm64", "v0.0.1-go1.26.8.windows-amd64", "v0.0.1-go1.27.4.bogus");
        assertEquals(java.util.List.of("darwin-arm64", "linux-amd64", "linux-arm64"),
                java.util.List.copyOf(ToolchainModule.listedPlatforms(list, "go1.27.4")));
        assertEquals(java.util.List.of("windows-amd64"), java.util.List.copyOf(ToolchainModule.listedPlatforms(list, "1.26.8")));
    }

    private static GoMod goMod(String lines) throws Exception {
        return GoMod.parse("go.mod", ("module example.com/m\n\n" + lines).getBytes(StandardCharsets.UTF_8), true);
    }
}
