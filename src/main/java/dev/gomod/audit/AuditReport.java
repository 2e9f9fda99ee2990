package dev.gomod.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code target/gomod/audit.json}: what the audit checked and found, for other tools (the SBOM's
 * VEX, a report page), one object per finding with its decision.
 */
final class AuditReport {
    private AuditReport() {
    }

    static String json(Audit.Outcome o) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("modules", o.modules());
        root.put("modulesFrom", o.modulesFrom());
        root.put("go", o.go());
        root.put("goFrom", o.goFrom());
        root.put("databaseModified", o.databaseModified().toString());
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
            });
        }
        try {
            return json.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
