package dev.gomod.gotool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gomod.Reporter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The go settings the plugin passes on, as the user's own go would see them. cmd/go takes each from
 * the process environment, else the go env file ({@code GOENV}, which {@code go env -w} writes), else
 * {@code $GOROOT/go.env}, else its built-in default. The plugin exports the values it uses (a probed
 * GOPROXY, GOFLAGS with {@code -mod} or {@code -modfile}), and an exported value shadows the file: so
 * for every setting not given explicitly (a plugin property, {@code <environment>}, the process
 * environment) it asks the go that will run ({@code go env -json}) and carries that value, and says
 * where it came from. GOTOOLCHAIN is the plugin's one default of its own ({@code local}: no
 * download behind the user's back); a go env file's GOTOOLCHAIN still wins over it, {@code $GOROOT/go.env}'s does not.
 */
public final class EffectiveGoEnv {
    /** The settings this resolves. */
    public static final List<String> NAMES = List.of("GOPROXY", "GOSUMDB", "GONOSUMDB", "GONOPROXY", "GOPRIVATE", "GOINSECURE",
            "GOFLAGS", "GOTOOLCHAIN");

    /** One setting: its value ("" for unset) and where it came from, for the log. */
    public record Setting(String name, String value, String source) {
    }

    private EffectiveGoEnv() {
    }

    /**
     * Fills {@code env} with go's value of every setting {@code given} does not name, and returns every
     * setting with its source.
     *
     * @param given the settings set explicitly, each with its source ({@code property gomod.goproxy},
     *              {@code <environment>}, {@code environment}); they keep their values
     */
    public static List<Setting> apply(GoEnvironment env, GoCommand go, Path dir, Map<String, String> given) throws GoException, IOException {
        GoEnvironment query = env.copy();
        for (String n : NAMES) {
            if (!given.containsKey(n)) {
                query.remove(n);
            }
        }
        query.set("GOTOOLCHAIN", "local"); // asking must not switch; the file's GOTOOLCHAIN is read below
        List<String> args = new ArrayList<>(List.of("env", "-json", "GOENV", "GOROOT", "GOMODCACHE"));
        args.addAll(NAMES);
        JsonNode answer = new ObjectMapper().readTree(new GoCommand(go.executable(), query, Duration.ofSeconds(60), 0, Duration.ZERO,
                Reporter.SILENT).run(dir, args.toArray(String[]::new)).stdout());
        Map<String, String> goEnvFile = read(text(answer, "GOENV"));
        String goroot = text(answer, "GOROOT");
        Map<String, String> gorootFile = goroot.isEmpty() ? Map.of() : read(Path.of(goroot, "go.env").toString());
        String goEnvPath = text(answer, "GOENV");
        if (env.get("GOMODCACHE") == null && !text(answer, "GOMODCACHE").isEmpty()) {
            env.set("GOMODCACHE", text(answer, "GOMODCACHE")); // the same directory go picks: what the probes ask whether a module is there
        }

        List<Setting> out = new ArrayList<>();
        for (String n : NAMES) {
            if (given.containsKey(n)) {
                out.add(new Setting(n, env.get(n) == null ? "" : env.get(n), given.get(n)));
                continue;
            }
            if (n.equals("GOTOOLCHAIN")) {
                String file = goEnvFile.get(n);
                if (file != null) {
                    env.set(n, file);
                    out.add(new Setting(n, file, "go env file " + goEnvPath));
                } else {
                    env.set(n, "local");
                    out.add(new Setting(n, "local", "the plugin's default (go would take " + gorootFile.getOrDefault(n, "auto") + ")"));
                }
                continue;
            }
            String value = text(answer, n);
            String source = goEnvFile.containsKey(n) ? "go env file " + goEnvPath
                    : gorootFile.containsKey(n) ? "$GOROOT/go.env (" + Path.of(goroot, "go.env") + ")" : "go's default";
            if (!value.isEmpty()) {
                env.set(n, value);
            }
            out.add(new Setting(n, value, source));
        }
        return out;
    }

    private static String text(JsonNode answer, String name) {
        JsonNode n = answer.get(name);
        return n == null || n.isNull() ? "" : n.asText();
    }

    /** A go env file's {@code KEY=VALUE} lines, as cmd/go reads them; none when there is no such file. */
    static Map<String, String> read(String file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (file == null || file.isEmpty() || file.equals("off")) {
            return out;
        }
        Path p = Path.of(file);
        if (!Files.isRegularFile(p)) {
            return out;
        }
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            String l = line.strip();
            int eq = l.indexOf('=');
            if (l.isEmpty() || l.startsWith("#") || eq <= 0) {
                continue;
            }
            out.put(l.substring(0, eq).strip(), l.substring(eq + 1));
        }
        return out;
    }
}
