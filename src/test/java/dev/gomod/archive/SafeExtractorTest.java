package dev.gomod.archive;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Crafted archives against the extractor: each is refused with its entry named, and nothing lands outside. */
class SafeExtractorTest {
    @TempDir
    Path tmp;

    private final SafeExtractor vendorLayout = new SafeExtractor(SafeExtractor.Limits.DEFAULT,
            n -> n.startsWith("vendor/") || List.of("go.mod", "go.sum", "gomod.lock", "gomod-manifest.txt").contains(n));

    interface TarBody {
        void write(TarArchiveOutputStream tar) throws IOException;
    }

    private Path tar(TarBody body) throws IOException {
        Path p = Files.createTempFile(tmp, "crafted", ".tar.gz");
        try (OutputStream o = Files.newOutputStream(p); GzipCompressorOutputStream gz = new GzipCompressorOutputStream(o);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            body.write(tar);
        }
        return p;
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name, true);
        e.setSize(content.length);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static void special(TarArchiveOutputStream tar, String name, byte kind, String link) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name, kind, true);
        if (link != null) {
            e.setLinkName(link);
        }
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
    }

    private UnsafeArchiveException refused(Path archive, ReproducibleArchive.Format f, String entryPart) throws IOException {
        List<Path> before = listing(tmp);
        Path dest = tmp.resolve("x-" + System.nanoTime());
        UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class, () -> vendorLayout.extract(archive, f, dest));
        assertTrue(e.getMessage().contains(entryPart), e.getMessage());
        List<Path> after = listing(tmp);
        after.removeIf(p -> p.startsWith(dest));
        assertEquals(before, after, "something was written outside the extraction directory");
        assertFalse(Files.exists(tmp.getParent().resolve("evil")));
        return e;
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return new java.util.ArrayList<>(s.sorted().toList());
        }
    }

    private static final byte[] X = "x".getBytes(StandardCharsets.UTF_8);

    @Test
    void pathTraversalAndAbsolutePaths() throws Exception {
        refused(tar(t -> file(t, "vendor/../../evil", X)), ReproducibleArchive.Format.TAR_GZ, "'vendor/../../evil' refused: path element '..'");
        refused(tar(t -> file(t, "/tmp/evil", X)), ReproducibleArchive.Format.TAR_GZ, "absolute");
        refused(tar(t -> file(t, "vendor//a", X)), ReproducibleArchive.Format.TAR_GZ, "path element ''");
        refused(tar(t -> file(t, "vendor\\..\\evil", X)), ReproducibleArchive.Format.TAR_GZ, "malformed");
    }

    @Test
    void linksDevicesAndFifos() throws Exception {
        refused(tar(t -> special(t, "vendor/link", TarConstants.LF_SYMLINK, "../../evil")), ReproducibleArchive.Format.TAR_GZ, "symbolic link (to ../../evil)");
        refused(tar(t -> {
            file(t, "vendor/a", X);
            special(t, "vendor/b", TarConstants.LF_LINK, "vendor/a");
        }), ReproducibleArchive.Format.TAR_GZ, "'vendor/b' refused: hard link");
        refused(tar(t -> special(t, "vendor/dev", TarConstants.LF_CHR, null)), ReproducibleArchive.Format.TAR_GZ, "device or FIFO");
        refused(tar(t -> special(t, "vendor/fifo", TarConstants.LF_FIFO, null)), ReproducibleArchive.Format.TAR_GZ, "device or FIFO");
    }

    @Test
    void symlinkThenFileThroughIt() throws Exception {
        // the classic: a link to outside, then a file "inside" the link
        refused(tar(t -> {
            special(t, "vendor/out", TarConstants.LF_SYMLINK, "/tmp");
            file(t, "vendor/out/evil", X);
        }), ReproducibleArchive.Format.TAR_GZ, "'vendor/out' refused: symbolic link");
    }

    @Test
    void duplicatesCaseCollisionsAndForeignEntries() throws Exception {
        refused(tar(t -> {
            file(t, "vendor/a.go", X);
            file(t, "vendor/a.go", "y".getBytes(StandardCharsets.UTF_8));
        }), ReproducibleArchive.Format.TAR_GZ, "duplicate entry");
        refused(tar(t -> {
            file(t, "vendor/Readme", X);
            file(t, "vendor/README", X);
        }), ReproducibleArchive.Format.TAR_GZ, "differs from 'vendor/Readme' only in case");
        refused(tar(t -> file(t, "etc/passwd", X)), ReproducibleArchive.Format.TAR_GZ, "'etc/passwd' refused: not part of the bundle layout");
    }

    @Test
    void bombsAndTooManyEntries() throws Exception {
        byte[] zeros = new byte[64 << 20];
        UnsafeArchiveException e = refused(tar(t -> file(t, "vendor/zeros", zeros)), ReproducibleArchive.Format.TAR_GZ, "'vendor/zeros'");
        assertTrue(e.getMessage().contains("more than 200 times its size"), e.getMessage());
        Path many = tar(t -> {
            for (int i = 0; i < 20; i++) {
                file(t, "vendor/f" + i, X);
            }
        });
        SafeExtractor strict = new SafeExtractor(new SafeExtractor.Limits(1 << 20, 10, 200), n -> true);
        UnsafeArchiveException e2 = assertThrows(UnsafeArchiveException.class, () -> strict.extract(many, ReproducibleArchive.Format.TAR_GZ, tmp.resolve("m")));
        assertTrue(e2.getMessage().contains("more than 10 entries"), e2.getMessage());
        byte[] big = new byte[3 << 20];
        new java.util.Random(1).nextBytes(big);
        Path large = tar(t -> file(t, "vendor/big", big));
        UnsafeArchiveException e3 = assertThrows(UnsafeArchiveException.class, () -> strict.extract(large, ReproducibleArchive.Format.TAR_GZ, tmp.resolve("l")));
        assertTrue(e3.getMessage().contains("inflates past 1048576 bytes"), e3.getMessage());
    }

    @Test
    void zipTraversalAndSymlinks() throws Exception {
        Path zip = tmp.resolve("crafted.zip");
        writeZip(zip, z -> entry(z, "vendor/../../evil", 0100644));
        refused(zip, ReproducibleArchive.Format.ZIP, "path element '..'");
        Path link = tmp.resolve("link.zip");
        writeZip(link, z -> entry(z, "vendor/link", 0120777));
        refused(link, ReproducibleArchive.Format.ZIP, "symbolic link");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(ReproducibleArchive.Format.class)
    void extractsWhatOurWriterMakes(ReproducibleArchive.Format format) throws Exception {
        Path src = tmp.resolve("src." + format.extension());
        ReproducibleArchive.write(src, format, List.of(
                ArchiveEntry.ofBytes("go.mod", "module m\n".getBytes(StandardCharsets.UTF_8)),
                new ArchiveEntry("vendor/tool.sh", true, 2, () -> new java.io.ByteArrayInputStream("hi".getBytes(StandardCharsets.UTF_8))),
                ArchiveEntry.ofBytes("vendor/a/b/c.go", "package c\n".getBytes(StandardCharsets.UTF_8))), Instant.EPOCH);
        SafeExtractor.Result r = vendorLayout.extract(src, format, tmp.resolve("ok"));
        assertEquals(3, r.files());
        assertEquals("package c\n", Files.readString(tmp.resolve("ok/vendor/a/b/c.go")));
        assertTrue(Files.isExecutable(tmp.resolve("ok/vendor/tool.sh")));
        assertThrows(IOException.class, () -> vendorLayout.extract(src, format, tmp.resolve("ok")), "the destination must be new");
    }

    /**
     * A download cut short or damaged: refused as the archive's fault, naming it and the entry it broke
     * in, never a bare EOFException (found by ParserFuzzTest#bundleTarGz). Every cut of a real bundle,
     * both formats.
     */
    @Test
    void truncatedAndCorruptArchivesAreRefusedByName() throws Exception {
        for (ReproducibleArchive.Format format : ReproducibleArchive.Format.values()) {
            Path whole = tmp.resolve("whole." + format.extension());
            ReproducibleArchive.write(whole, format, List.of(
                    ArchiveEntry.ofBytes("go.mod", "module m\n".getBytes(StandardCharsets.UTF_8)),
                    ArchiveEntry.ofBytes("vendor/a/a.go", "package a\n\n// A is long enough to be cut in the middle.\nconst A = 1\n".repeat(50)
                            .getBytes(StandardCharsets.UTF_8))), Instant.EPOCH);
            byte[] bytes = Files.readAllBytes(whole);
            int refused = 0;
            for (int cut = 1; cut < bytes.length; cut += Math.max(1, bytes.length / 40)) {
                Path part = tmp.resolve("cut-" + cut + "." + format.extension());
                Files.write(part, java.util.Arrays.copyOf(bytes, cut));
                Path dest = tmp.resolve("out-" + format + "-" + cut);
                UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class, () -> vendorLayout.extract(part, format, dest),
                        format + " cut at " + cut);
                assertTrue(e.getMessage().startsWith(part.getFileName() + ": "), e.getMessage());
                refused++;
            }
            assertTrue(refused >= 20);
        }
        Path fuzzed = Path.of(SafeExtractorTest.class.getResource(
                "/dev/gomod/fuzz/ParserFuzzTestInputs/bundleTarGz/crash-a1e528b8786ddb9fcf6f82a3519ff04d44f115d6").toURI());
        Path copy = Files.copy(fuzzed, tmp.resolve("fuzzed.tar.gz"));
        UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class, () -> vendorLayout.extract(copy, ReproducibleArchive.Format.TAR_GZ,
                tmp.resolve("fuzzed-out")));
        assertEquals("fuzzed.tar.gz: refused: corrupt or truncated archive (it ends before its data does)", e.getMessage());
    }

    private interface ZipBody {
        void write(ZipArchiveOutputStream z) throws IOException;
    }

    private static void writeZip(Path p, ZipBody body) throws IOException {
        try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(p)) {
            body.write(z);
        }
    }

    private static void entry(ZipArchiveOutputStream z, String name, int mode) throws IOException {
        ZipArchiveEntry e = new ZipArchiveEntry(name);
        e.setUnixMode(mode);
        z.putArchiveEntry(e);
        z.write(X);
        z.closeArchiveEntry();
    }

}
