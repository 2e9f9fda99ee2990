package dev.gomod.hash;

import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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

    /**
     * UTF-8 byte order, which is code point order. Java's String order is UTF-16 code units: the two
     * differ only where one string has a surrogate (a code point above U+FFFF) and the other a unit
     * from U+E000 up, so the first differing units decide, the surrogate being the larger. Compared
     * unit by unit rather than by code point because sorting names is on every hash's path.
     */
    public static final Comparator<String> UTF8_ORDER = (a, b) -> {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                boolean sa = Character.isSurrogate(ca);
                if (sa != Character.isSurrogate(cb)) {
                    return sa ? 1 : -1;
                }
                return ca - cb;
            }
        }
        return a.length() - b.length();
    };

    /** A file to hash: its name in the hash and how to open its content. */
    public interface Source {
        String name();

        InputStream open() throws IOException;

        /** The content's sha256, with a digest and buffer the caller reuses from file to file. */
        default byte[] digest(MessageDigest md, byte[] buffer) throws IOException {
            try (InputStream in = open()) {
                return Sha256.digest(in, md, buffer);
            }
        }
    }

    /** A named file on disk. */
    public record FileSource(String name, Path path) implements Source {
        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }

        /** Read with a plain FileInputStream: fewer layers than a channel for thousands of small files. */
        @Override
        public byte[] digest(MessageDigest md, byte[] buffer) throws IOException {
            try (InputStream in = new FileInputStream(path.toFile())) {
                return Sha256.digest(in, md, buffer);
            }
        }
    }

    private DirHash() {
    }

    /** Hash1 of files given with their names. Names must not contain a newline. */
    public static String hash(List<? extends Source> files) throws IOException {
        List<Source> sorted = sorted(files);
        List<byte[]> digests = new ArrayList<>(sorted.size());
        MessageDigest md = Sha256.newDigest();
        byte[] buffer = new byte[Sha256.BUFFER];
        for (Source f : sorted) {
            digests.add(f.digest(md, buffer));
        }
        return summary(sorted.stream().map(Source::name).toList(), digests);
    }

    /**
     * Hash1 of files on disk, their sha256 computed on {@code threads} threads. The result is the same
     * as {@link #hash}: only the per-file digests run in parallel, the summary is built in order.
     */
    public static String hashParallel(List<? extends Source> files, int threads) throws IOException {
        if (threads <= 1 || files.size() < 64) {
            return hash(files);
        }
        List<Source> sorted = sorted(files);
        return summary(sorted.stream().map(Source::name).toList(), Arrays.asList(digests(sorted, threads)));
    }

    /** Each file's sha256, in the order given, computed on {@code threads} threads. */
    public static byte[][] digests(List<? extends Source> files, int threads) throws IOException {
        // One reused digest and buffer per thread, files taken in turn from a shared counter: a
        // fresh JVM (every mvn) pays for each object and task per file before the JIT catches up.
        byte[][] digests = new byte[files.size()][];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<IOException> failed = new AtomicReference<>();
        Runnable worker = () -> {
            MessageDigest md = Sha256.newDigest();
            byte[] buffer = new byte[Sha256.BUFFER];
            for (int i = next.getAndIncrement(); i < digests.length && failed.get() == null; i = next.getAndIncrement()) {
                try {
                    digests[i] = files.get(i).digest(md, buffer);
                } catch (IOException e) {
                    failed.compareAndSet(null, e);
                }
            }
        };
        List<Thread> helpers = new ArrayList<>();
        for (int t = 1; t < threads && t < files.size(); t++) {
            Thread helper = new Thread(worker, "gomod-hash");
            helper.setDaemon(true);
            helper.start();
            helpers.add(helper);
        }
        worker.run();
        try {
            for (Thread helper : helpers) {
                helper.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed.compareAndSet(null, new IOException("interrupted while hashing", e));
            helpers.forEach(Thread::interrupt);
        }
        if (failed.get() != null) {
            throw failed.get();
        }
        return digests;
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
        // each directory's name in the hash, built as the walk descends: no relativize per file
        ArrayDeque<String> names = new ArrayDeque<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                names.push(names.isEmpty() ? prefix : join(names.peek(), d.getFileName().toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                // the walk does not follow links, so a link's attributes are its own: not a regular file
                if (!attrs.isRegularFile()) {
                    throw new IOException(file + " is not a regular file");
                }
                files.add(new FileSource(join(names.peek(), file.getFileName().toString()), file));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                names.pop();
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    private static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir.concat("/").concat(name);
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
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n.indexOf('\n') >= 0) {
                throw new IOException("file name contains a newline: " + n.replace("\n", "\\n"));
            }
            lines.append(hex.formatHex(digests.get(i))).append("  ").append(n).append('\n');
        }
        return finish(lines);
    }

    private static String finish(CharSequence lines) {
        MessageDigest md = Sha256.newDigest();
        byte[] summary = md.digest(lines.toString().getBytes(StandardCharsets.UTF_8));
        return PREFIX + Base64.getEncoder().encodeToString(summary);
    }
}
