package dev.gomod.freeze;

import dev.gomod.gotool.GoCommand;
import dev.gomod.gotool.GoException;
import dev.gomod.mod.ModuleVersion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The module build list, as {@code go list -m all} computes it. */
public final class BuildList {
    /**
     * One module of the build list. {@code replacement} is null when not replaced; {@code dir} is where
     * go has its files (a main module, a directory replacement, a module already extracted in the
     * module cache), else empty.
     */
    public record Module(ModuleVersion module, ModuleVersion replacement, boolean main, boolean indirect, String dir) {
        /** Whose code the build uses: the replacement, or the module itself. */
        public ModuleVersion code() {
            return replacement != null ? replacement : module;
        }

        /** The report line: {@code path version [=> replacement] [// indirect]}. */
        public String line() {
            StringBuilder b = new StringBuilder(module.path());
            if (!module.version().isEmpty()) {
                b.append(' ').append(module.version());
            }
            if (replacement != null) {
                b.append(" => ").append(replacement.path());
                if (!replacement.version().isEmpty()) {
                    b.append(' ').append(replacement.version());
                }
            }
            if (indirect) {
                b.append(" // indirect");
            }
            return b.toString();
        }
    }

    // A template instead of -json: the fields we need, tab-separated, without a JSON parser.
    private static final String TEMPLATE = "{{.Path}}\t{{.Version}}\t{{with .Replace}}{{.Path}}\t{{.Version}}{{else}}\t{{end}}\t{{.Main}}\t{{.Indirect}}\t{{.Dir}}";

    private BuildList() {
    }

    /** @param modfileFlag {@code -modfile=…}, or null (workspace mode takes none) */
    public static List<Module> load(GoCommand go, Path moduleDir, String modfileFlag) throws GoException {
        List<String> args = new ArrayList<>(List.of("list", "-m", "-mod=readonly"));
        if (modfileFlag != null) {
            args.add(modfileFlag);
        }
        args.addAll(List.of("-f", TEMPLATE, "all"));
        String out = go.run(moduleDir, args.toArray(String[]::new)).stdout();
        List<Module> list = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 7) {
                throw new IllegalStateException("unexpected 'go list -m' line: " + line);
            }
            ModuleVersion repl = f[2].isEmpty() ? null : new ModuleVersion(f[2], f[3]);
            list.add(new Module(new ModuleVersion(f[0], f[1]), repl, Boolean.parseBoolean(f[4]), Boolean.parseBoolean(f[5]), f[6]));
        }
        return list;
    }
}
