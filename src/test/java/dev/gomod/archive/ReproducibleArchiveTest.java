package dev.gomod.archive;

import dev.gomod.hash.DirHash;
import dev.gomod.hash.Sha256;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReproducibleArchiveTest {
    @TempDir
    Path tmp;

    private final TimeZone zone = TimeZone.getDefault();

    @AfterEach
    void restoreZone() {
        TimeZone.setDefault(zone);
    }

    private static Map<String, byte[]> files() {
        Map<String, byte[]> f = new LinkedHashMap<>();
        f.put("vendor/modules.txt", "# example.com/a v1.0.0\n## explicit\nexample.com/a\n".getBytes(StandardCharsets.UTF_8));
        f.put("vendor/example.com/a/a.go", "package a\n".getBytes(StandardCharsets.UTF_8));
        f.put("vendor/example.com/a/tool.sh", "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8));
        f.put("vendor/example.com/ünï/\uD835\uDD18.go", "package u\n".getBytes(StandardCharsets.UTF_8));
        f.put("vendor/example.com/" + "long-directory-name/".repeat(8) + "deep.go", "package deep\n".getBytes(StandardCharsets.UTF_8));
        byte[] big = new byte[300_000];
        new Random(1).nextBytes(big);
        f.put("vendor/example.com/a/big.bin", big);
        f.put("vendor/example.com/a/empty.go", new byte[0]);
        f.put("go.mod", "module example.com/m\n".getBytes(StandardCharsets.UTF_8));
        return f;
    }

    /** Lays the files out in {@code order}, with the given permissions and mtime, the way another checkout would. */
    private Path layOut(String dirName, List<String> order, String perms, Instant mtime) throws IOException {
        Path dir = tmp.resolve(dirName);
        Map<String, byte[]> f = files();
        for (String name : order) {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.write(p, f.get(name));
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(name.endsWith(".sh") ? "rwxr-x---" : perms));
            Files.setLastModifiedTime(p, FileTime.from(mtime));
        }
        return dir;
    }

    private static List<ArchiveEntry> entries(Path dir) throws IOException {
        List<ArchiveEntry> list = new ArrayList<>();
        for (DirHash.FileSource f : DirHash.listDir(dir, "")) {
            list.add(ArchiveEntry.ofFile(f.name(), f.path()));
        }
        return list;
    }

    /**
     * The bytes themselves, pinned for a fixed tree of a few hundred files in many directories, some
     * executable, one past the parallel gzip's block size: whatever makes packing faster (more
     * threads reading ahead, another compressor schedule) must leave every bundle byte for byte as it was.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "TAR_GZ, PINNED_TAR_GZ",
            "ZIP, PINNED_ZIP"})
    void aFixedTreePacksToPinnedBytes(ReproducibleArchive.Format format, String which) throws Exception {
        java.util.Random random = new java.util.Random(42);
        Path dir = tmp.resolve("fixed");
        for (int i = 0; i < 400; i++) {
            byte[] b = new byte[i == 7 ? 3 << 20 : random.nextInt(5000)];
            for (int j = 0; j < b.length; j++) {
                b[j] = (byte) ('a' + random.nextInt(random.nextBoolean() ? 4 : 26)); // compressible, as source code is
            }
            Path p = dir.resolve("vendor/m" + i % 23 + "/p" + i % 7 + "/f" + i + (i % 40 == 0 ? ".sh" : ".go"));
            Files.createDirectories(p.getParent());
            Files.write(p, b);
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(i % 40 == 0 ? "rwxr-xr-x" : "rw-r--r--"));
        }
        Path archive = tmp.resolve("fixed." + format.extension());
        ReproducibleArchive.write(archive, format, entries(dir), Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals(which.equals("PINNED_TAR_GZ") ? PINNED_TAR_GZ : PINNED_ZIP, Sha256.hex(archive), "the bytes of a bundle changed;"
                + " if the JDK's zlib changed rather than the packer (deflate's output is fixed per zlib version), take the pins again");
    }

    // what the packer wrote on 2026-12-07 (before packing read files on several threads)
    private static final String PINNED_TAR_GZ = "636d4dc7aef2566cc09cbc8d705a12427567269899f3aa5a75aa44fc896d4e5c";
    private static final String PINNED_ZIP = "0e4155f6dc108d4bb18638c0a2afcdbab0af1b3f1116118b367090d4602fc14d";

    @ParameterizedTest
    @EnumSource(ReproducibleArchive.Format.class)
    void sameBytesAcrossZonesPermissionsTimesOrderAndPaths(ReproducibleArchive.Format format) throws Exception {
        List<String> order = new ArrayList<>(files().keySet());
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        Path a = layOut("checkout-one", order, "rw-r--r--", Instant.parse("2020-01-01T00:00:00Z"));
        Path archiveA = tmp.resolve("a." + format.extension());
        ReproducibleArchive.write(archiveA, format, entries(a), Instant.parse("2026-01-01T00:00:00Z"));

        Collections.reverse(order);
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
        Path b = layOut("another/checkout", order, "rw-rw----", Instant.now());
        Path archiveB = tmp.resolve("b." + format.extension());
        List<ArchiveEntry> reversed = entries(b);
        Collections.reverse(reversed);
        ReproducibleArchive.write(archiveB, format, reversed, Instant.parse("2026-01-01T00:00:00.999Z"));

        assertEquals(Sha256.hex(archiveA), Sha256.hex(archiveB));
    }

    @Test
    void tarHoldsNoOwnerNamesAndGzipNoTime() throws Exception {
        Path dir = layOut("d", new ArrayList<>(files().keySet()), "rw-r--r--", Instant.now());
        Path archive = tmp.resolve("x.tar.gz");
        ReproducibleArchive.write(archive, ReproducibleArchive.Format.TAR_GZ, entries(dir), Instant.parse("2026-01-01T00:00:00Z"));
        byte[] head = Files.readAllBytes(archive);
        assertEquals(0, head[4] | head[5] | head[6] | head[7], "gzip MTIME must be 0");
        assertEquals((byte) 255, head[9], "gzip OS must be 'unknown'");
        byte[] tar;
        try (InputStream in = new GzipCompressorInputStream(Files.newInputStream(archive))) {
            tar = in.readAllBytes();
        }
        String text = new String(tar, StandardCharsets.ISO_8859_1);
        String user = System.getProperty("user.name");
        assertFalse(text.contains("\0" + user + "\0"), "the user name leaked into the tar");
        assertFalse(text.contains("atime") || text.contains("ctime"), "access/change times leaked into PAX headers");
    }

    @ParameterizedTest
    @EnumSource(ReproducibleArchive.Format.class)
    void standardToolsListAndExtractTheSameTree(ReproducibleArchive.Format format) throws Exception {
        Path src = layOut("src", new ArrayList<>(files().keySet()), "rw-r--r--", Instant.now());
        Path archive = tmp.resolve("x." + format.extension());
        ReproducibleArchive.write(archive, format, entries(src), Instant.parse("2026-01-01T00:00:00Z"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        String list = format == ReproducibleArchive.Format.TAR_GZ
                ? run(tmp, "tar", "tzf", archive.toString()) : run(tmp, "unzip", "-Z1", archive.toString());
        assertEquals(files().size(), list.lines().count(), list);
        if (format == ReproducibleArchive.Format.TAR_GZ) {
            run(out, "tar", "xzf", archive.toString());
        } else {
            run(out, "unzip", "-q", archive.toString());
        }
        assertEquals(DirHash.hashDir(src, ""), DirHash.hashDir(out, ""));
        assertTrue(Files.isExecutable(out.resolve("vendor/example.com/a/tool.sh")));
        assertFalse(Files.isExecutable(out.resolve("vendor/example.com/a/a.go")));
    }

    @Test
    void refusesDuplicateNames() {
        List<ArchiveEntry> dup = List.of(ArchiveEntry.ofBytes("a", new byte[0]), ArchiveEntry.ofBytes("a", new byte[1]));
        assertThrows(IOException.class, () -> ReproducibleArchive.write(tmp.resolve("d.zip"), ReproducibleArchive.Format.ZIP, dup, Instant.EPOCH));
        assertFalse(Files.exists(tmp.resolve("d.zip")));
    }

    private static String run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        return out;
    }
}
