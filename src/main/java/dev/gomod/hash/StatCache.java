package dev.gomod.hash;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The sha256 of files as last read or written by us, remembered by their stat, so that a tree found
 * unchanged need not be read again: git's index idea. A file's digest is taken from the cache only
 * when its device, inode, size, mtime and ctime are all as recorded, and when its mtime and ctime are
 * strictly older than the cache file's own mtime. That last rule is git's racy-timestamp care: a file
 * changed again within the clock tick in which it was recorded keeps the recorded stat, so an entry
 * from that tick is read again rather than trusted.
 *
 * <p>A cache is as trustworthy as the directory it describes (whoever can write one can write the
 * other), so it may spare work that would otherwise find the tree unchanged ({@code gomod:restore}'s
 * no-op, an installed toolchain), never replace verification: {@code gomod:verify} does not read it.
 * It is a cache: one that is missing, unreadable, of another format or from a file system without
 * Unix attributes counts as empty.
 *
 * <p>Format: the line {@code gomod stat cache 2}; the line {@code tree <h1>}, the Hash1 of exactly
 * the files listed; then one line per file, sorted by name:
 * {@code <dev> <ino> <size> <mtime ns> <ctime ns> <sha256 hex> <name>}. When every file of a tree
 * is found unchanged and they are exactly the files listed, the tree's hash is the recorded one,
 * and nothing is sorted or summed.
 */
public final class StatCache {
    private static final String HEADER = "gomod stat cache 2";
    private static final String ATTRIBUTES = "unix:dev,ino,size,lastModifiedTime,ctime";
    private static final boolean UNIX = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

    /** What identifies a file's content short of reading it. */
    record Stat(long dev, long ino, long size, long mtime, long ctime) {
        static Stat of(Path file) throws IOException {
            Map<String, Object> a = Files.readAttributes(file, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            return new Stat((Long) a.get("dev"), (Long) a.get("ino"), (Long) a.get("size"),
                    nanos(a.get("lastModifiedTime")), nanos(a.get("ctime")));
        }

        private static long nanos(Object time) {
            return ((FileTime) time).to(TimeUnit.NANOSECONDS);
        }
    }

    private record Entry(Stat stat, byte[] sha256) {
    }

    private final Map<String, Entry> entries;
    private final long written;
    private final String tree;

    private StatCache(Map<String, Entry> entries, long written, String tree) {
        this.entries = entries;
        this.written = written;
        this.tree = tree;
    }

    /** A cache that trusts nothing. */
    public static StatCache empty() {
        return new StatCache(Map.of(), Long.MIN_VALUE, null);
    }

    /** The cache in {@code file}, or an empty one when there is none or it cannot be used. */
    public static StatCache read(Path file) {
        if (!UNIX) {
            return empty();
        }
        try {
            long written = Stat.of(file).mtime();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(1).startsWith("tree " + DirHash.PREFIX)) {
                return empty();
            }
            Map<String, Entry> entries = new HashMap<>(lines.size() * 2);
            HexFormat hex = HexFormat.of();
            for (int i = 2; i < lines.size(); i++) {
                String[] f = lines.get(i).split(" ", 7);
                if (f.length != 7) {
                    return empty();
                }
                Stat stat = new Stat(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]));
                entries.put(f[6], new Entry(stat, hex.parseHex(f[5])));
            }
            return new StatCache(entries, written, lines.get(1).substring("tree ".length()));
        } catch (IOException | RuntimeException e) {
            return empty(); // missing, unreadable or malformed: a cache miss, never an error
        }
    }

    /**
     * The tree hash the cache in {@code file} records, read from its first lines only: what the
     * last restore or no-op that wrote it found or made. Empty when there is no usable cache.
     */
    public static Optional<String> recordedTree(Path file) {
        if (!UNIX) {
            return Optional.empty();
        }
        try (java.io.BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String tree = HEADER.equals(r.readLine()) ? r.readLine() : null;
            return tree != null && tree.startsWith("tree " + DirHash.PREFIX) ? Optional.of(tree.substring("tree ".length())) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The files as hash sources that take their digest from this cache when the file is unchanged
     * and read it otherwise; each notes the stat and digest it ends with, for {@link #write}.
     */
    public List<Cached> sources(List<? extends DirHash.FileSource> files) {
        List<Cached> out = new ArrayList<>(files.size());
        for (DirHash.FileSource f : files) {
            out.add(new Cached(f, entries.get(f.name())));
        }
        return out;
    }

    /**
     * The Hash1 of these files (from {@link #sources}), reading only those not found unchanged: the
     * same value as {@link DirHash#hashParallel} over them.
     */
    public String treeHash(List<Cached> files, int threads) throws IOException {
        byte[][] digests = DirHash.digests(files, threads);
        if (tree != null && files.size() == entries.size() && misses(files) == 0) {
            return tree; // every file as recorded, and no other: the recorded tree
        }
        Map<String, byte[]> byName = new HashMap<>(files.size() * 2);
        for (int i = 0; i < digests.length; i++) {
            byName.put(files.get(i).name(), digests[i]);
        }
        return DirHash.fromDigests(byName);
    }

    /** A file whose digest may come from the cache; after hashing, whether it did. */
    public final class Cached implements DirHash.Source {
        private final DirHash.FileSource file;
        private final Entry entry;
        private volatile Stat stat;
        private volatile byte[] sha256;
        private volatile boolean fromCache;

        private Cached(DirHash.FileSource file, Entry entry) {
            this.file = file;
            this.entry = entry;
        }

        @Override
        public String name() {
            return file.name();
        }

        @Override
        public InputStream open() throws IOException {
            return file.open();
        }

        @Override
        public byte[] digest(MessageDigest md, byte[] buffer) throws IOException {
            if (!UNIX) {
                return file.digest(md, buffer);
            }
            // stat before reading: a change during or after the read shows as another stat next time
            Stat now = Stat.of(file.path());
            stat = now;
            if (entry != null && entry.stat().equals(now) && now.mtime() < written && now.ctime() < written) {
                fromCache = true;
                sha256 = entry.sha256();
            } else {
                sha256 = file.digest(md, buffer);
            }
            return sha256;
        }

        /** Whether the digest was the cache's, the file unread. */
        public boolean fromCache() {
            return fromCache;
        }
    }

    /** How many of these hashed sources were read rather than taken from the cache. */
    public static long misses(List<Cached> hashed) {
        return hashed.stream().filter(c -> !c.fromCache()).count();
    }

    /** Records the hashed sources' stats and digests, and their tree hash, in {@code file}, replacing it atomically. */
    public static void write(Path file, String tree, List<Cached> hashed) throws IOException {
        Map<String, Stat> stats = new HashMap<>();
        Map<String, byte[]> digests = new HashMap<>();
        for (Cached c : hashed) {
            if (c.stat == null) {
                throw new IllegalStateException(c.name() + " was not hashed");
            }
            stats.put(c.name(), c.stat);
            digests.put(c.name(), c.sha256);
        }
        write(file, tree, stats, digests);
    }

    /**
     * Files just written, statted now with the digests taken while writing them, to be recorded by
     * {@link Snapshot#write} once they are in place: nothing may write to them in between (an
     * extraction directory private to us; moving a directory keeps its files' inodes and times).
     */
    public static Snapshot snapshot(String tree, Map<String, Path> files, Map<String, byte[]> digests) throws IOException {
        Map<String, Stat> stats = new HashMap<>();
        if (UNIX) {
            for (Map.Entry<String, Path> f : files.entrySet()) {
                stats.put(f.getKey(), Stat.of(f.getValue()));
            }
        }
        return new Snapshot(tree, stats, digests);
    }

    /** Stats and digests taken by {@link #snapshot}. */
    public static final class Snapshot {
        private final String tree;
        private final Map<String, Stat> stats;
        private final Map<String, byte[]> digests;

        private Snapshot(String tree, Map<String, Stat> stats, Map<String, byte[]> digests) {
            this.tree = tree;
            this.stats = stats;
            this.digests = digests;
        }

        /**
         * The same, with these files statted again where they are now: files hard-linked from a
         * tree that was deleted after they were statted, which changed their inode's ctime and
         * nothing else. A file whose device, inode, size or mtime changed too is left out (read
         * next time).
         */
        public Snapshot relinked(Map<String, Path> files) {
            if (!UNIX || files.isEmpty()) {
                return this;
            }
            Map<String, Stat> now = new HashMap<>(stats);
            for (Map.Entry<String, Path> f : files.entrySet()) {
                Stat was = stats.get(f.getKey());
                Stat is;
                try {
                    is = Stat.of(f.getValue());
                } catch (IOException e) {
                    now.remove(f.getKey());
                    continue;
                }
                if (was != null && was.dev() == is.dev() && was.ino() == is.ino() && was.size() == is.size() && was.mtime() == is.mtime()) {
                    now.put(f.getKey(), is);
                } else {
                    now.remove(f.getKey());
                }
            }
            return new Snapshot(tree, now, digests);
        }

        /** Records them in {@code file}, replacing it atomically. */
        public void write(Path file) throws IOException {
            StatCache.write(file, tree, stats, digests);
        }
    }

    private static void write(Path file, String tree, Map<String, Stat> stats, Map<String, byte[]> digests) throws IOException {
        if (!UNIX) {
            return;
        }
        List<String> names = new ArrayList<>(stats.keySet());
        names.sort(DirHash.UTF8_ORDER);
        StringBuilder b = new StringBuilder(names.size() * 160).append(HEADER).append('\n').append("tree ").append(tree).append('\n');
        HexFormat hex = HexFormat.of();
        for (String n : names) {
            if (n.indexOf('\n') >= 0) {
                throw new IOException("file name contains a newline: " + n.replace("\n", "\\n"));
            }
            Stat s = stats.get(n);
            b.append(s.dev()).append(' ').append(s.ino()).append(' ').append(s.size()).append(' ').append(s.mtime()).append(' ')
                    .append(s.ctime()).append(' ').append(hex.formatHex(digests.get(n))).append(' ').append(n).append('\n');
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, b, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
