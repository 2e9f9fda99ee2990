package dev.gomod.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A Go module made up in a test: its path, version, go.mod and files. Knows how a proxy serves it
 * (the module zip, the .mod, the .info), so tests never need the network.
 */
public final class TestModule {
    private final String path;
    private final String version;
    private final Map<String, byte[]> files = new TreeMap<>();
    private final Map<String, String> requires = new TreeMap<>();
    private String goVersion = "1.17";
    private String goModOverride;
    private boolean withGoMod = true;

    private TestModule(String path, String version) {
        this.path = path;
        this.version = version;
    }

    public static TestModule of(String path, String version) {
        return new TestModule(path, version);
    }

    public String path() {
        return path;
    }

    public String version() {
        return version;
    }

    public TestModule file(String rel, String content) {
        return file(rel, content.getBytes(StandardCharsets.UTF_8));
    }

    public TestModule file(String rel, byte[] content) {
        files.put(rel, content);
        return this;
    }

    /** A Go file declaring package {@code pkg} in directory {@code dir} ("" for the root). */
    public TestModule goPackage(String dir, String pkg, String... imports) {
        StringBuilder b = new StringBuilder("package ").append(pkg).append("\n\n");
        for (String imp : imports) {
            b.append("import _ \"").append(imp).append("\"\n");
        }
        b.append("\n// Name says which module this is.\nfunc Name() string { return \"").append(path).append("/").append(dir).append("\" }\n");
        return file(dir.isEmpty() ? pkg + ".go" : dir + "/" + pkg + ".go", b.toString());
    }

    public TestModule require(String modPath, String modVersion) {
        requires.put(modPath, modVersion);
        return this;
    }

    public TestModule go(String v) {
        this.goVersion = v;
        return this;
    }

    /** Replaces the generated go.mod text (for forks that keep their upstream module line). */
    public TestModule goMod(String text) {
        this.goModOverride = text;
        return this;
    }

    /** No go.mod in the zip, as for {@code +incompatible} versions; the proxy synthesizes one. */
    public TestModule withoutGoMod() {
        this.withGoMod = false;
        return this;
    }

    /** The go.mod the proxy serves as {@code <version>.mod}. */
    public byte[] goModBytes() {
        if (!withGoMod) {
            return ("module " + path + "\n").getBytes(StandardCharsets.UTF_8);
        }
        if (goModOverride != null) {
            return goModOverride.getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder b = new StringBuilder("module ").append(path).append("\n\ngo ").append(goVersion).append('\n');
        if (!requires.isEmpty()) {
            b.append("\nrequire (\n");
            requires.forEach((p, v) -> b.append('\t').append(p).append(' ').append(v).append('\n'));
            b.append(")\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Every file of the module tree, go.mod included, by relative path. */
    public Map<String, byte[]> tree() {
        Map<String, byte[]> all = new TreeMap<>(files);
        if (withGoMod) {
            all.put("go.mod", goModBytes());
        }
        return all;
    }

    /** The module zip as a proxy serves it: entries {@code path@version/rel}, no directory entries. */
    public byte[] zipBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> e : new ArrayList<>(tree().entrySet())) {
                ZipEntry entry = new ZipEntry(path + "@" + version + "/" + e.getKey());
                entry.setTime(0);
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public String infoJson() {
        return "{\"Version\":\"" + version + "\",\"Time\":\"2024-01-01T00:00:00Z\"}";
    }

    @Override
    public String toString() {
        return path + "@" + version;
    }
}
