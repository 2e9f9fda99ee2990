package dev.gomod.workspace;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises jobs that rewrite one workspace's vendor/: across processes with a file lock, and
 * across threads of one JVM ({@code mvn -T}) with an in-process lock, because a JVM cannot hold two
 * file locks on one file.
 */
public final class WorkspaceLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileLock fileLock; // holds its channel, closed with it

    private WorkspaceLock(ReentrantLock threadLock, FileLock fileLock) {
        this.threadLock = threadLock;
        this.fileLock = fileLock;
    }

    /** Blocks until this process holds the lock file {@code lockFile}. */
    public static WorkspaceLock acquire(Path lockFile) throws IOException {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        threadLock.lock();
        try {
            Files.createDirectories(key.getParent());
            FileChannel ch = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new WorkspaceLock(threadLock, ch.lock());
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            threadLock.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            fileLock.release();
            fileLock.channel().close();
        } finally {
            threadLock.unlock();
        }
    }
}
