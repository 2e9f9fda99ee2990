package dev.gomod.mod;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A parsed go.work file (modfile.ParseWork): the {@code go} line it must have, an optional
 * {@code toolchain}, {@code godebug} lines, the {@code use} directories (relative to the file, as
 * written) and the {@code replace} lines, which win over every workspace module's own replaces.
 * go.work.sum beside it has go.sum's format and is not parsed here: the lock pins its bytes.
 */
public record GoWork(String file, String goVersion, Optional<String> toolchain, List<GoMod.Godebug> godebugs,
                     List<GoMod.Use> uses, List<GoMod.Replace> replaces) {

    public GoWork {
        godebugs = List.copyOf(godebugs);
        uses = List.copyOf(uses);
        replaces = List.copyOf(replaces);
    }

    /** Parses go.work text; {@code file} names it in errors. */
    public static GoWork parse(String file, byte[] data) throws FormatException {
        GoMod m = directives(file, data);
        return new GoWork(file, m.goVersion().orElseThrow(), m.toolchain(), m.godebugs(), m.uses, m.replaces());
    }

    /**
     * go.work's lines in go.mod's model, with no module line: what the toolchain rules read, since in
     * workspace mode go takes its go and toolchain lines from go.work and not from any go.mod.
     */
    public static GoMod directives(String file, byte[] data) throws FormatException {
        return new GoModParser(file, new String(data, StandardCharsets.UTF_8), true, true).parse();
    }

    /**
     * The use directories as cmd/go names them: slashes, no trailing slash, {@code .} for the
     * workspace's own directory, each once (a repeated use is an error, as in go).
     */
    public List<String> useDirs() throws FormatException {
        java.util.LinkedHashSet<String> dirs = new java.util.LinkedHashSet<>();
        for (GoMod.Use u : uses) {
            String d = normalize(u.dir());
            if (d.startsWith("/") || d.equals("..") || d.startsWith("../")) {
                throw new FormatException(file, u.line(), "use " + u.dir()
                        + ": the plugin packs a workspace from one directory tree; use directories inside it");
            }
            if (!dirs.add(d)) {
                throw new FormatException(file, u.line(), "path " + u.dir() + " appears multiple times in workspace");
            }
        }
        return List.copyOf(dirs);
    }

    /** The line of the use that names {@code useDir} (as {@link #useDirs} gives it), 0 if none. */
    public int lineOf(String useDir) {
        return uses.stream().filter(u -> normalize(u.dir()).equals(useDir)).findFirst().map(GoMod.Use::line).orElse(0);
    }

    /** A file of the module at {@code useDir} (as {@link #useDirs} gives it), named relative to go.work: {@code api/go.mod}, or {@code go.mod} for {@code .}. */
    public static String fileIn(String useDir, String name) {
        return useDir.equals(".") ? name : useDir + "/" + name;
    }

    /** {@code ./a//b/} → {@code a/b}; {@code ./} → {@code .}. */
    public static String normalize(String dir) {
        String d = dir.replace('\\', '/');
        java.util.ArrayList<String> parts = new java.util.ArrayList<>();
        for (String p : d.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                parts.remove(parts.size() - 1);
            } else {
                parts.add(p);
            }
        }
        String joined = String.join("/", parts);
        return d.startsWith("/") ? "/" + joined : joined.isEmpty() ? "." : joined;
    }
}
