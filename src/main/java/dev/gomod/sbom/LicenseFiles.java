package dev.gomod.sbom;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A module's license files: the regular files in its root whose names say license (LICENSE,
 * LICENCE.md, COPYING, UNLICENSE, MIT-LICENSE, …), as go.dev's license check and go-license-detector
 * look for them. Only the root: a license deeper in the tree covers that directory, not the module.
 * {@code go mod vendor} copies such files from each vendored package's directory up to the module's
 * root, so vendor/&lt;module&gt;/ has them when the module does.
 */
public final class LicenseFiles {
    private static final Pattern NAME = Pattern.compile("(un)?licen[cs]e([-._].*)?|copying([-._].*)?|.+[-_]licen[cs]e(\\..*)?");
    private static final long MAX_BYTES = 1 << 20;

    private LicenseFiles() {
    }

    /** The license files of the module in {@code moduleDir}, sorted by name; none when the directory does not exist. */
    public static List<Path> in(Path moduleDir) throws IOException {
        if (!Files.isDirectory(moduleDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(moduleDir)) {
            return s.filter(p -> NAME.matcher(p.getFileName().toString().toLowerCase(Locale.ROOT)).matches())
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }

    /** The licenses found in the module's license files, by file name, then id. */
    public static List<FoundLicense> detect(Path moduleDir, LicenseMatcher matcher) throws IOException {
        List<FoundLicense> out = new ArrayList<>();
        for (Path f : in(moduleDir)) {
            String text = read(f);
            if (text == null) {
                continue;
            }
            for (LicenseMatcher.Match m : matcher.match(text)) {
                out.add(new FoundLicense(m.id(), f.getFileName().toString(), m.whole(), m.confidence()));
            }
        }
        out.sort(Comparator.comparing(FoundLicense::file).thenComparing(FoundLicense::id));
        return out;
    }

    // UTF-8, else Latin-1 (old license files); a file too large to be a license is no license file.
    private static String read(Path f) throws IOException {
        if (Files.size(f) > MAX_BYTES) {
            return null;
        }
        byte[] data = Files.readAllBytes(f);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            return new String(data, StandardCharsets.ISO_8859_1);
        }
    }
}
