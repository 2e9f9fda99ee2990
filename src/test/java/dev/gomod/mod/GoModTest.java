package dev.gomod.mod;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoModTest {
    private static GoMod strict(String text) throws FormatException {
        return GoMod.parse("go.mod", text.getBytes(StandardCharsets.UTF_8), true);
    }

    private static FormatException error(String text) {
        return assertThrows(FormatException.class, () -> strict(text));
    }

    @Test
    void readsEveryDirectiveCurrentGoWrites() throws Exception {
        GoMod m = strict("""
                // Deprecated: use example.com/other.
                module "example.com/svc"

                go 1.23.0

                toolchain go1.23.4

                godebug (
                	default=go1.21
                	panicnil=1
                )

                require (
                	github.com/Azure/go-autorest v14.2.0+incompatible
                	"golang.org/x/text" v0.14.0 // indirect
                	example.com/pseudo v0.0.0-20240101000000-abcdef123456 // indirect; for tests
                )

                require example.com/single v1.2.3

                exclude example.com/bad v1.0.0

                replace (
                	example.com/fork v1.0.0 => example.com/fork2 v1.0.1
                	example.com/all => ../all
                	example.com/win => C:\\src\\win
                )

                retract (
                	v1.0.1 // published by mistake
                	[v1.1.0, v1.1.5]
                )

                tool golang.org/x/tools/cmd/stringer

                ignore ./node_modules
                """);
        assertEquals("example.com/svc", m.modulePath());
        assertEquals("1.23.0", m.goVersion().orElseThrow());
        assertEquals("go1.23.4", m.toolchain().orElseThrow());
        assertEquals(List.of(new GoMod.Godebug("default", "go1.21", 9), new GoMod.Godebug("panicnil", "1", 10)), m.godebugs());
        assertEquals(4, m.requires().size());
        assertEquals(new ModuleVersion("github.com/Azure/go-autorest", "v14.2.0+incompatible"), m.requires().get(0).module());
        assertFalse(m.requires().get(0).indirect());
        assertTrue(m.requires().get(1).indirect());
        assertEquals("golang.org/x/text", m.requires().get(1).module().path());
        assertTrue(m.requires().get(2).indirect());
        assertEquals(19, m.requires().get(3).line());
        assertEquals(List.of(new ModuleVersion("example.com/bad", "v1.0.0")), m.excludes());
        assertEquals(3, m.replaces().size());
        assertFalse(m.replaces().get(0).isDirectory());
        assertEquals(new ModuleVersion("example.com/fork2", "v1.0.1"), m.replaces().get(0).replacement());
        assertTrue(m.replaces().get(1).isDirectory());
        assertEquals(new ModuleVersion("example.com/all", ""), m.replaces().get(1).old());
        assertEquals("C:\\src\\win", m.replaces().get(2).replacement().path());
        assertEquals(new GoMod.Retract("v1.0.1", "v1.0.1", "published by mistake", 30), m.retracts().get(0));
        assertEquals(new GoMod.Retract("v1.1.0", "v1.1.5", "", 31), m.retracts().get(1));
        assertEquals(List.of("golang.org/x/tools/cmd/stringer"), m.tools());
        assertEquals(List.of("./node_modules"), m.ignores());
        assertTrue(m.goAtLeast(GoReleases.STRICT));
        assertFalse(m.goAtLeast(GoReleases.REQUIRE_AT_MOST_TWO));
    }

    @Test
    void readsGo119Files() throws Exception {
        GoMod m = strict("module example.com/m\n\ngo 1.19\n\nrequire example.com/a v1.0.0\n");
        assertTrue(m.goAtLeast(GoReleases.EXPLICIT_INDIRECT));
        assertFalse(m.goAtLeast(GoReleases.STRICT));
        GoMod old = strict("module example.com/m\n");
        assertFalse(old.goAtLeast(GoReleases.VENDOR_ANNOTATIONS));
        assertTrue(old.goVersion().isEmpty());
    }

    @Test
    void replacementLookupPrefersExactVersion() throws Exception {
        GoMod m = strict("module example.com/m\nreplace example.com/a => ./a\nreplace example.com/a v1.0.0 => example.com/b v1.0.0\n");
        assertEquals("example.com/b", m.replacementFor(new ModuleVersion("example.com/a", "v1.0.0")).orElseThrow().replacement().path());
        assertEquals("./a", m.replacementFor(new ModuleVersion("example.com/a", "v2.0.0")).orElseThrow().replacement().path());
        assertTrue(m.replacementFor(new ModuleVersion("example.com/c", "v1.0.0")).isEmpty());
    }

    @Test
    void errorsNameTheLine() {
        FormatException e = error("module example.com/m\n\ngo 1.19\n\nrequire example.com/a 1.0.0\n");
        assertEquals(5, e.line());
        assertEquals("go.mod", e.file());
        assertTrue(e.getMessage().startsWith("go.mod:5: "), e.getMessage());
        assertTrue(e.getMessage().contains("must be of the form v1.2.3"), e.getMessage());

        assertEquals(3, error("module example.com/m\n\nfrobnicate x\n").line());
        assertEquals(2, error("module example.com/m\nmodule example.com/n\n").line());
        assertEquals(3, error("module example.com/m\ngo 1.19\ngo 1.20\n").line());
        assertEquals(3, error("module example.com/m\n\nrequire (\n\texample.com/a v1.0.0\n").line());
        assertEquals(2, error("module example.com/m\ngo 1.19.0.1\n").line());
        assertEquals(2, error("module example.com/m\nrequire example.com/a/v2 v1.0.0\n").line());
        assertEquals(2, error("module example.com/m\nreplace example.com/a => example.com/b\n").line());
        assertEquals(2, error("module example.com/m\nreplace example.com/a => ./b v1.0.0\n").line());
        assertEquals(2, error("module example.com/m\nrequire example.com/a v1.0.0 /* no */\n").line());
        assertEquals(2, error("module example.com/m\nrequire \"example.com/a v1.0.0\n").line());
        assertEquals(0, error("go 1.19\n").line());
        assertEquals(2, error("module example.com/m\nretract [v1.2.0, v1.1.0]\n").line());
    }

    @Test
    void lenientParseIgnoresWhatDependenciesMayHold() throws Exception {
        GoMod m = GoMod.parse("dep/go.mod", """
                module example.com/dep
                go 1.99
                toolchain go1.99.1
                futuredirective something
                replace example.com/x => ./x
                require example.com/a v1.0.0
                """.getBytes(StandardCharsets.UTF_8), false);
        assertEquals("example.com/dep", m.modulePath());
        assertTrue(m.replaces().isEmpty(), "replace only applies in the main module");
        assertTrue(m.toolchain().isEmpty());
        assertEquals(1, m.requires().size());
    }

    @Test
    void acceptsEmptyBlocksAndCrLf() throws Exception {
        GoMod m = strict("module example.com/m\r\n\r\nrequire ()\r\nrequire (\r\n)\r\n");
        assertTrue(m.requires().isEmpty());
    }
}
