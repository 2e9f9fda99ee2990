package dev.gomod.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gomod.gotool.GoCommand;
import dev.gomod.gotool.GoException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit's third level, {@code called}, from govulncheck's source mode: run offline against the
 * same restored database ({@code -db file://…}, in the environment the caller gives: vendor mode,
 * GOPROXY=off), its JSON findings read back as govulncheck ranks them: a trace that ends in a
 * function is called, one that names a package imported, one that names only the module required.
 *
 * @param command govulncheck itself, or the go command when it runs as {@code go tool govulncheck}
 * @param prefix  the arguments before govulncheck's own: none, or {@code tool govulncheck}
 * @param how     how it was found, for the log
 */
public record Reachability(GoCommand command, List<String> prefix, String how) {
    public Reachability {
        prefix = List.copyOf(prefix);
    }

    /** Each finding's reach by {@code "<module> <id>"}, the highest govulncheck reported. */
    public Map<String, Finding.Reach> scan(Path dir, Path database) throws GoException, IOException {
        List<String> args = new ArrayList<>(prefix);
        args.addAll(List.of("-db", database.toUri().toString(), "-format", "json", "./..."));
        String out = command.run(dir, args.toArray(String[]::new)).stdout();
        return parse(out);
    }

    /** Reads govulncheck's {@code -format json} stream. */
    static Map<String, Finding.Reach> parse(String json) throws IOException {
        Map<String, Finding.Reach> reach = new HashMap<>();
        ObjectMapper mapper = new ObjectMapper();
        try (MappingIterator<JsonNode> it = mapper.readerFor(JsonNode.class).readValues(json)) {
            while (it.hasNext()) {
                JsonNode finding = it.next().get("finding");
                if (finding == null) {
                    continue;
                }
                JsonNode frame = finding.path("trace").path(0);
                Finding.Reach r = !frame.path("function").asText("").isEmpty() ? Finding.Reach.CALLED
                        : !frame.path("package").asText("").isEmpty() ? Finding.Reach.IMPORTED : Finding.Reach.REQUIRED;
                reach.merge(frame.path("module").asText() + " " + finding.path("osv").asText(), r, (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
        }
        return reach;
    }
}
