package dev.gomod.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * gzip compression on several cores with output that depends only on the input (pigz's scheme):
 * the input is cut into fixed-size blocks, each deflated on its own with the previous block's last
 * 32 KiB as dictionary (so the ratio stays close to single-stream gzip) and ended with a sync flush,
 * and the results are written in order under one gzip header (no time, OS "unknown") and trailer.
 * Thread timing cannot change a byte. Memory stays bounded: at most {@code 2 × threads} blocks are
 * in flight. Written by hand because Commons Compress and the JDK only deflate on one thread.
 */
public final class ParallelGzipOutputStream extends OutputStream {
    private static final int BLOCK = 128 * 1024;
    private static final int DICT = 32 * 1024;
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 255};

    private final OutputStream out;
    private final int level;
    private final ExecutorService pool;
    private final int maxInFlight;
    private final ArrayDeque<Future<byte[]>> inFlight = new ArrayDeque<>();
    private final CRC32 crc = new CRC32();
    private byte[] block = new byte[BLOCK];
    private int fill;
    private byte[] previousTail;
    private long total;
    private boolean closed;

    public ParallelGzipOutputStream(OutputStream out, int level, int threads) throws IOException {
        this.out = out;
        this.level = level;
        int n = Math.max(1, threads);
        this.maxInFlight = 2 * n;
        this.pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "gomod-gzip");
            t.setDaemon(true);
            return t;
        });
        out.write(HEADER);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        crc.update(b, off, len);
        total += len;
        while (len > 0) {
            int n = Math.min(len, BLOCK - fill);
            System.arraycopy(b, off, block, fill, n);
            fill += n;
            off += n;
            len -= n;
            if (fill == BLOCK) {
                submit(false);
            }
        }
    }

    private void submit(boolean last) throws IOException {
        byte[] data = block;
        int length = fill;
        byte[] dict = previousTail;
        previousTail = length >= DICT ? Arrays.copyOfRange(data, length - DICT, length)
                : dict == null ? Arrays.copyOf(data, length) : joinTail(dict, data, length);
        inFlight.add(pool.submit(() -> deflate(data, length, dict, last, level)));
        block = new byte[BLOCK];
        fill = 0;
        while (inFlight.size() >= maxInFlight) {
            drainOne();
        }
    }

    private static byte[] joinTail(byte[] dict, byte[] data, int length) {
        byte[] joined = new byte[Math.min(DICT, dict.length + length)];
        int fromDict = joined.length - length;
        System.arraycopy(dict, dict.length - fromDict, joined, 0, fromDict);
        System.arraycopy(data, 0, joined, fromDict, length);
        return joined;
    }

    private static byte[] deflate(byte[] data, int length, byte[] dict, boolean last, int level) {
        Deflater d = new Deflater(level, true);
        try {
            if (dict != null) {
                d.setDictionary(dict);
            }
            d.setInput(data, 0, length);
            if (last) {
                d.finish();
            }
            byte[] buf = new byte[length + length / 8 + 64];
            int n = 0;
            if (last) {
                while (!d.finished()) {
                    if (n == buf.length) {
                        buf = Arrays.copyOf(buf, buf.length * 2);
                    }
                    n += d.deflate(buf, n, buf.length - n);
                }
            } else {
                // SYNC_FLUSH: all input is consumed and flushed unless the output space ran out; then call again
                do {
                    if (n == buf.length) {
                        buf = Arrays.copyOf(buf, buf.length * 2);
                    }
                    n += d.deflate(buf, n, buf.length - n, Deflater.SYNC_FLUSH);
                } while (n == buf.length);
            }
            return Arrays.copyOf(buf, n);
        } finally {
            d.end();
        }
    }

    private void drainOne() throws IOException {
        try {
            out.write(inFlight.poll().get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compressing", e);
        } catch (ExecutionException e) {
            throw new IOException("compression failed", e.getCause());
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            submit(true);
            while (!inFlight.isEmpty()) {
                drainOne();
            }
            long c = crc.getValue();
            byte[] trailer = {(byte) c, (byte) (c >> 8), (byte) (c >> 16), (byte) (c >> 24),
                    (byte) total, (byte) (total >> 8), (byte) (total >> 16), (byte) (total >> 24)};
            out.write(trailer);
            out.close();
        } finally {
            pool.shutdownNow();
        }
    }
}
