package dev.gomod;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file written under a fresh name beside its target and renamed over it, so that a reader sees the
 * old file or the new one, never half of one. The file gets the permissions the process umask gives,
 * as every file a Maven build writes into target/ ({@code Files.createTempFile} would make it 0600,
 * unreadable to the CI step that publishes target/ as another user).
 */
public final class AtomicFile {
    /** Writes the content of the file at the path it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path file) throws IOException;
    }

    private AtomicFile() {
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, f -> Files.write(f, bytes));
    }

    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = null;
        while (tmp == null) {
            Path candidate = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                tmp = Files.createFile(candidate); // no attributes: the umask decides, as for any new file
            } catch (FileAlreadyExistsException taken) {
                // another writer's name: draw again
            }
        }
        try {
            content.writeTo(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
