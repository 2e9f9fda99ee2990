package dev.gomod.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class VendoredBytesTest {
    @TempDir
    Path dir;

    private void file(String rel, int bytes) throws Exception {
        Path f = dir.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.write(f, new byte[bytes]);
    }

    @Test
    void eachFileIsTheModuleWhosePathIsTheLongestPrefixOfItsDirectory() throws Exception {
        Files.createDirectories(dir.resolve("vendor"));
        Files.writeString(dir.resolve("vendor/modules.txt"), """
                # example.com/x v1.0.0
                ## explicit; go 1.21
                example.com/x
                example.com/x/sub
                # example.com/x/v2 v2.1.0
                ## explicit; go 1.21
                example.com/x/v2
                # example.com/xy v0.1.0
                ## explicit
                example.com/xy
                # example.com/unused v1.0.0
                ## explicit
                """);
        file("vendor/example.com/x/LICENSE", 100);
        file("vendor/example.com/x/x.go", 10);
        file("vendor/example.com/x/sub/sub.go", 20);
        file("vendor/example.com/x/v2/x.go", 7);
        file("vendor/example.com/xy/xy.go", 3);
        VendoredBytes v = VendoredBytes.measure(dir.resolve("vendor"));
        assertEquals(new VendoredBytes.Size(3, 130), v.byModule().get("example.com/x"));
        assertEquals(new VendoredBytes.Size(1, 7), v.byModule().get("example.com/x/v2"));
        assertEquals(new VendoredBytes.Size(1, 3), v.byModule().get("example.com/xy"));
        assertEquals(3, v.byModule().size(), "no packages, no entry; modules.txt itself is no module's");
        assertEquals(new VendoredBytes.Size(5, 140), v.total());
    }

    @Test
    void noVendorTreeIsNone() throws Exception {
        assertSame(VendoredBytes.NONE, VendoredBytes.measure(dir.resolve("vendor")));
    }
}
