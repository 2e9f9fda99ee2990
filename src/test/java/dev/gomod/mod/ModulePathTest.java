package dev.gomod.mod;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ModulePathTest {
    @Test
    void escapesUpperCase() {
        assertEquals("github.com/!azure/azure-sdk-for-go", ModulePath.escape("github.com/Azure/azure-sdk-for-go"));
        assertEquals("github.com/!burnt!sushi/toml", ModulePath.escape("github.com/BurntSushi/toml"));
        assertEquals("v1.0.0-!r!c1", ModulePath.escapeVersion("v1.0.0-RC1"));
        assertEquals("github.com/BurntSushi/toml", ModulePath.unescape("github.com/!burnt!sushi/toml"));
        assertEquals("v1.0.0-RC1", ModulePath.unescapeVersion("v1.0.0-!r!c1"));
    }

    @Test
    void rejectsMalformedEscapes() {
        assertNull(ModulePath.unescape("github.com/Azure/x"));
        assertNull(ModulePath.unescape("github.com/!Azure/x"));
        assertNull(ModulePath.unescape("github.com/azure!"));
        assertNull(ModulePath.unescape("github.com/!1x"));
        assertThrows(IllegalArgumentException.class, () -> ModulePath.escape("github.com/a!b"));
    }

    @Test
    void checksModulePaths() {
        assertNull(ModulePath.checkPath("example.com/a/b"));
        assertNull(ModulePath.checkPath("example.com/a/v2"));
        assertNull(ModulePath.checkPath("gopkg.in/yaml.v3"));
        assertNotNull(ModulePath.checkPath("example/a"), "no dot in the first element");
        assertNotNull(ModulePath.checkPath("Example.com/a"), "upper case in the first element");
        assertNotNull(ModulePath.checkPath("example.com/a/v1"));
        assertNotNull(ModulePath.checkPath("example.com/a/v02"));
        assertNotNull(ModulePath.checkPath("example.com//a"));
        assertNotNull(ModulePath.checkPath("example.com/a/"));
        assertNotNull(ModulePath.checkPath("example.com/.a"));
        assertNotNull(ModulePath.checkPath("example.com/a./b"));
        assertNotNull(ModulePath.checkPath("example.com/con/b"), "Windows reserved name");
        assertNotNull(ModulePath.checkPath("example.com/abc~1"), "Windows short name");
        assertNotNull(ModulePath.checkPath("example.com/ä"));
        assertNotNull(ModulePath.checkPath("-example.com/a"));
    }

    @Test
    void checksFilePaths() {
        assertNull(ModulePath.checkFilePath("a/b c/ünï/𝔘.txt"));
        assertNull(ModulePath.checkFilePath("x/[a]{b}@c=d.txt"));
        assertNotNull(ModulePath.checkFilePath("a/😀.txt"), "emoji are not letters");
        assertNotNull(ModulePath.checkFilePath("a/aux.txt"));
        assertNotNull(ModulePath.checkFilePath("a/../b"));
        assertNotNull(ModulePath.checkFilePath("a/b."));
        assertNotNull(ModulePath.checkFilePath("a:b"));
        assertNull(ModulePath.checkImportPath("example.com/a/b+c"));
        assertNotNull(ModulePath.checkImportPath("example.com/a b"));
    }
}
