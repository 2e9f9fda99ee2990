package dev.gomod.mod;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModulesTxtTest {
    private static ModulesTxt parse(String s) {
        return ModulesTxt.parse(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsGo117Form() {
        ModulesTxt t = parse("""
                # example.com/a v1.0.0
                ## explicit; go 1.17
                example.com/a
                example.com/a/sub
                # example.com/b v1.1.0 => example.com/c v1.0.0
                ## explicit; go 1.16
                example.com/b
                # example.com/d v0.2.0
                ## go 1.12
                example.com/d
                # example.com/local v0.0.0 => ./local
                ## explicit; go 1.17
                example.com/local
                # example.com/nopkgs v1.0.0
                ## explicit
                # example.com/wild => ../wild
                """);
        assertFalse(t.workspace());
        assertEquals(6, t.modules().size());
        ModulesTxt.Module a = t.modules().get(0);
        assertEquals(new ModuleVersion("example.com/a", "v1.0.0"), a.module());
        assertTrue(a.explicit());
        assertEquals("1.17", a.goVersion().orElseThrow());
        assertEquals(List.of("example.com/a", "example.com/a/sub"), a.packages());
        assertEquals(1, a.line());
        assertEquals(new ModuleVersion("example.com/c", "v1.0.0"), t.modules().get(1).replacement().orElseThrow());
        assertFalse(t.modules().get(2).explicit());
        assertEquals("1.12", t.modules().get(2).goVersion().orElseThrow());
        assertEquals(new ModuleVersion("./local", ""), t.modules().get(3).replacement().orElseThrow());
        assertTrue(t.modules().get(4).packages().isEmpty());
        assertTrue(t.modules().get(4).explicit());
        ModulesTxt.Module wild = t.modules().get(5);
        assertEquals(new ModuleVersion("example.com/wild", ""), wild.module());
        assertEquals(new ModuleVersion("../wild", ""), wild.replacement().orElseThrow());
        assertEquals(4, t.withPackages().size());
        assertEquals(5, t.packageCount());
        assertEquals("v0.2.0", t.vendoredVersion("example.com/d").orElseThrow());
    }

    @Test
    void readsGo114FormAndOlder() {
        ModulesTxt t = parse("# example.com/a v1.0.0\n## explicit\nexample.com/a\n# example.com/old v1.0.0\nexample.com/old\n");
        assertTrue(t.modules().get(0).explicit());
        assertTrue(t.modules().get(0).goVersion().isEmpty());
        assertFalse(t.modules().get(1).explicit());
    }

    @Test
    void unionsMetadataAndSkipsWhatItDoesNotKnow() {
        ModulesTxt t = parse("## workspace\n# example.com/a v1.0.0\n## go 1.21\n## explicit; future-thing\nexample.com/a\n# junk\nnot a package line\n# example.com/b notaversion\nexample.com/b\n");
        assertTrue(t.workspace());
        assertEquals(1, t.modules().size());
        assertTrue(t.modules().get(0).explicit());
        assertEquals("1.21", t.modules().get(0).goVersion().orElseThrow());
        assertEquals(List.of("example.com/a"), t.modules().get(0).packages());
    }
}
