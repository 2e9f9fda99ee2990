package dev.gomod.hash;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Go's {@code h1:} hash. For each file, sorted by name in UTF-8 byte order, one line
 * {@code hex(sha256(content)) + "  " + name + "\n"}; the result is {@code "h1:"} and the standard
 * base64 of the sha256 of all lines.
 */
public final class DirHash {
    /** The prefix Go writes before Hash1 values. */
    public static final String PREFIX = "h1:";

    /** UTF-8 byte order equals code point order; Java's String order is UTF-16 code units. */
    public static final Comparator<String> UTF8_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    /** A file to hash: its name in the hash and how to open its content. */
    public interface Source {
        String name();

        InputStream open() throws IOException;
    }

    /** A named file on disk. */
    public record FileSource(String name, Path path) implements Source {
        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }
    }

    private DirHash() {
    }

    /** Hash1 of files given with their names. Names must not contain a newline. */
    public static String hash(List<? extends Source> files) throws IOException {
        List<Source> sorted = sorted(files);
        List<byte[]> digests = new ArrayList<>(sorted.size());
        for (Source f : sorted) {
            try (InputStream in = f.open()) {
                digests.add(Sha256.digest(in));
            }
        }
        return summary(sorted.stream().map(Source::name).toList(), digests);
    }

    /**
     * Hash1 of files on disk, their sha256 computed on {@code threads} threads. The result is the same
     * as {@link #hash}: only the per-file digests run in parallel, the summary is built in order.
     */
    public static String hashParallel(List<FileSource> files, int threads) throws IOException {
        if (threads <= 1 || files.size() < 64) {
            return hash(files);
        }
        List<Source> sorted = sorted(files);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gomod-hash");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<byte[]>> digests = new ArrayList<>(sorted.size());
            for (Source f : sorted) {
                digests.add(pool.submit(() -> {
                    try (InputStream in = f.open()) {
                        return Sha256.digest(in);
                    }
                }));
            }
            List<byte[]> done = new ArrayList<>(digests.size());
            for (Future<byte[]> d : digests) {
                done.add(d.get());
            }
            return summary(sorted.stream().map(Source::name).toList(), done);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while hashing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Hash1 from digests already computed (say while the files were written), by file name. */
    public static String fromDigests(java.util.Map<String, byte[]> sha256ByName) throws IOException {
        List<String> names = new ArrayList<>(sha256ByName.keySet());
        names.sort(UTF8_ORDER);
        return summary(names, names.stream().map(sha256ByName::get).toList());
    }

    /**
     * Hash1 of every regular file below {@code dir}, each named {@code prefix + "/" + relative path}
     * ({@code prefix} may be empty). Symbolic links and other non-regular files are refused: Go's
     * module trees never hold them and following them would hash something outside the tree.
     */
    public static String hashDir(Path dir, String prefix) throws IOException {
        return hashParallel(listDir(dir, prefix), Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** The files {@link #hashDir} hashes, with their names. */
    public static List<FileSource> listDir(Path dir, String prefix) throws IOException {
        List<FileSource> files = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (!attrs.isRegularFile() || Files.isSymbolicLink(file)) {
                    throw new IOException(file + " is not a regular file");
                }
                files.add(new FileSource(prefix.isEmpty() ? rel : prefix + "/" + rel, file));
                return FileVisitResult.CONTINUE;
            }

        });
        return files;
    }

    /**
     * Hash1 of a module zip: every entry under its stored name. Go hashes directory entries as empty
     * files, so they are hashed here too, to give exactly the value go.sum holds.
     */
    public static String hashZip(Path zip) throws IOException {
        try (ZipFile zf = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            List<Source> files = new ArrayList<>();
            Enumeration<? extends ZipEntry> en = zf.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                files.add(new Source() {
                    @Override
                    public String name() {
                        return e.getName();
                    }

                    @Override
                    public InputStream open() throws IOException {
                        return e.isDirectory() ? InputStream.nullInputStream() : zf.getInputStream(e);
                    }
                });
            }
            return hash(files);
        }
    }

    /** The hash of a go.mod file as go.sum's {@code /go.mod} lines record it: one file named {@code go.mod}. */
    public static String hashGoMod(byte[] content) {
        try {
            return hash(List.of(new Source() {
                @Override
                public String name() {
                    return "go.mod";
                }

                @Override
                public InputStream open() {
                    return new ByteArrayInputStream(content);
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Source> sorted(List<? extends Source> files) {
        List<Source> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(Source::name, UTF8_ORDER));
        return sorted;
    }

    /** The Hash1 summary: one {@code hex(sha256)  name} line per file, in the given (sorted) order. */
    private static String summary(List<String> names, List<byte[]> digests) throws IOException {
        StringBuilder lines = new StringBuilder(names.size() * 100);
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n.indexOf('\n') >= 0) {
                throw new IOException("file name contains a newline: " + n.replace("\n", "\\n"));
            }
            lines.append(HexFormat.of().formatHex(digests.get(i))).append("  ").append(n).append('\n');
        }
        return finish(lines);
    }

    private static String finish(CharSequence lines) {
        MessageDigest md = Sha256.newDigest();
        byte[] summary = md.digest(lines.toString().getBytes(StandardCharsets.UTF_8));
        return PREFIX + Base64.getEncoder().encodeToString(summary);
    }
}
