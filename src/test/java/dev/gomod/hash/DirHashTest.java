package dev.gomod.hash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirHashTest {
    record Mem(String name, byte[] data) implements DirHash.Source {
        @Override
        public InputStream open() {
            return new ByteArrayInputStream(data);
        }
    }

    @Test
    void emptyGoModHasGosKnownHash() {
        assertEquals("h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=", DirHash.hashGoMod(new byte[0]));
    }

    @Test
    void isSha256OfTheSummaryLines() throws IOException {
        byte[] a = "hello\n".getBytes(StandardCharsets.UTF_8);
        String lines = Sha256.hex(a) + "  m@v1/a.txt\n" + Sha256.hex(new byte[0]) + "  m@v1/b.txt\n";
        String expected = "h1:" + Base64.getEncoder().encodeToString(Sha256.newDigest().digest(lines.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, DirHash.hash(List.of(new Mem("m@v1/b.txt", new byte[0]), new Mem("m@v1/a.txt", a))));
    }

    @Test
    void unitByUnitOrderAgreesWithUtf8BytesOnMixedNames() {
        // ASCII, the units just below and above the surrogates, and supplementary code points, mixed
        String[] pieces = {"a", "b", "/", "\uD7FF", "\uE000", "\uFF76", "\uFFFF", "\uD835\uDD18", "\uD83D\uDE00", "\uDBFF\uDFFF", "\u00E9"};
        java.util.Random r = new java.util.Random(7);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            StringBuilder n = new StringBuilder();
            for (int k = r.nextInt(4); k >= 0; k--) {
                n.append(pieces[r.nextInt(pieces.length)]);
            }
            names.add(n.toString());
        }
        for (int i = 0; i + 1 < names.size(); i++) {
            String a = names.get(i);
            String b = names.get(i + 1);
            int bytes = java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
            assertEquals(Integer.signum(bytes), Integer.signum(DirHash.UTF8_ORDER.compare(a, b)), a + " vs " + b);
        }
    }

    @Test
    void ordersNamesByUtf8BytesNotUtf16() throws IOException {
        // U+FF76 is EF BD B6 in UTF-8 but sorts after the surrogate pair of U+1D518 in UTF-16.
        String halfwidth = "m@v1/\uFF76.txt";
        String fraktur = "m@v1/\uD835\uDD18.txt";
        assertTrue(halfwidth.compareTo(fraktur) > 0, "Java's own order would put the fraktur letter first");
        assertTrue(DirHash.UTF8_ORDER.compare(halfwidth, fraktur) < 0);
        byte[] x = {1};
        byte[] y = {2};
        String h = DirHash.hash(List.of(new Mem(fraktur, y), new Mem(halfwidth, x)));
        String lines = HexFormat.of().formatHex(Sha256.newDigest().digest(x)) + "  " + halfwidth + "\n"
                + HexFormat.of().formatHex(Sha256.newDigest().digest(y)) + "  " + fraktur + "\n";
        assertEquals("h1:" + Base64.getEncoder().encodeToString(Sha256.newDigest().digest(lines.getBytes(StandardCharsets.UTF_8))), h);
    }

    @Test
    void refusesNewlinesInNames() {
        assertThrows(IOException.class, () -> DirHash.hash(List.of(new Mem("a\nb", new byte[0]))));
    }

    @Test
    void dirZipAndListAgree(@TempDir Path tmp) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < 150; i++) {
            files.put("d" + (i % 7) + "/f" + i + ".go", ("package d\n// " + i + "\n").getBytes(StandardCharsets.UTF_8));
        }
        files.put("ünï/𝔘.txt", "x".getBytes(StandardCharsets.UTF_8));
        Path dir = tmp.resolve("tree");
        Path zip = tmp.resolve("m.zip");
        List<DirHash.Source> mem = new ArrayList<>();
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip), StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Path f = dir.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.write(f, e.getValue());
                z.putNextEntry(new ZipEntry("example.com/m@v1.0.0/" + e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
                mem.add(new Mem("example.com/m@v1.0.0/" + e.getKey(), e.getValue()));
            }
        }
        String expected = DirHash.hash(mem);
        assertEquals(expected, DirHash.hashDir(dir, "example.com/m@v1.0.0"));
        assertEquals(expected, DirHash.hashZip(zip));
        assertEquals(expected, DirHash.hashParallel(DirHash.listDir(dir, "example.com/m@v1.0.0"), 4));
        Files.writeString(dir.resolve("d0/f0.go"), "changed");
        assertNotEquals(expected, DirHash.hashDir(dir, "example.com/m@v1.0.0"));
    }

    @Test
    void zipDirectoryEntriesHashAsEmptyFiles(@TempDir Path tmp) throws IOException {
        Path zip = tmp.resolve("d.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip), StandardCharsets.UTF_8)) {
            z.putNextEntry(new ZipEntry("m@v1/d/"));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("m@v1/d/a"));
            z.write('a');
            z.closeEntry();
        }
        assertEquals(DirHash.hash(List.of(new Mem("m@v1/d/", new byte[0]), new Mem("m@v1/d/a", new byte[] {'a'}))), DirHash.hashZip(zip));
    }

    @Test
    void refusesSymlinks(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("real"), "x");
        Path d = Files.createDirectories(tmp.resolve("d"));
        Files.createSymbolicLink(d.resolve("link"), tmp.resolve("real"));
        IOException e = assertThrows(IOException.class, () -> DirHash.hashDir(d, "vendor"));
        assertTrue(e.getMessage().contains("link"), e.getMessage());
    }
}
