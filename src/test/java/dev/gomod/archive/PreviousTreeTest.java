package dev.gomod.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Extraction over a previous tree: a file the archive holds byte for byte is linked, not written;
 * anything else (other bytes of the same size and mtime, another mode, a file shared by another
 * link, a link, a file behind a linked directory, a file too large to hold) is written from the
 * archive, and the previous tree is left as it was.
 */
class PreviousTreeTest {
    private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path tmp;

    private final Map<String, byte[]> files = new LinkedHashMap<>();

    private Path archive(ReproducibleArchive.Format format) throws IOException {
        java.util.List<ArchiveEntry> entries = new java.util.ArrayList<>();
        files.forEach((name, content) -> entries.add(new ArchiveEntry(name, name.endsWith(".sh"), content.length,
                () -> new java.io.ByteArrayInputStream(content))));
        Path out = tmp.resolve("bundle-" + format + (format == ReproducibleArchive.Format.ZIP ? ".zip" : ".tar.gz"));
        ReproducibleArchive.write(out, format, entries, TIME);
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The previous tree: what a fresh extraction of the same files would be, as an agent keeps it. */
    private Path previous() throws IOException {
        Path vendor = tmp.resolve("ws/vendor");
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path p = vendor.resolve(f.getKey().substring("vendor/".length()));
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
            if (f.getKey().endsWith(".sh")) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        return vendor;
    }

    private SafeExtractor.Result extract(Path archive, ReproducibleArchive.Format format, Path vendor, Path dest) throws Exception {
        return new SafeExtractor(SafeExtractor.Limits.DEFAULT, n -> n.startsWith("vendor/"), new PreviousTree(vendor, "vendor/"))
                .extract(archive, format, dest);
    }

    private static Object inode(Path p) throws IOException {
        return Files.getAttribute(p, "unix:ino", LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void identicalFilesAreLinkedAndOthersWrittenFromTheArchive() throws Exception {
        Random r = new Random(3);
        for (int i = 0; i < 20; i++) {
            byte[] b = new byte[100 + r.nextInt(5000)];
            r.nextBytes(b);
            files.put("vendor/example.com/m" + (i % 4) + "/f" + i + ".go", b);
        }
        files.put("vendor/example.com/m0/run.sh", bytes("#!/bin/sh\necho hi\n"));
        files.put("vendor/modules.txt", bytes("# example.com/m0 v1.0.0\n"));
        for (ReproducibleArchive.Format format : ReproducibleArchive.Format.values()) {
            Path vendor = previous();
            Path archive = archive(format);

            // tampered to other bytes of the same size and the same mtime: found by its bytes
            Path tampered = vendor.resolve("example.com/m1/f1.go");
            FileTime mtime = Files.getLastModifiedTime(tampered);
            byte[] other = files.get("vendor/example.com/m1/f1.go").clone();
            other[other.length / 2] ^= 1;
            Files.write(tampered, other);
            Files.setLastModifiedTime(tampered, mtime);
            // an executable entry whose previous copy lost its exec bit, and a plain one that gained it
            Files.setPosixFilePermissions(vendor.resolve("example.com/m0/run.sh"), PosixFilePermissions.fromString("rw-r--r--"));
            Files.setPosixFilePermissions(vendor.resolve("example.com/m2/f2.go"), PosixFilePermissions.fromString("rwxr-xr-x"));
            // shared with a file outside the tree
            Files.createLink(tmp.resolve("outside-" + format), vendor.resolve("example.com/m3/f3.go"));
            // a link where a file was
            Path linked = vendor.resolve("example.com/m0/f4.go");
            Files.move(linked, tmp.resolve("f4-target-" + format));
            Files.createSymbolicLink(linked, tmp.resolve("f4-target-" + format));

            Path dest = tmp.resolve("dest-" + format);
            SafeExtractor.Result result = extract(archive, format, vendor, dest);

            assertEquals(files.size(), result.files());
            assertEquals(files.size() - 5, result.linked().size(), format + ": all but the five that differ");
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path got = dest.resolve(f.getKey());
                assertTrue(Files.isRegularFile(got, LinkOption.NOFOLLOW_LINKS), got.toString());
                assertArrayEquals(f.getValue(), Files.readAllBytes(got), f.getKey());
                assertEquals(f.getKey().endsWith(".sh"), Files.isExecutable(got), f.getKey());
            }
            assertEquals(inode(vendor.resolve("example.com/m2/f6.go")), inode(dest.resolve("vendor/example.com/m2/f6.go")), "linked");
            for (String written : new String[] {"m1/f1.go", "m0/run.sh", "m2/f2.go", "m3/f3.go"}) {
                assertFalse(inode(vendor.resolve("example.com/" + written)).equals(inode(dest.resolve("vendor/example.com/" + written))), written);
            }
            // the previous tree is as it was
            assertArrayEquals(other, Files.readAllBytes(tampered));
            assertFalse(Files.isExecutable(vendor.resolve("example.com/m0/run.sh")));
            assertTrue(Files.isSymbolicLink(linked));
            deleteTree(tmp.resolve("ws"));
        }
    }

    @Test
    void aFileBehindALinkedDirectoryIsNotShared() throws Exception {
        files.put("vendor/example.com/m/a.go", bytes("package m\n"));
        files.put("vendor/modules.txt", bytes("# example.com/m v1.0.0\n"));
        Path archive = archive(ReproducibleArchive.Format.TAR_GZ);
        Path elsewhere = tmp.resolve("elsewhere/m");
        Files.createDirectories(elsewhere);
        Files.writeString(elsewhere.resolve("a.go"), "package m\n");
        Path vendor = tmp.resolve("ws/vendor");
        Files.createDirectories(vendor.resolve("example.com"));
        Files.writeString(vendor.resolve("modules.txt"), "# example.com/m v1.0.0\n");
        Files.createSymbolicLink(vendor.resolve("example.com/m"), elsewhere);

        SafeExtractor.Result result = extract(archive, ReproducibleArchive.Format.TAR_GZ, vendor, tmp.resolve("dest"));
        assertEquals(1, result.linked().size(), "modules.txt only");
        assertFalse(inode(elsewhere.resolve("a.go")).equals(inode(tmp.resolve("dest/vendor/example.com/m/a.go"))));
    }

    @Test
    void aFileTooLargeToHoldIsWrittenAndHashedAsItStreams() throws Exception {
        byte[] big = new byte[PreviousTree.MAX_BYTES + 1];
        new Random(5).nextBytes(big);
        files.put("vendor/example.com/m/big.bin", big);
        files.put("vendor/example.com/m/small.go", bytes("package m\n"));
        Path archive = archive(ReproducibleArchive.Format.TAR_GZ);
        Path vendor = previous();
        SafeExtractor.Result result = extract(archive, ReproducibleArchive.Format.TAR_GZ, vendor, tmp.resolve("dest"));
        assertEquals(1, result.linked().size());
        assertArrayEquals(big, Files.readAllBytes(tmp.resolve("dest/vendor/example.com/m/big.bin")));
        assertArrayEquals(dev.gomod.hash.Sha256.newDigest().digest(big), result.sha256().get("vendor/example.com/m/big.bin"));
    }

    @Test
    void theLimitsCountLinkedEntriesToo() throws Exception {
        byte[] zeros = new byte[4 << 20];
        files.put("vendor/example.com/m/zeros.bin", zeros);
        Path archive = archive(ReproducibleArchive.Format.TAR_GZ);
        Path vendor = previous();
        SafeExtractor strict = new SafeExtractor(new SafeExtractor.Limits(1L << 30, 100, 50), n -> true, new PreviousTree(vendor, "vendor/"));
        UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class,
                () -> strict.extract(archive, ReproducibleArchive.Format.TAR_GZ, tmp.resolve("dest")));
        assertEquals(UnsafeArchiveException.Limit.RATIO, e.limit().orElseThrow());
        assertEquals(1, Files.getAttribute(vendor.resolve("example.com/m/zeros.bin"), "unix:nlink"), "nothing linked");
    }

    private static void deleteTree(Path root) throws IOException {
        dev.gomod.workspace.DirectorySwap.deleteTree(root);
    }
}
