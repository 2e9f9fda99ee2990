package dev.gomod.testkit;

import dev.gomod.mod.ModulePath;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A GOPROXY directory written by a test and served to {@code go} as {@code file://}. */
public final class FileGoProxy {
    private final Path dir;

    public FileGoProxy(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    public Path dir() {
        return dir;
    }

    /** The GOPROXY value: a file:// URL (go refuses a bare path). */
    public String url() {
        return dir.toUri().toString().replaceAll("/$", "");
    }

    public FileGoProxy publish(TestModule... modules) throws IOException {
        for (TestModule m : modules) {
            Path v = Files.createDirectories(dir.resolve(ModulePath.escape(m.path())).resolve("@v"));
            String base = ModulePath.escapeVersion(m.version());
            Files.write(v.resolve(base + ".zip"), m.zipBytes());
            Files.write(v.resolve(base + ".mod"), m.goModBytes());
            Files.writeString(v.resolve(base + ".info"), m.infoJson(), StandardCharsets.UTF_8);
            Path list = v.resolve("list");
            if (!Files.exists(list) || !Files.readAllLines(list).contains(m.version())) {
                Files.writeString(list, m.version() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
        return this;
    }

    public Path zip(TestModule m) {
        return dir.resolve(ModulePath.escape(m.path())).resolve("@v").resolve(ModulePath.escapeVersion(m.version()) + ".zip");
    }

    public Path mod(TestModule m) {
        return dir.resolve(ModulePath.escape(m.path())).resolve("@v").resolve(ModulePath.escapeVersion(m.version()) + ".mod");
    }
}
