package dev.gomod;

import dev.gomod.archive.ArchiveEntry;
import dev.gomod.archive.ReproducibleArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files the plugin writes into target/ and next to go.mod get the umask's permissions, whole or not at all. */
class AtomicFileTest {
    @TempDir
    Path tmp;

    @Test
    void bundlesAndLocksFollowTheUmaskLikeAnyNewFile() throws Exception {
        Path reference = Files.createFile(tmp.resolve("reference"));
        Path lock = tmp.resolve("gomod.lock");
        AtomicFile.write(lock, "lock 1\n".getBytes(StandardCharsets.UTF_8));
        Path bundle = tmp.resolve("target/x-go-vendor.tar.gz");
        ReproducibleArchive.write(bundle, ReproducibleArchive.Format.TAR_GZ,
                List.of(ArchiveEntry.ofBytes("a.txt", "a".getBytes(StandardCharsets.UTF_8))), Instant.EPOCH);
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(lock));
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(bundle));
        if (Files.getPosixFilePermissions(reference).contains(PosixFilePermission.GROUP_READ)) {
            assertTrue(Files.getPosixFilePermissions(bundle).contains(PosixFilePermission.OTHERS_READ)
                    == Files.getPosixFilePermissions(reference).contains(PosixFilePermission.OTHERS_READ));
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoScratch() throws Exception {
        Path target = tmp.resolve("gomod.lock");
        AtomicFile.write(target, "old\n".getBytes(StandardCharsets.UTF_8));
        assertThrows(IOException.class, () -> AtomicFile.write(target, f -> {
            Files.writeString(f, "half");
            throw new IOException("disk full");
        }));
        assertEquals("old\n", Files.readString(target));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("gomod.lock"), s.map(p -> p.getFileName().toString()).toList());
        }
    }
}
