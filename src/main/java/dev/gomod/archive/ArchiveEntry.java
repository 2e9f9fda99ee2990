package dev.gomod.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;

/**
 * One regular file to archive: its name inside the archive, whether it is executable, its size and
 * how to read it. Nothing else about the source file (owner, times, other permission bits) is kept.
 */
public record ArchiveEntry(String name, boolean executable, long size, Source source) {
    /** Opens the content. */
    public interface Source {
        InputStream open() throws IOException;
    }

    /** A file on disk; executable when its owner may execute it (the only mode bit that survives). */
    public static ArchiveEntry ofFile(String name, Path file) throws IOException {
        boolean exec = false;
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (posix != null) {
            exec = posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_EXECUTE);
        }
        return new ArchiveEntry(name, exec, Files.size(file), () -> Files.newInputStream(file));
    }

    public static ArchiveEntry ofBytes(String name, byte[] content) {
        return new ArchiveEntry(name, false, content.length, () -> new ByteArrayInputStream(content));
    }

    /** 0644 or 0755, as a regular-file mode. */
    public int mode() {
        return 0100000 | (executable ? 0755 : 0644);
    }
}
