package dev.gomod.gotool;

import dev.gomod.AtomicFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An environment for go written for others to use, in two forms:
 *
 * <ul>
 *   <li>{@code <name>.env}, for shells: {@code export KEY='value'} lines, each value in single quotes
 *       (a quote inside as {@code '\''}), which sh, bash and zsh read alike, so {@code . file} (or
 *       {@code set -a; . file}) gives exactly these values, spaces and all;</li>
 *   <li>{@code <name>.vars}, for tools that read no shell: {@code KEY=value} lines, unquoted, the
 *       value running to the end of the line ({@code docker run --env-file}, systemd's
 *       {@code EnvironmentFile}, a CI system's env step).</li>
 * </ul>
 *
 * A value that holds a line break could not be written in the second form, and is refused.
 */
public final class EnvironmentFiles {
    private EnvironmentFiles() {
    }

    /** Writes both files in {@code dir}; returns them, the shell form first. */
    public static List<Path> write(Path dir, String name, Map<String, String> env, List<String> comments) throws IOException {
        StringBuilder shell = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        for (String c : comments) {
            shell.append("# ").append(c).append('\n');
            plain.append("# ").append(c).append('\n');
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            String v = e.getValue();
            if (!e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*") || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("cannot write " + e.getKey() + " into an environment file: a name must be a shell"
                        + " identifier and a value one line");
            }
            shell.append("export ").append(e.getKey()).append("='").append(v.replace("'", "'\\''")).append("'\n");
            plain.append(e.getKey()).append('=').append(v).append('\n');
        }
        Path shellFile = dir.resolve(name + ".env");
        Path plainFile = dir.resolve(name + ".vars");
        AtomicFile.write(shellFile, shell.toString().getBytes(StandardCharsets.UTF_8));
        AtomicFile.write(plainFile, plain.toString().getBytes(StandardCharsets.UTF_8));
        return List.of(shellFile, plainFile);
    }
}
