package dev.gomod.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads its source on a thread of its own, a bounded number of chunks ahead, so that decompressing
 * an archive overlaps with writing its files (as {@code tar xzf} runs gzip in a process of its own).
 * At most 16 chunks of 256 KiB are buffered.
 */
final class ReadAheadInputStream extends InputStream {
    private static final int CHUNK = 256 * 1024;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(16);
    private final Thread reader;
    private volatile IOException failure;
    private byte[] current = new byte[0];
    private int pos;
    private boolean ended;

    ReadAheadInputStream(InputStream source) {
        reader = new Thread(() -> {
            try (source) {
                while (true) {
                    byte[] buf = source.readNBytes(CHUNK);
                    if (buf.length == 0) {
                        break;
                    }
                    queue.put(buf.length == CHUNK ? buf : Arrays.copyOf(buf, buf.length));
                }
            } catch (IOException e) {
                failure = e;
            } catch (RuntimeException e) {
                // a decompressor that throws on crafted input must end the stream too, or the reader waits for ever
                failure = new IOException(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
            } catch (InterruptedException e) {
                return; // closed early: nobody reads any more
            }
            try {
                queue.put(END);
            } catch (InterruptedException ignored) {
                // closed early
            }
        }, "gomod-read-ahead");
        reader.setDaemon(true);
        reader.start();
    }

    private boolean fill() throws IOException {
        while (pos == current.length) {
            if (ended) {
                return false;
            }
            try {
                current = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading ahead", e);
            }
            pos = 0;
            if (current == END) {
                ended = true;
                if (failure != null) {
                    throw failure;
                }
                return false;
            }
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        return fill() ? current[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() {
        reader.interrupt();
    }
}
