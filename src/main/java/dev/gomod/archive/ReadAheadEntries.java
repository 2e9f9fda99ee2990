package dev.gomod.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The contents of a list of entries, read ahead on several threads and handed out in the list's
 * order: opening and reading a file waits on the file system, compressing does not, and the archive
 * is written in one order whatever the threads do, so its bytes are those of a sequential read. A
 * window of the next {@link #WINDOW} entries is read ahead; a file larger than {@link #LARGE} is
 * opened when its turn comes and streamed, so at most WINDOW × LARGE bytes are held.
 */
final class ReadAheadEntries implements AutoCloseable {
    static final int WINDOW = 64;
    static final int LARGE = 1 << 20;

    private final List<ArchiveEntry> entries;
    private final ExecutorService pool;
    @SuppressWarnings("unchecked")
    private final Future<byte[]>[] read;
    private int submitted;

    @SuppressWarnings("unchecked")
    ReadAheadEntries(List<ArchiveEntry> entries, int threads) {
        this.entries = entries;
        this.read = new Future[entries.size()];
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gomod-read-ahead");
            t.setDaemon(true);
            return t;
        });
    }

    /** The content of entry {@code i}; entries must be asked for in order. */
    InputStream open(int i) throws IOException {
        while (submitted < entries.size() && submitted <= i + WINDOW) {
            ArchiveEntry e = entries.get(submitted);
            if (e.size() <= LARGE) {
                read[submitted] = pool.submit(() -> {
                    try (InputStream in = e.source().open()) {
                        return in.readAllBytes();
                    }
                });
            }
            submitted++;
        }
        Future<byte[]> f = read[i];
        if (f == null) {
            return entries.get(i).source().open();
        }
        read[i] = null;
        try {
            return new ByteArrayInputStream(f.get());
        } catch (ExecutionException x) {
            if (x.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("reading " + entries.get(i).name() + ": " + x.getCause(), x.getCause());
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + entries.get(i).name());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
