package dev.gomod.gotool;

import dev.gomod.mod.GoMod;
import dev.gomod.mod.GoVersion;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GOTOOLCHAIN decisions against cmd/go's rules; the real go's own refusals are checked in ModernGoTest. */
class ToolchainSelectionTest {
    private static final GoVersion GO_1_26_8 = GoVersion.parse("1.26.8").orElseThrow();

    private static GoMod goMod(String lines) throws Exception {
        return GoMod.parse("go.mod", ("module example.com/m\n\n" + lines).getBytes(StandardCharsets.UTF_8), true);
    }

    private static ToolchainSelection.Decision decide(String gotoolchain, String lines, String... onPath) throws Exception {
        return ToolchainSelection.decide(GO_1_26_8, gotoolchain, goMod(lines), Set.of(onPath)::contains);
    }

    @Test
    void localRunsTheInstalledGoAndRefusesANewerGoLineInGosWords() throws Exception {
        assertTrue(decide("local", "go 1.26.0\n").ok());
        assertTrue(decide("local", "go 1.26\n").ok(), "a language version is satisfied by any of its releases");
        ToolchainSelection.Decision d = decide("local", "go 1.27.0\n");
        assertEquals(Optional.of("go.mod requires go >= 1.27.0 (running go 1.26.8; GOTOOLCHAIN=local)"), d.refused());
        assertEquals(3, d.requirement().orElseThrow().line());
        assertTrue(decide(null, "go 1.27.0\n").refused().isPresent(), "unset means local here");
    }

    @Test
    void theToolchainLineIsARequirementToo() throws Exception {
        ToolchainSelection.Decision d = decide("local", "go 1.25.0\n\ntoolchain go1.26.9\n");
        assertEquals(Optional.of("go.mod's toolchain line asks for go1.26.9 (running go 1.26.8; GOTOOLCHAIN=local)"), d.refused());
        assertEquals("toolchain go1.26.9", d.requirement().orElseThrow().toString());
        assertEquals(5, d.requirement().orElseThrow().line());
        assertTrue(decide("local", "go 1.25.0\n\ntoolchain go1.26.8\n").ok());
        assertTrue(decide("local", "go 1.25.0\n\ntoolchain default\n").ok());
    }

    @Test
    void autoSwitchesUpAndNamedToolchainsRunExactly() throws Exception {
        ToolchainSelection.Decision d = decide("auto", "go 1.25.0\n\ntoolchain go1.27.1\n");
        assertTrue(d.ok());
        assertEquals(Optional.of("go1.27.1"), d.switchTo());
        assertTrue(decide("auto", "go 1.25.0\n").switchTo().isEmpty(), "the installed go is new enough: no switch");

        d = decide("go1.24.13", "go 1.25.0\n");
        assertEquals(Optional.of("go.mod requires go >= 1.25.0 (running go 1.24.13; GOTOOLCHAIN=go1.24.13)"), d.refused());
        d = decide("go1.25.14", "go 1.25.0\n");
        assertTrue(d.ok());
        assertEquals(Optional.of("go1.25.14"), d.switchTo());
        assertEquals(Optional.of("go1.27.0"), decide("go1.25.14+auto", "go 1.27.0\n").switchTo());
    }

    @Test
    void pathSwitchesOnlyToAGoOnThePath() throws Exception {
        assertTrue(decide("path", "go 1.27.0\n").refused().orElseThrow().contains("there is no go1.27.0 on the PATH"));
        assertEquals(Optional.of("go1.27.0"), decide("local+path", "go 1.27.0\n", "go1.27.0").switchTo());
        assertTrue(decide("path", "go 1.27\n").refused().orElseThrow().contains("no go1.27.0 on the PATH"));
    }

    @Test
    void goBefore121NeverSwitches() throws Exception {
        GoVersion go119 = GoVersion.parse("1.19.8").orElseThrow();
        ToolchainSelection.Decision d = ToolchainSelection.decide(go119, "auto", goMod("go 1.21.0\n"), n -> true);
        assertTrue(d.refused().orElseThrow().contains("Go 1.19.8 predates toolchain switching (Go 1.21)"), d.refused().get());
        assertTrue(ToolchainSelection.decide(go119, "auto", goMod("go 1.19\n"), n -> true).ok());
    }

    @Test
    void nonsenseIsNamed() throws Exception {
        assertTrue(decide("latest", "go 1.22\n").refused().orElseThrow().startsWith("invalid GOTOOLCHAIN \"latest\""));
        assertTrue(decide("go1.22+sometimes", "go 1.22\n").refused().isPresent());
    }
}
