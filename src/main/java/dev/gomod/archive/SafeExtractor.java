package dev.gomod.archive;

import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import dev.gomod.hash.Sha256;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Extracts an archive that may be hostile into a new private directory, and nothing else. Refused,
 * with the entry named: absolute paths, {@code ..} or empty path elements, backslashes, symbolic and
 * hard links, devices and FIFOs, duplicate entries, names equal but for case (they collide on macOS
 * and Windows), entries outside the expected layout; and archives past the limits on total size,
 * entry count and compression ratio, counted on the bytes actually inflated, not on declared sizes.
 * Files are created with CREATE_NEW, so nothing already on disk, a link included, is followed.
 * An archive that cannot be decoded (a truncated download, a corrupt header) is refused as well,
 * naming the archive and the entry it broke in; only errors writing the tree stay I/O errors.
 * Given the tree the extraction is to replace ({@link PreviousTree}), a file whose bytes equal an
 * entry's is hard-linked from it instead of written, after the same checks, and every byte of
 * the entry is still read, counted against the limits and hashed.
 */
public final class SafeExtractor {
    /** Limits against archive bombs. */
    public record Limits(long maxBytes, int maxEntries, int maxRatio) {
        public static final Limits DEFAULT = new Limits(4L << 30, 500_000, 200);
    }

    /**
     * What was extracted: file count, bytes, each file's sha256 by entry name (hashed while
     * written), and which of the files were linked from the previous tree rather than written.
     */
    public record Result(int files, long bytes, Map<String, byte[]> sha256, Set<String> linked) {
    }

    private static final int BUFFER = 1 << 16;

    private final Limits limits;
    private final Predicate<String> layout;
    private final PreviousTree previous;

    /**
     * @param layout which entry names the archive may hold (e.g. the bundle's top-level names)
     */
    public SafeExtractor(Limits limits, Predicate<String> layout) {
        this(limits, layout, null);
    }

    /**
     * @param previous the tree this extraction is to replace, whose identical files are linked, or null
     */
    public SafeExtractor(Limits limits, Predicate<String> layout, PreviousTree previous) {
        this.limits = limits;
        this.layout = layout;
        this.previous = previous;
    }

    /** Extracts {@code archive} into {@code dest}, which must not exist yet (it is created with mode 0700). */
    public Result extract(Path archive, ReproducibleArchive.Format format, Path dest) throws IOException, UnsafeArchiveException {
        Files.createDirectory(dest, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Extraction x = new Extraction(archive.getFileName().toString(), dest.toRealPath(), Math.max(1, Files.size(archive)));
        try {
            if (format == ReproducibleArchive.Format.TAR_GZ) {
                try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive), BUFFER);
                     TarArchiveInputStream in = decoding(() -> new TarArchiveInputStream(
                             new ReadAheadInputStream(new GzipCompressorInputStream(raw, false)), BUFFER, "UTF-8"))) {
                    TarArchiveEntry e;
                    while ((e = decoding(in::getNextEntry)) != null) {
                        x.entry(e, new Decoding(in));
                    }
                }
            } else {
                // The central directory, not the local headers: only it holds the Unix mode (links, exec bits).
                try (ZipFile zip = decoding(() -> ZipFile.builder().setPath(archive).setCharset(StandardCharsets.UTF_8).get())) {
                    for (ZipArchiveEntry e : java.util.Collections.list(zip.getEntriesInPhysicalOrder())) {
                        x.current = e.getName();
                        try (InputStream in = decoding(() -> zip.getInputStream(e))) {
                            x.entry(e, new Decoding(in));
                        }
                    }
                }
            }
        } catch (Undecodable u) {
            Throwable c = u.getCause();
            String why = c instanceof java.io.EOFException ? "it ends before its data does"
                    : c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
            throw new UnsafeArchiveException(x.name, x.current, "corrupt or truncated archive (" + why + ")");
        }
        return new Result(x.seen.size(), x.total, x.digests, x.linked);
    }

    /** An error decoding the archive, as opposed to one writing the tree: the archive is refused for it. */
    private static final class Undecodable extends IOException {
        private static final long serialVersionUID = 1L;

        Undecodable(Throwable cause) {
            super(cause);
        }
    }

    private interface Decode<T> {
        T get() throws IOException;
    }

    // Commons Compress throws IOExceptions and, on crafted headers, runtime exceptions: both mean the archive cannot be read.
    private static <T> T decoding(Decode<T> d) throws Undecodable {
        try {
            return d.get();
        } catch (Undecodable u) {
            throw u;
        } catch (IOException | RuntimeException e) {
            throw new Undecodable(e);
        }
    }

    /** An entry's bytes, whose read errors are the archive's ({@link Undecodable}). */
    private static final class Decoding extends java.io.FilterInputStream {
        Decoding(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            return decoding(super::read);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return decoding(() -> in.read(b, off, len));
        }

        @Override
        public long skip(long n) throws IOException {
            return decoding(() -> in.skip(n));
        }

        @Override
        public void close() {
            // the archive's stream is closed by its owner
        }
    }

    /** The state of one extraction. */
    private final class Extraction {
        private final String name;
        private final Path root;
        private final long compressed;
        private final Set<String> seen = new HashSet<>();
        private final Map<String, String> folded = new HashMap<>();
        private final Map<String, byte[]> digests = new HashMap<>();
        private final Set<Path> verifiedDirs = new HashSet<>();
        // one digest and buffer for every entry: per-entry objects cost a fresh JVM more than the bytes do
        private final MessageDigest sha = Sha256.newDigest();
        private final byte[] buffer = new byte[BUFFER];
        // an entry held to be compared with the previous tree's file; grows to the largest such entry
        private byte[] held = new byte[0];
        private long total;
        private int count;
        private final Set<String> linked = new HashSet<>();
        // the entry being read, for an archive that breaks in it
        private String current;

        Extraction(String name, Path root, long compressed) {
            this.name = name;
            this.root = root;
            this.compressed = compressed;
            verifiedDirs.add(root);
        }

        /** Checks and extracts one entry. */
        void entry(ArchiveEntry e, InputStream in) throws IOException, UnsafeArchiveException {
            String entry = e.getName();
            current = entry;
            if (++count > limits.maxEntries()) {
                throw new UnsafeArchiveException(name, null, "more than " + limits.maxEntries() + " entries", UnsafeArchiveException.Limit.ENTRIES);
            }
            checkKind(name, e);
            String clean = checkName(name, entry, e.isDirectory());
            if (e.isDirectory()) {
                return; // directories come with their files; an empty one is not worth a risk
            }
            if (!layout.test(clean)) {
                throw new UnsafeArchiveException(name, entry, "not part of the bundle layout");
            }
            if (!seen.add(clean)) {
                throw new UnsafeArchiveException(name, entry, "duplicate entry");
            }
            String other = folded.putIfAbsent(clean.toLowerCase(Locale.ROOT), clean);
            if (other != null) {
                throw new UnsafeArchiveException(name, entry, "differs from '" + other + "' only in case");
            }
            Path target = root.resolve(clean).normalize();
            if (!target.startsWith(root)) {
                throw new UnsafeArchiveException(name, entry, "resolves outside the extraction directory");
            }
            Path parent = target.getParent();
            if (!verifiedDirs.contains(parent)) {
                Files.createDirectories(parent);
                // Each directory below the root (a real path) checked once to be a directory, not a link: then
                // the parent's real path is itself, inside the root, as toRealPath would say without its
                // readlink of every component. No entry can be a link, so a directory checked once stays inside.
                for (Path d = parent; !d.equals(root) && verifiedDirs.add(d); d = d.getParent()) {
                    if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
                        throw new UnsafeArchiveException(name, entry, "its directory resolves outside the extraction directory");
                    }
                }
            }
            sha.reset();
            boolean executable = isExecutable(e);
            Path old = previous == null ? null : previous.candidate(clean, e.getSize(), executable);
            if (old != null && linkedOrWritten(in, old, target, (int) e.getSize())) {
                linked.add(clean);
            } else {
                if (old == null) {
                    copy(in, target);
                }
                if (executable) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            digests.put(clean, sha.digest());
        }

        /**
         * Reads the entry into memory, then links the previous file if it holds the same bytes, or
         * writes them. Returns whether it linked.
         */
        private boolean linkedOrWritten(InputStream in, Path old, Path target, int size) throws IOException, UnsafeArchiveException {
            if (held.length < size) {
                held = new byte[Math.max(size, Math.min(PreviousTree.MAX_BYTES, 2 * held.length))];
            }
            int n = 0;
            int r;
            while (n < size && (r = in.read(held, n, size - n)) > 0) {
                inflated(held, n, r);
                n += r;
            }
            if (n == size && previous.link(old, target, held, n, buffer)) {
                return true;
            }
            try (OutputStream out = create(target)) {
                out.write(held, 0, n);
                stream(in, out); // an entry longer than its header said: the rest as any other
            }
            return false;
        }

        private void copy(InputStream in, Path target) throws IOException, UnsafeArchiveException {
            try (OutputStream out = create(target)) {
                stream(in, out);
            }
        }

        private void stream(InputStream in, OutputStream out) throws IOException, UnsafeArchiveException {
            int r;
            while ((r = in.read(buffer)) > 0) {
                inflated(buffer, 0, r);
                out.write(buffer, 0, r);
            }
        }

        /** Counts and hashes bytes just read from the entry, refusing the archive past its limits. */
        private void inflated(byte[] b, int off, int len) throws UnsafeArchiveException {
            total += len;
            if (total > limits.maxBytes()) {
                throw new UnsafeArchiveException(name, current, "the archive inflates past " + limits.maxBytes() + " bytes",
                        UnsafeArchiveException.Limit.BYTES);
            }
            if (total > (long) limits.maxRatio() * compressed && total > 1 << 20) {
                throw new UnsafeArchiveException(name, current, "the archive inflates more than " + limits.maxRatio()
                        + " times its size: an archive bomb?", UnsafeArchiveException.Limit.RATIO);
            }
            sha.update(b, off, len);
        }
    }

    private static OutputStream create(Path target) throws IOException {
        return Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    }

    private static void checkKind(String archive, ArchiveEntry e) throws UnsafeArchiveException {
        if (e instanceof TarArchiveEntry t) {
            if (t.isSymbolicLink()) {
                throw new UnsafeArchiveException(archive, t.getName(), "symbolic link (to " + t.getLinkName() + ")");
            }
            if (t.isLink()) {
                throw new UnsafeArchiveException(archive, t.getName(), "hard link (to " + t.getLinkName() + ")");
            }
            if (t.isCharacterDevice() || t.isBlockDevice() || t.isFIFO()) {
                throw new UnsafeArchiveException(archive, t.getName(), "device or FIFO");
            }
            if (!t.isFile() && !t.isDirectory()) {
                throw new UnsafeArchiveException(archive, t.getName(), "not a regular file");
            }
        } else if (e instanceof ZipArchiveEntry z && z.isUnixSymlink()) {
            throw new UnsafeArchiveException(archive, z.getName(), "symbolic link");
        }
    }

    private static String checkName(String archive, String entry, boolean dir) throws UnsafeArchiveException {
        String n = dir && entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry;
        if (n.isEmpty() || n.startsWith("/") || n.indexOf('\\') >= 0 || n.indexOf('\0') >= 0
                || n.length() >= 2 && n.charAt(1) == ':') {
            throw new UnsafeArchiveException(archive, entry, "absolute or malformed path");
        }
        for (String element : n.split("/", -1)) {
            if (element.isEmpty() || element.equals(".") || element.equals("..")) {
                throw new UnsafeArchiveException(archive, entry, "path element '" + element + "' is not allowed");
            }
        }
        return n;
    }

    private static boolean isExecutable(ArchiveEntry e) {
        if (e instanceof TarArchiveEntry t) {
            return (t.getMode() & 0100) != 0;
        }
        if (e instanceof ZipArchiveEntry z) {
            return (z.getUnixMode() & 0100) != 0;
        }
        return false;
    }
}
