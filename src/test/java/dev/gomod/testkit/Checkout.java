package dev.gomod.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Copies of a module directory, as another checkout of it, or another agent, would have it. */
public final class Checkout {
    private Checkout() {
    }

    /** Every directory and file below {@code from} (attributes kept) into {@code to}, but the relative paths {@code skip} names. */
    public static Path copy(Path from, Path to, Predicate<String> skip) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                String rel = from.relativize(p).toString();
                if (!rel.isEmpty() && skip.test(rel)) {
                    continue;
                }
                Path d = to.resolve(rel);
                if (Files.isDirectory(p)) {
                    Files.createDirectories(d);
                } else {
                    Files.createDirectories(d.getParent());
                    Files.copy(p, d, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

    /** What git holds of a module: everything but vendor/ and target/. */
    public static Path sources(Path from, Path to) throws IOException {
        return copy(from, to, rel -> rel.startsWith("vendor") || rel.startsWith("target"));
    }
}
