package dev.gomod.archive;

import dev.gomod.hash.Sha256;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Creates files on several threads while one thread inflates the archive. Creating a file is bound
 * by the file system's latency, not the CPU (about half a millisecond per {@code openat} on a slow
 * disk, the same for tar), so more writers than cores pay; each writer hashes what it writes. The
 * caller creates a file's directory before handing the file over, and never hands over a name twice.
 * What is pending is bounded ({@code maxPending} bytes; a caller blocks until writers catch up), and
 * the first failure is rethrown to the caller on its next call.
 */
final class ConcurrentFileWriter implements AutoCloseable {
    private final ExecutorService pool;
    private final Semaphore pending;
    private final int maxPending;
    /** Files handed over and not yet written, at most {@link #MAX_FILES}: {@link #finish} takes them all to wait. */
    private final Semaphore files = new Semaphore(MAX_FILES);
    private static final int MAX_FILES = 4096;
    private final Map<String, byte[]> digests = new ConcurrentHashMap<>();
    private final AtomicReference<IOException> failure = new AtomicReference<>();
    private final ThreadLocal<MessageDigest> sha = ThreadLocal.withInitial(Sha256::newDigest);

    ConcurrentFileWriter(int threads, int maxPending) {
        this.maxPending = maxPending;
        this.pending = new Semaphore(maxPending);
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gomod-file-writer");
            t.setDaemon(true);
            return t;
        });
    }

    /** Writes {@code data} as the new file {@code target} (never following or replacing anything), recording its sha256 under {@code name}. */
    void write(String name, Path target, byte[] data, boolean executable) throws IOException {
        rethrow();
        int permits = Math.max(1, Math.min(data.length, maxPending));
        try {
            files.acquire();
            pending.acquire(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing " + target);
        }
        pool.execute(() -> {
            try {
                if (failure.get() == null) {
                    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                            LinkOption.NOFOLLOW_LINKS)) {
                        out.write(data);
                    }
                    if (executable) {
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                    MessageDigest md = sha.get();
                    md.reset();
                    digests.put(name, md.digest(data));
                }
            } catch (IOException e) {
                failure.compareAndSet(null, e);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, new IOException("writing " + target + ": " + e, e));
            } finally {
                pending.release(permits);
                files.release();
            }
        });
    }

    /** Records the digest of a file the caller wrote itself (one too large to hold). */
    void written(String name, byte[] digest) {
        digests.put(name, digest);
    }

    /** Waits for every file handed over; their digests by name, or the first failure. */
    Map<String, byte[]> finish() throws IOException {
        try {
            files.acquire(MAX_FILES);
            files.release(MAX_FILES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the files to be written");
        }
        rethrow();
        return digests;
    }

    private void rethrow() throws IOException {
        IOException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    /**
     * Stops the writers and waits for them, so that nothing writes into the caller's private
     * directory once it goes on to delete it.
     */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
