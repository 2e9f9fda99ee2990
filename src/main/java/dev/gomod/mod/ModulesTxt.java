package dev.gomod.mod;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * vendor/modules.txt as {@code go mod vendor} writes it (Go 1.11 through current):
 * <pre>
 * ## workspace                                (go work vendor, Go 1.22+)
 * # example.com/a v1.2.3                      a module
 * # example.com/b v1.0.0 =&gt; example.com/c v1.1.0   a module replacement
 * # example.com/d v0.0.0 =&gt; ./d               a directory replacement
 * ## explicit; go 1.17                        metadata, unioned over lines
 * example.com/a/pkg                           a vendored package
 * # example.com/e =&gt; ../e                     a replacement with no packages (at the end)
 * </pre>
 * Read like cmd/go's readVendorList: lines it does not understand are skipped, not errors, because
 * newer Go may add annotations.
 */
public final class ModulesTxt {
    /** One {@code #} module line and what follows it. */
    public static final class Module {
        private final ModuleVersion module;
        private ModuleVersion replacement;
        private boolean explicit;
        private String goVersion;
        private final List<String> packages = new ArrayList<>();
        private final int line;

        Module(ModuleVersion module, int line) {
            this.module = module;
            this.line = line;
        }

        /** The module as required; the version is empty for a path-wide replacement line. */
        public ModuleVersion module() {
            return module;
        }

        /** What replaces it; a directory replacement has an empty version. */
        public Optional<ModuleVersion> replacement() {
            return Optional.ofNullable(replacement);
        }

        public boolean explicit() {
            return explicit;
        }

        /** The go version of the module's go.mod ({@code ## go 1.17}, Go 1.17+). */
        public Optional<String> goVersion() {
            return Optional.ofNullable(goVersion);
        }

        public List<String> packages() {
            return List.copyOf(packages);
        }

        /** 1-based line of the {@code #} line. */
        public int line() {
            return line;
        }
    }

    private final boolean workspace;
    private final List<Module> modules;

    private ModulesTxt(boolean workspace, List<Module> modules) {
        this.workspace = workspace;
        this.modules = modules;
    }

    public static ModulesTxt parse(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        Map<ModuleVersion, Module> byModule = new LinkedHashMap<>();
        boolean workspace = false;
        Module current = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("# ")) {
                String[] f = line.trim().split("\\s+");
                current = null;
                if (f.length < 3) {
                    continue;
                }
                ModuleVersion mv;
                int rest;
                if (Semver.isValid(f[2])) {
                    mv = new ModuleVersion(f[1], f[2]);
                    rest = 3;
                } else if (f[2].equals("=>")) {
                    mv = new ModuleVersion(f[1], "");
                    rest = 2;
                } else {
                    continue;
                }
                final int lineNo = i + 1;
                current = byModule.computeIfAbsent(mv, k -> new Module(k, lineNo));
                int left = f.length - rest;
                if (left >= 2 && f[rest].equals("=>")) {
                    if (left == 2) {
                        current.replacement = new ModuleVersion(f[rest + 1], "");
                    } else if (left == 3 && Semver.isValid(f[rest + 2])) {
                        current.replacement = new ModuleVersion(f[rest + 1], f[rest + 2]);
                    }
                }
                continue;
            }
            if (line.startsWith("## ")) {
                if (current == null) {
                    // as modload.modulesTextIsForWorkspace: the first line's annotations only
                    if (i == 0 && java.util.Arrays.stream(line.substring(3).split(";")).anyMatch(e -> e.trim().equals("workspace"))) {
                        workspace = true;
                    }
                    continue;
                }
                for (String entry : line.substring(3).split(";")) {
                    entry = entry.trim();
                    if (entry.equals("explicit")) {
                        current.explicit = true;
                    } else if (entry.startsWith("go ")) {
                        current.goVersion = entry.substring(3).trim();
                    }
                }
                continue;
            }
            if (current == null) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            if (f.length == 1 && !f[0].isEmpty() && ModulePath.checkImportPath(f[0]) == null) {
                current.packages.add(f[0]);
            }
        }
        return new ModulesTxt(workspace, List.copyOf(byModule.values()));
    }

    /** True when written by {@code go work vendor}: consistency is then with go.work, not go.mod. */
    public boolean workspace() {
        return workspace;
    }

    /** Every module line in file order, including replacement-only lines. */
    public List<Module> modules() {
        return modules;
    }

    /** Modules that provide vendored packages: the part of the build list that vendor/ holds. */
    public List<Module> withPackages() {
        return modules.stream().filter(m -> !m.packages.isEmpty()).toList();
    }

    public Optional<Module> find(ModuleVersion mv) {
        return modules.stream().filter(m -> m.module.equals(mv)).findFirst();
    }

    /** The version whose packages are vendored for {@code path}, if any. */
    public Optional<String> vendoredVersion(String path) {
        return withPackages().stream()
                .filter(m -> m.module.path().equals(path))
                .map(m -> m.module.version())
                .max(Semver.ORDER);
    }

    /** Total number of vendored packages. */
    public int packageCount() {
        return modules.stream().mapToInt(m -> m.packages.size()).sum();
    }
}
