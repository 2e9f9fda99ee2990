package dev.gomod.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The tree an extraction is to replace (last release's vendor/ on an agent that keeps its
 * workspace), from which a file whose bytes equal an entry's is hard-linked into the new tree
 * rather than created and written: on a disk, creating files is what a restore waits on, and
 * between two releases most files are the same.
 *
 * <p>A file is tried only when it is a regular file with no other link (a file shared with
 * anything outside the tree is never shared further), of the entry's size, and of the mode a
 * fresh extraction gives it (0755 for an executable entry; owner read-write and no exec bit
 * otherwise), so the new tree's files are what a fresh extraction makes and no mode is changed on
 * an inode the old tree still holds. After linking, the link itself, in the extraction's private
 * directory, is read back and compared byte for byte with the entry: what the new tree holds is
 * then what the archive holds, whatever the old tree's stat says. No stat cache is trusted here: a
 * file changed to other bytes of the same size and mtime is found by its bytes and written, as is
 * one that cannot be read back. The
 * entry is held in memory to be compared, so only files up to {@link #MAX_BYTES} are tried; larger
 * ones, and every file once the file system has refused a link (another device, another owner
 * under protected hard links), are written.
 *
 * <p>The old tree is only read and linked to: its files' contents and modes never change, so a
 * restore refused after extraction leaves it as it was (linking changes an inode's ctime only).
 */
public final class PreviousTree {
    /** The largest entry held in memory to be compared; larger ones are written as they stream. */
    static final int MAX_BYTES = 8 << 20;
    private static final boolean UNIX = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");
    private static final int REGULAR = 0100000;
    private static final int TYPE = 0170000;

    private final Path dir;
    private final String prefix;
    private final Map<Path, Boolean> plainDirs = new HashMap<>();
    private boolean linking = UNIX;

    /**
     * @param dir    the tree being replaced, e.g. the workspace's vendor/
     * @param prefix the entry-name prefix that maps onto {@code dir}, e.g. {@code vendor/}; other entries have no previous file
     */
    public PreviousTree(Path dir, String prefix) {
        this.dir = dir.normalize();
        this.prefix = prefix;
    }

    /** The previous file worth linking for this entry, or null: none, or not a lone regular file of this size and mode. */
    Path candidate(String entry, long size, boolean executable) {
        if (!linking || size < 0 || size > MAX_BYTES || !entry.startsWith(prefix)) {
            return null;
        }
        Path old = dir.resolve(entry.substring(prefix.length())).normalize();
        if (!old.startsWith(dir) || !inside(old.getParent())) {
            return null;
        }
        try {
            Map<String, Object> a = Files.readAttributes(old, "unix:mode,nlink,size", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) a.get("mode");
            int perms = mode & 07777;
            boolean sameMode = executable ? perms == 0755 : (perms & 0111) == 0 && (perms & 0600) == 0600;
            return (mode & TYPE) == REGULAR && (Integer) a.get("nlink") == 1 && (Long) a.get("size") == size && sameMode ? old : null;
        } catch (IOException | RuntimeException e) {
            return null; // no such file, a directory on the way, an attribute this file system lacks: written instead
        }
    }

    /**
     * Whether a directory of the previous tree is reached without a link: a file reached through a
     * linked directory lives outside the tree, and is not shared into the new one. One lstat per directory.
     */
    private boolean inside(Path d) {
        if (d.equals(dir)) {
            return true;
        }
        Boolean known = plainDirs.get(d);
        if (known == null) {
            known = d.startsWith(dir) && inside(d.getParent()) && Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS);
            plainDirs.put(d, known);
        }
        return known;
    }

    /**
     * Links {@code target} to {@code old} and keeps the link only if it holds exactly
     * {@code data[0, length)}. Returns whether it did; otherwise {@code target} does not exist.
     */
    boolean link(Path old, Path target, byte[] data, int length, byte[] buffer) throws IOException {
        try {
            Files.createLink(target, old);
        } catch (IOException | UnsupportedOperationException e) {
            linking = false; // the file system will not link here; the rest is written as in a fresh extraction
            Files.deleteIfExists(target);
            return false;
        }
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) || !holds(target, data, length, buffer)) {
            Files.delete(target); // replaced or changed since it was statted: the old tree keeps it, the new one gets the entry's bytes
            return false;
        }
        return true;
    }

    /** Whether {@code file} holds exactly these bytes; a file that cannot be read (another owner's) does not. */
    private static boolean holds(Path file, byte[] data, int length, byte[] buffer) {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            int at = 0;
            while (at < length) {
                int r = in.readNBytes(buffer, 0, Math.min(buffer.length, length - at));
                if (r == 0 || Arrays.mismatch(buffer, 0, r, data, at, at + r) != -1) {
                    return false;
                }
                at += r;
            }
            return in.read() < 0;
        } catch (IOException e) {
            return false;
        }
    }
}
