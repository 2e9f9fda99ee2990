package dev.gomod.workspace;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Replaces a directory by another with two renames: the old one moves aside to
 * {@code .<name>.old}, the new one (prepared at {@code .<name>.new} in the same parent, so on the
 * same file system) moves in, then the old one is deleted. Killed at any point, the parent holds a
 * complete old or new directory, and {@link #recover} finishes or undoes the swap on the next run.
 */
public final class DirectorySwap {
    private final Path target;

    public DirectorySwap(Path target) {
        this.target = target;
    }

    /** Where the new tree is to be prepared. */
    public Path staging() {
        return target.resolveSibling("." + target.getFileName() + ".new");
    }

    Path aside() {
        return target.resolveSibling("." + target.getFileName() + ".old");
    }

    /**
     * Cleans up after a run that was killed: an old tree moved aside with nothing in its place is
     * moved back; a staged tree or an old tree beside a complete target is deleted.
     *
     * @return what was done, or null when there was nothing to do
     */
    public String recover() throws IOException {
        String done = null;
        if (Files.exists(aside(), LinkOption.NOFOLLOW_LINKS)) {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(aside());
                done = "removed " + aside() + " left by an interrupted run";
            } else {
                Files.move(aside(), target, StandardCopyOption.ATOMIC_MOVE);
                done = "moved " + aside() + " back to " + target + " after an interrupted run";
            }
        }
        if (Files.exists(staging(), LinkOption.NOFOLLOW_LINKS)) {
            deleteTree(staging());
            done = (done == null ? "" : done + "; ") + "removed " + staging() + " left by an interrupted run";
        }
        return done;
    }

    /** Moves the staged tree into place. */
    public void commit() throws IOException {
        boolean hadOld = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        if (hadOld) {
            move(target, aside());
        }
        move(staging(), target);
        if (hadOld) {
            deleteTree(aside());
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + from + " to " + to + " atomically: keep them on one file system", e);
        }
    }

    /** Deletes a tree without following links out of it. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
