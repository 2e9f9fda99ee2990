package dev.gomod.sbom;

import dev.gomod.AtomicFile;
import dev.gomod.hash.Sha256;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link LicenseMatcher}'s answers kept on disk between builds, one small file per license text:
 * comparing a text with its candidates costs the SPDX library 20 ms to 3 s, and the same texts
 * (Apache-2.0 with one copyright line, the Go authors' BSD-3-Clause) come back in every build of
 * every project on a machine.
 *
 * <p>An answer is a function of the text, the license list, the library and the way this plugin asks
 * it, so the key is the text's SHA-256 under a directory named for the other three: a new library or
 * list starts a new directory. A file that cannot be read back is ignored and answered again. Files
 * are written whole or not at all, so concurrent builds sharing the directory see one or the other.
 *
 * <p>The format, one line each: {@code match <id> <whole|within|notice> <confidence>}, and
 * {@code failure <text>} when a comparison failed.
 */
public final class LicenseAnswerCache {
    private final Path root;
    private volatile Path dir;

    /** A cache under {@code root}. Reads nothing yet: the license list's version is asked at the first answer. */
    public LicenseAnswerCache(Path root) {
        this.root = root;
    }

    /** The directory of this list's and library's answers (reading the license list, once per JVM, to name it). */
    public Path dir() {
        Path d = dir;
        if (d == null) {
            d = root.resolve(LicenseMatcher.answerVersion());
            dir = d;
        }
        return d;
    }

    Optional<LicenseMatcher.Answer> get(String text) {
        Path f = file(text);
        try {
            if (!Files.isRegularFile(f)) {
                return Optional.empty();
            }
            List<LicenseMatcher.Match> matches = new ArrayList<>();
            String failure = null;
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (line.startsWith("match ")) {
                    String[] p = line.split(" ");
                    if (p.length != 4) {
                        return Optional.empty();
                    }
                    matches.add(new LicenseMatcher.Match(p[1], how(p[2]), Double.parseDouble(p[3])));
                } else if (line.startsWith("failure ")) {
                    failure = line.substring("failure ".length());
                } else if (!line.isEmpty()) {
                    return Optional.empty();
                }
            }
            return Optional.of(new LicenseMatcher.Answer(List.copyOf(matches), failure));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable: answered again, and written anew
        }
    }

    void put(String text, LicenseMatcher.Answer answer) {
        StringBuilder b = new StringBuilder();
        for (LicenseMatcher.Match m : answer.matches()) {
            b.append("match ").append(m.id()).append(' ').append(m.how().id()).append(' ')
                    .append(String.format(Locale.ROOT, "%.2f", m.confidence())).append('\n');
        }
        if (answer.failure() != null) {
            b.append("failure ").append(answer.failure().replace('\n', ' ')).append('\n');
        }
        try {
            Files.createDirectories(dir());
            AtomicFile.write(file(text), b.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // a cache that cannot be written only costs the next build the comparison
        }
    }

    private Path file(String text) {
        return dir().resolve(Sha256.hex(text.getBytes(StandardCharsets.UTF_8)) + ".txt");
    }

    private static LicenseMatcher.How how(String id) {
        for (LicenseMatcher.How h : LicenseMatcher.How.values()) {
            if (h.id().equals(id)) {
                return h;
            }
        }
        throw new IllegalArgumentException(id);
    }
}
