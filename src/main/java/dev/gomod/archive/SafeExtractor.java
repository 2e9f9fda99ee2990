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
 */
public final class SafeExtractor {
    /** Limits against archive bombs. */
    public record Limits(long maxBytes, int maxEntries, int maxRatio) {
        public static final Limits DEFAULT = new Limits(4L << 30, 500_000, 200);
    }

    /** What was extracted: file count, bytes, and each file's sha256 by entry name (hashed while written). */
    public record Result(int files, long bytes, Map<String, byte[]> sha256) {
    }

    private static final int BUFFER = 1 << 16;

    private final Limits limits;
    private final Predicate<String> layout;

    /**
     * @param layout which entry names the archive may hold (e.g. the bundle's top-level names)
     */
    public SafeExtractor(Limits limits, Predicate<String> layout) {
        this.limits = limits;
        this.layout = layout;
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
        return new Result(x.seen.size(), x.total, x.digests);
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
        private long total;
        private int count;
        // the entry being read, for an archive that breaks in it
        private String current;

        Extraction(String name, Path root, long compressed) {
            this.name = name;
            this.root = root;
            this.compressed = compressed;
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
            if (verifiedDirs.add(parent)) {
                // once per directory: no entry can be a link, so a directory checked once stays inside
                Files.createDirectories(parent);
                if (!parent.toRealPath().startsWith(root)) {
                    throw new UnsafeArchiveException(name, entry, "its directory resolves outside the extraction directory");
                }
            }
            sha.reset();
            total += copy(in, target, name, entry, total, compressed, sha, buffer);
            digests.put(clean, sha.digest());
            if (isExecutable(e)) {
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
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

    private long copy(InputStream in, Path target, String archive, String entry, long before, long compressed, MessageDigest sha,
                      byte[] buf) throws IOException, UnsafeArchiveException {
        long n = 0;
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                n += r;
                long sum = before + n;
                if (sum > limits.maxBytes()) {
                    throw new UnsafeArchiveException(archive, entry, "the archive inflates past " + limits.maxBytes() + " bytes",
                            UnsafeArchiveException.Limit.BYTES);
                }
                if (sum > (long) limits.maxRatio() * compressed && sum > 1 << 20) {
                    throw new UnsafeArchiveException(archive, entry, "the archive inflates more than " + limits.maxRatio()
                            + " times its size: an archive bomb?", UnsafeArchiveException.Limit.RATIO);
                }
                out.write(buf, 0, r);
                sha.update(buf, 0, r);
            }
        }
        return n;
    }
}
