package dev.gomod.archive;

import dev.gomod.AtomicFile;

import dev.gomod.hash.DirHash;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.zip.Deflater;

/**
 * Writes tar.gz or zip archives whose bytes depend only on the entries' names, contents and
 * executable bits and on one timestamp: entries sorted by UTF-8 bytes, no directory entries, modes
 * 0644/0755, uid/gid 0 with empty names, one mtime, gzip header without time and with OS "unknown"
 * (compressed on all cores, see {@link ParallelGzipOutputStream}), PAX headers for
 * long and non-ASCII names. The file appears atomically (written beside the target, then renamed).
 */
public final class ReproducibleArchive {
    /** The archive formats. */
    public enum Format {
        TAR_GZ("tar.gz"), ZIP("zip");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** The file extension, which is also the Maven artifact type. */
        public String extension() {
            return extension;
        }

        public static Format of(String s) {
            for (Format f : values()) {
                if (f.extension.equalsIgnoreCase(s)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown archive format '" + s + "': use tar.gz or zip");
        }
    }

    /** gzip -6, the level of the tar|gzip recipes this replaces. */
    private static final int GZIP_LEVEL = 6;
    private static final int BUFFER = 1 << 16;

    private ReproducibleArchive() {
    }

    /** Writes {@code entries} (any order; names must be unique) to {@code target} with every mtime set to {@code time}. */
    public static void write(Path target, Format format, List<ArchiveEntry> entries, Instant time) throws IOException {
        List<ArchiveEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(ArchiveEntry::name, DirHash.UTF8_ORDER));
        Set<String> seen = new HashSet<>();
        for (ArchiveEntry e : sorted) {
            if (!seen.add(e.name())) {
                throw new IOException("duplicate archive entry " + e.name());
            }
        }
        Instant whole = Instant.ofEpochSecond(time.getEpochSecond());
        AtomicFile.write(target, tmp -> {
            if (format == Format.TAR_GZ) {
                writeTarGz(tmp, sorted, whole);
            } else {
                writeZip(tmp, sorted, whole);
            }
        });
    }

    private static void writeTarGz(Path file, List<ArchiveEntry> entries, Instant time) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER);
             ParallelGzipOutputStream gzip = new ParallelGzipOutputStream(out, GZIP_LEVEL, Runtime.getRuntime().availableProcessors());
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip, BUFFER, "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            for (ArchiveEntry e : entries) {
                // Never built from a File/Path: that would copy owner and times into PAX headers.
                TarArchiveEntry t = new TarArchiveEntry(e.name(), true);
                t.setSize(e.size());
                t.setMode(e.mode());
                t.setUserId(0);
                t.setGroupId(0);
                t.setUserName("");
                t.setGroupName("");
                t.setModTime(time.toEpochMilli());
                tar.putArchiveEntry(t);
                copy(e, tar);
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }

    private static void writeZip(Path file, List<ArchiveEntry> entries, Instant time) throws IOException {
        // DOS times are local times: shift by the zone offset so the stored bytes are the same in every zone.
        long millis = time.toEpochMilli();
        long dosLocal = millis - TimeZone.getDefault().getOffset(millis);
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) { // seekable: no data descriptors
            zip.setEncoding("UTF-8");
            zip.setUseLanguageEncodingFlag(true);
            zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            zip.setMethod(ZipArchiveOutputStream.DEFLATED);
            for (ArchiveEntry e : entries) {
                ZipArchiveEntry z = new ZipArchiveEntry(e.name());
                z.setTime(dosLocal);
                z.setUnixMode(e.mode());
                z.setSize(e.size());
                zip.putArchiveEntry(z);
                copy(e, zip);
                zip.closeArchiveEntry();
            }
            zip.finish();
        }
    }

    private static void copy(ArchiveEntry e, OutputStream out) throws IOException {
        long n;
        try (InputStream in = e.source().open()) {
            n = in.transferTo(out);
        }
        if (n != e.size()) {
            throw new IOException(e.name() + " changed while it was archived (" + e.size() + " bytes expected, " + n + " read)");
        }
    }
}
