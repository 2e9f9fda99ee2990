package dev.gomod.bundle;

import dev.gomod.lock.GoModLock;
import dev.gomod.mod.FormatException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code gomod-manifest.txt}, at the root of every bundle: what the bundle holds and the hashes a
 * restore checks. Line-oriented like gomod.lock:
 * <pre>
 * bundle 1
 * kind vendor                                  (or modcache)
 * module example.com/hello
 * go 1.19
 * toolchain go1.21.0                           (when go.mod has one)
 * vendored-by go1.19.8                         (vendor bundles)
 * go.mod sha256:&lt;hex&gt;
 * go.sum sha256:&lt;hex&gt;                           (or none)
 * tree h1:&lt;base64&gt;                              (vendor/ tree hash, or the module cache's)
 * files 22
 * sbom sha256:&lt;hex&gt; demo-1.0-go-cyclonedx.json  (when gomod:sbom wrote one before the bundle was packed)
 * require example.com/a v1.0.0 explicit packages=1
 * require example.com/b v1.1.0 =&gt; example.com/c v1.0.0 explicit packages=1
 * require example.com/z v1.2.0 h1:&lt;base64&gt;          (modcache: each module zip's hash)
 * </pre>
 * A bundle of a go.work workspace says so, names every used module on its {@code module} line, and
 * pins go.work's files with the lock's own lines instead of go.mod and go.sum:
 * <pre>
 * workspace go.work
 * module example.com/ws/api example.com/ws/app
 * go.work sha256:&lt;hex&gt;
 * go.work.sum sha256:&lt;hex&gt;                      (or none)
 * use api example.com/ws/api sha256:&lt;go.mod hex&gt; sha256:&lt;go.sum hex&gt;
 * </pre>
 * A bundle that serves any module ({@link BundleLayout#ofWorkspace}: the vulnerability database)
 * has no {@code module}, {@code go}, {@code go.mod} or {@code go.sum} line.
 *
 * @param modulePath the module (in workspace mode, every used one); null in a bundle of no workspace
 * @param work in workspace mode what go.work pins (then goModSha256 and goSumSha256 are null); null for one module
 * @param sbom the SBOM of the same dependency set, {@code sha256:<hex> <file name>}, or null
 */
public record BundleManifest(String kind, String modulePath, String goVersion, String toolchain, String vendoredBy,
                             String goModSha256, String goSumSha256, String treeHash, int files, List<String> modules,
                             GoModLock.Work work, String sbom) {
    public static final String FILE = "gomod-manifest.txt";
    public static final String VENDOR = "vendor";
    public static final String MODCACHE = "modcache";

    public byte[] toBytes() {
        StringBuilder b = new StringBuilder("# gomod bundle manifest, written by gomod-maven-plugin\n");
        b.append("bundle 1\n");
        b.append("kind ").append(kind).append('\n');
        if (work != null) {
            b.append("workspace go.work\n");
        }
        line(b, "module", modulePath);
        line(b, "go", goVersion);
        line(b, "toolchain", toolchain);
        line(b, "vendored-by", vendoredBy);
        if (work != null) {
            work.appendLines(b);
        } else if (modulePath != null) { // a bundle of no workspace (a vulnerability database) pins no workspace files
            b.append("go.mod sha256:").append(goModSha256).append('\n');
            b.append("go.sum ").append("none".equals(goSumSha256) ? "none" : "sha256:" + goSumSha256).append('\n');
        }
        b.append("tree ").append(treeHash).append('\n');
        b.append("files ").append(files).append('\n');
        line(b, "sbom", sbom);
        for (String m : modules) {
            b.append("require ").append(m).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder b, String key, String value) {
        if (value != null) {
            b.append(key).append(' ').append(value).append('\n');
        }
    }

    public static BundleManifest parse(String file, byte[] data) throws FormatException {
        Map<String, String> v = new LinkedHashMap<>();
        List<String> modules = new ArrayList<>();
        List<GoModLock.Use> uses = new ArrayList<>();
        String[] lines = new String(data, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int sp = l.indexOf(' ');
            if (sp <= 0) {
                throw new FormatException(file, i + 1, "malformed manifest line: " + l);
            }
            String key = l.substring(0, sp);
            String value = l.substring(sp + 1).strip();
            if (key.equals("require")) {
                modules.add(value);
            } else if (key.equals("use")) {
                uses.add(GoModLock.Use.parse(file, i + 1, value));
            } else if (v.put(key, value) != null) {
                throw new FormatException(file, i + 1, "repeated key '" + key + "'");
            }
        }
        if (!"1".equals(v.get("bundle"))) {
            throw new FormatException(file, 0, "not a bundle manifest of format 1");
        }
        boolean workspace = v.containsKey("workspace");
        boolean ofNone = !workspace && !v.containsKey("module");
        for (String k : workspace ? List.of("kind", "module", "go.work", "go.work.sum", "tree", "files")
                : ofNone ? List.of("kind", "tree", "files") : List.of("kind", "module", "go.mod", "go.sum", "tree", "files")) {
            if (!v.containsKey(k)) {
                throw new FormatException(file, 0, "missing '" + k + "' line");
            }
        }
        if (workspace == uses.isEmpty()) {
            throw new FormatException(file, 0, workspace ? "a workspace bundle needs its 'use' lines" : "'use' lines without a 'workspace go.work' line");
        }
        GoModLock.Work work = workspace ? new GoModLock.Work(strip(v.get("go.work")), strip(v.get("go.work.sum")), uses) : null;
        try {
            return new BundleManifest(v.get("kind"), v.get("module"), v.get("go"), v.get("toolchain"), v.get("vendored-by"),
                    workspace || ofNone ? null : strip(v.get("go.mod")), workspace || ofNone ? null : strip(v.get("go.sum")), v.get("tree"),
                    Integer.parseInt(v.get("files")), List.copyOf(modules), work, v.get("sbom"));
        } catch (NumberFormatException e) {
            throw new FormatException(file, 0, "files is not a number: " + v.get("files"));
        }
    }

    private static String strip(String digest) {
        return digest.startsWith("sha256:") ? digest.substring(7) : digest;
    }
}
