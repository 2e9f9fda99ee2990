package dev.gomod.report;

import dev.gomod.mod.ModulesTxt;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How many files and bytes each module puts in the vendor tree: go mod vendor copies a module's
 * packages to {@code vendor/<module path>/<package dir>}, so a file belongs to the module whose path is
 * the longest prefix of its directory (a nested module, such as {@code x/y/v2} under {@code x/y}, keeps
 * its own files). The modules are vendor/modules.txt's, so a module the SBOM lists but the build takes
 * no package from has no entry.
 *
 * @param byModule files and bytes per module path
 */
public record VendoredBytes(SortedMap<String, Size> byModule) {
    public static final VendoredBytes NONE = new VendoredBytes(Collections.emptySortedMap());

    /** Files and bytes. */
    public record Size(long files, long bytes) {
        Size plus(long b) {
            return new Size(files + 1, bytes + b);
        }
    }

    public Size total() {
        return byModule.values().stream().reduce(new Size(0, 0), (a, b) -> new Size(a.files + b.files, a.bytes + b.bytes));
    }

    /** Measures {@code vendorDir}; NONE when it has no modules.txt. */
    public static VendoredBytes measure(Path vendorDir) throws IOException {
        Path list = vendorDir.resolve("modules.txt");
        if (!Files.isRegularFile(list)) {
            return NONE;
        }
        Set<String> modules = new TreeSet<>();
        for (ModulesTxt.Module m : ModulesTxt.parse(Files.readAllBytes(list)).withPackages()) {
            modules.add(m.module().path());
        }
        SortedMap<String, Size> out = new TreeMap<>();
        // the walk's own attributes give each size: one stat per file
        Files.walkFileTree(vendorDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                Path dir = vendorDir.relativize(f).getParent();
                String owner = attrs.isRegularFile() ? owner(dir == null ? "" : dir.toString().replace('\\', '/'), modules) : null;
                if (owner != null) {
                    out.merge(owner, new Size(1, attrs.size()), (x, y) -> x.plus(y.bytes));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return new VendoredBytes(Collections.unmodifiableSortedMap(out));
    }

    /** The module whose path is the longest prefix of {@code dir} (whole elements), or null. */
    static String owner(String dir, Set<String> modules) {
        for (String d = dir; !d.isEmpty(); d = d.contains("/") ? d.substring(0, d.lastIndexOf('/')) : "") {
            if (modules.contains(d)) {
                return d;
            }
        }
        return null;
    }
}
