package dev.gomod.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gomod.mod.FormatException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code gomod-vex.json}, committed beside go.mod: the findings a team has looked at and decided
 * about, in the states of CycloneDX's vulnerability analysis (so that the SBOM can carry them as
 * VEX):
 * <pre>
 * {"exceptions": [
 *   {"id": "GO-2022-1059", "state": "not_affected", "justification": "code_not_reachable", "detail": "…"},
 *   {"id": "GO-2026-6629", "module": "golang.org/x/text", "state": "will_not_fix", "until": "2027-01-31", "detail": "…"},
 *   {"id": "GO-2026-6600", "state": "false_positive", "detail": "…"}
 * ]}
 * </pre>
 * {@code module} limits an exception to one module; {@code not_affected} needs a justification
 * from CycloneDX's list; {@code will_not_fix} needs the date it ends, after which it no longer
 * holds and the build fails.
 */
public record AuditExceptions(List<Decision> exceptions) {
    /** The file's name, beside go.mod. */
    public static final String FILE = "gomod-vex.json";
    public static final AuditExceptions NONE = new AuditExceptions(List.of());

    /** CycloneDX's analysis justifications. */
    static final Set<String> JUSTIFICATIONS = Set.of("code_not_present", "code_not_reachable", "requires_configuration",
            "requires_dependency", "requires_environment", "protected_by_compiler", "protected_at_runtime", "protected_at_perimeter",
            "protected_by_mitigating_control");

    /** One decision. */
    public record Decision(String id, String module, State state, String justification, LocalDate until, String detail) {
        /** Whether it covers this finding. */
        public boolean covers(Finding f) {
            return id.equals(f.id()) || f.aliases().contains(id) ? module == null || module.equals(f.module()) : false;
        }

        /** Whether it has ended by {@code today}: a will_not_fix past its date. */
        public boolean expired(LocalDate today) {
            return until != null && today.isAfter(until);
        }
    }

    /** The states, as CycloneDX names them. */
    public enum State {
        NOT_AFFECTED, FALSE_POSITIVE, WILL_NOT_FIX;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Reads the file; absent: none. Every error names the file and the exception by its index and id. */
    public static AuditExceptions read(Path file) throws IOException, FormatException {
        return Files.isRegularFile(file) ? parse(file.toString(), Files.readAllBytes(file)) : NONE;
    }

    /** Parses the file's bytes; {@code file} names it in errors. */
    public static AuditExceptions parse(String name, byte[] data) throws FormatException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(data);
        } catch (JsonProcessingException e) {
            throw new FormatException(name, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new FormatException(name, 0, "unreadable: " + e.getMessage());
        }
        JsonNode list = root == null ? null : root.get("exceptions");
        if (list == null || !list.isArray()) {
            throw new FormatException(name, 0, "want {\"exceptions\": [...]}");
        }
        List<Decision> out = new ArrayList<>();
        int i = 0;
        for (JsonNode e : list) {
            String at = "exceptions[" + i++ + "]";
            String id = e.path("id").asText("");
            if (!id.matches("(GO-[0-9]{4}-[0-9]+|CVE-[0-9]{4}-[0-9]+|GHSA(-[0-9a-z]{4}){3})")) {
                throw new FormatException(name, 0, at + ".id: want GO-<year>-<number>, a CVE or a GHSA id, not '" + id + "'");
            }
            at += " (" + id + ")";
            State state;
            try {
                state = State.valueOf(e.path("state").asText("").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException x) {
                throw new FormatException(name, 0, at + ".state: want not_affected, false_positive or will_not_fix, not '"
                        + e.path("state").asText("") + "'");
            }
            String justification = e.hasNonNull("justification") ? e.get("justification").asText() : null;
            if (state == State.NOT_AFFECTED && (justification == null || !JUSTIFICATIONS.contains(justification))) {
                throw new FormatException(name, 0, at + ".justification: not_affected needs one of " + String.join(", ",
                        JUSTIFICATIONS.stream().sorted().toList()) + (justification == null ? "" : ", not '" + justification + "'"));
            }
            LocalDate until = null;
            if (e.hasNonNull("until")) {
                try {
                    until = LocalDate.parse(e.get("until").asText());
                } catch (DateTimeParseException x) {
                    throw new FormatException(name, 0, at + ".until: want a date, 2027-01-31, not '" + e.get("until").asText() + "'");
                }
            }
            if (state == State.WILL_NOT_FIX && until == null) {
                throw new FormatException(name, 0, at + ".until: will_not_fix needs the date it ends");
            }
            out.add(new Decision(id, e.hasNonNull("module") ? e.get("module").asText() : null, state, justification, until,
                    e.path("detail").asText("")));
        }
        return new AuditExceptions(List.copyOf(out));
    }

    /** The exception that covers {@code f}, if any. */
    public Optional<Decision> covering(Finding f) {
        return exceptions.stream().filter(e -> e.covers(f)).findFirst();
    }
}
