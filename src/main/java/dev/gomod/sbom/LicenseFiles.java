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
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A module's license files: the regular files in its root whose names say license (LICENSE,
 * LICENCE.md, LICENSE.BSD, LICENSE.MPL-2.0, COPYING, COPYING.md, UNLICENSE, MIT-LICENSE, …), as go.dev's license check and go-license-detector
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

    /**
     * What a module's license files say, of their texts ({@link #texts}): each file's text matched by
     * {@code matcher}, and its SPDX-License-Identifier lines. A file the matcher could not finish is
     * undetermined, never an exception.
     */
    public static ModuleLicenses detect(SortedMap<String, String> texts, LicenseMatcher matcher) {
        List<FoundLicense> found = new ArrayList<>();
        List<LicenseDeclaration> declarations = new ArrayList<>();
        List<ModuleLicenses.Undetermined> undetermined = new ArrayList<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            String name = e.getKey();
            String text = e.getValue();
            LicenseMatcher.Answer a = matcher.match(text);
            for (LicenseMatcher.Match m : a.matches()) {
                found.add(new FoundLicense(m.id(), name, m.how(), m.confidence()));
            }
            if (!a.determined()) {
                undetermined.add(new ModuleLicenses.Undetermined(name, a.failure()));
            }
            declarations.addAll(LicenseDeclaration.find(text, name));
        }
        found.sort(Comparator.comparing(FoundLicense::file).thenComparing(FoundLicense::id));
        return new ModuleLicenses(found, declarations, undetermined);
    }

    /** The texts of the module's license files, by file name; a file too large to be a license is left out. */
    public static SortedMap<String, String> texts(Path moduleDir) throws IOException {
        SortedMap<String, String> out = new TreeMap<>();
        for (Path f : in(moduleDir)) {
            String text = read(f);
            if (text != null) {
                out.put(f.getFileName().toString(), text);
            }
        }
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
