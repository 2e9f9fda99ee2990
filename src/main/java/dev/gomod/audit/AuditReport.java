package dev.gomod.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gomod.mod.FormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code target/gomod/audit.json}: what the audit checked and found, for other tools (the SBOM's
 * VEX, a report page), one object per finding with its decision.
 */
public final class AuditReport {
    /**
     * One finding as audit.json holds it; {@code state} and what follows are the decision's, or null;
     * {@code ended}: the decision's end date had passed when the audit ran, so it no longer holds.
     */
    public record Entry(String id, List<String> aliases, String module, String version, String fixed, String reach, String summary,
                        String state, String justification, String until, String detail, boolean ended) {
        /** Whether a decision holds for it: one was taken and has not ended. */
        public boolean decided() {
            return state != null && !ended;
        }
    }

    private AuditReport() {
    }

    /** What an audit.json holds for a reader: which database the audit used (null when it does not say), and the findings. */
    public record Contents(String database, List<Entry> findings) {
    }

    /** The findings of an audit.json. */
    public static List<Entry> read(Path file) throws IOException, FormatException {
        return readContents(file).findings();
    }

    /** An audit.json, read once. */
    public static Contents readContents(Path file) throws IOException, FormatException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new FormatException(file.toString(), 0, "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.path("findings").isArray()) {
            throw new FormatException(file.toString(), 0, "want {\"findings\": [...]}");
        }
        List<Entry> out = new ArrayList<>();
        for (JsonNode f : root.get("findings")) {
            List<String> aliases = new ArrayList<>();
            f.path("aliases").forEach(a -> aliases.add(a.asText()));
            JsonNode e = f.path("exception");
            out.add(new Entry(f.path("id").asText(), List.copyOf(aliases), f.path("module").asText(), f.path("version").asText(),
                    text(f, "fixed"), f.path("reach").asText(), f.path("summary").asText(""), text(e, "state"), text(e, "justification"),
                    text(e, "until"), text(e, "detail"), e.path("ended").asBoolean(false)));
        }
        return new Contents(text(root, "database"), List.copyOf(out));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static String json(Audit.Outcome o) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("modules", o.modules());
        root.put("modulesFrom", o.modulesFrom());
        root.put("go", o.go());
        root.put("goFrom", o.goFrom());
        root.put("databaseModified", o.databaseModified().toString());
        root.put("database", o.databaseFrom());
        root.put("reachability", o.reachabilityKnown() ? "called, imported, required" : "imported, required");
        ArrayNode list = root.putArray("findings");
        for (Audit.Judged j : o.findings()) {
            Finding f = j.finding();
            ObjectNode n = list.addObject();
            n.put("id", f.id());
            f.aliases().forEach(n.putArray("aliases")::add);
            n.put("module", f.module());
            n.put("version", f.version());
            n.put("fixed", f.fixed());
            n.put("reach", f.reach().id());
            f.packages().forEach(n.putArray("packages")::add);
            n.put("summary", f.summary());
            n.put("fails", j.fails());
            j.decision().ifPresent(d -> {
                ObjectNode e = n.putObject("exception");
                e.put("state", d.state().id());
                e.put("justification", d.justification());
                e.put("until", d.until() == null ? null : d.until().toString());
                e.put("detail", d.detail());
                e.put("ended", j.ended());
            });
        }
        try {
            return json.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
