package dev.gomod.vulndb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gomod.mod.FormatException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One OSV entry of the Go vulnerability database (OSV schema 1.3+, ecosystem Go), as far as the
 * index and an audit read it: id, modified time, withdrawal, aliases, summary, and per affected module its
 * ranges and the packages and symbols it names. The entry's own bytes are kept: the database
 * carries them unchanged.
 */
public record OsvEntry(String id, Instant modified, Optional<Instant> withdrawn, List<String> aliases, String summary, List<Affected> affected,
                       byte[] bytes) {
    /** The zero time of Go's {@code time.Time}, which the repository's entries carry. */
    public static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("^GO-\\d{4}-\\d{4,}$");

    /** One {@code affected} element: the module, its ranges, and the packages (with symbols) it names. */
    public record Affected(String module, List<Range> ranges, List<Package> packages) {
    }

    /** One range; only {@code SEMVER} ranges carry Go versions. */
    public record Range(String type, List<Event> events) {
        public boolean semver() {
            return "SEMVER".equals(type);
        }
    }

    /** One event: an introduced or a fixed version, unprefixed ({@code 1.2.3}, {@code 0} for the beginning). */
    public record Event(String introduced, String fixed) {
    }

    /** A package of {@code ecosystem_specific.imports}, with the symbols that are vulnerable (none named: all of it). */
    public record Package(String path, List<String> symbols) {
    }

    /** Reads one entry; {@code file} names it in errors, with the field that is wrong. */
    public static OsvEntry parse(String file, byte[] bytes) throws FormatException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new FormatException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new FormatException(file, 0, "unreadable: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new FormatException(file, 0, "an OSV entry is a JSON object");
        }
        String id = text(file, root, "id", true);
        if (!ID.matcher(id).matches()) {
            throw new FormatException(file, 0, "id: want GO-<year>-<number>, not '" + id + "'");
        }
        Instant modified = time(file, text(file, root, "modified", true), "modified");
        String withdrawnAt = text(file, root, "withdrawn", false);
        Optional<Instant> withdrawn = withdrawnAt == null ? Optional.empty() : Optional.of(time(file, withdrawnAt, "withdrawn"));
        List<String> aliases = new ArrayList<>();
        for (JsonNode a : array(file, root, "aliases")) {
            if (!a.isTextual()) {
                throw new FormatException(file, 0, "aliases: want strings, not " + a);
            }
            aliases.add(a.asText());
        }
        String summary = root.hasNonNull("summary") ? root.get("summary").asText() : "";
        List<Affected> affected = new ArrayList<>();
        int i = 0;
        for (JsonNode a : array(file, root, "affected")) {
            String at = "affected[" + i++ + "]";
            JsonNode pkg = a.get("package");
            if (pkg == null || !pkg.isObject()) {
                throw new FormatException(file, 0, at + ".package: missing");
            }
            String module = text(file, pkg, "name", true);
            List<Range> ranges = new ArrayList<>();
            int r = 0;
            for (JsonNode range : array(file, a, "ranges")) {
                String rat = at + ".ranges[" + r++ + "]";
                List<Event> events = new ArrayList<>();
                for (JsonNode e : array(file, range, "events")) {
                    String introduced = e.hasNonNull("introduced") ? e.get("introduced").asText() : null;
                    String fixed = e.hasNonNull("fixed") ? e.get("fixed").asText() : null;
                    if (introduced == null && fixed == null && !e.has("limit") && !e.has("last_affected")) {
                        throw new FormatException(file, 0, rat + ".events: an event without introduced or fixed: " + e);
                    }
                    events.add(new Event(introduced, fixed));
                }
                ranges.add(new Range(range.hasNonNull("type") ? range.get("type").asText() : "", List.copyOf(events)));
            }
            List<Package> packages = new ArrayList<>();
            JsonNode specific = a.get("ecosystem_specific");
            if (specific != null && specific.isObject()) {
                for (JsonNode imp : array(file, specific, "imports")) {
                    List<String> symbols = new ArrayList<>();
                    for (JsonNode s : array(file, imp, "symbols")) {
                        symbols.add(s.asText());
                    }
                    packages.add(new Package(text(file, imp, "path", true), List.copyOf(symbols)));
                }
            }
            affected.add(new Affected(module, List.copyOf(ranges), List.copyOf(packages)));
        }
        return new OsvEntry(id, modified, withdrawn, List.copyOf(aliases), summary, List.copyOf(affected), bytes.clone());
    }

    /** Whether the advisory was withdrawn by {@code now} (x/vuln ignores such an entry). */
    public boolean withdrawnBy(Instant now) {
        return withdrawn.isPresent() && withdrawn.get().isBefore(now);
    }

    /**
     * The version from which the entry no longer affects one {@code affected} element, as x/vulndb's
     * {@code osvutils.LatestFixed} computes it for the index: the highest SEMVER fix over its ranges,
     * or none (null) when a range introduces the vulnerability again after it.
     */
    public static String latestFixed(Affected affected) {
        String latest = "";
        for (Range r : affected.ranges()) {
            if (!r.semver()) {
                continue;
            }
            for (Event e : r.events()) {
                if (e.fixed() != null && !e.fixed().isEmpty() && before(latest, e.fixed())) {
                    latest = e.fixed();
                }
            }
            for (Event e : r.events()) {
                if (e.introduced() != null && !e.introduced().isEmpty() && !e.introduced().equals("0") && before(latest, e.introduced())) {
                    latest = "";
                    break;
                }
            }
        }
        return latest.isEmpty() ? null : latest;
    }

    /** x/vulndb's {@code version.Before}: semver order of unprefixed versions, an invalid one lowest. */
    static boolean before(String v, String w) {
        return dev.gomod.mod.Semver.compare("v" + v, "v" + w) < 0;
    }

    private static String text(String file, JsonNode node, String field, boolean required) throws FormatException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new FormatException(file, 0, field + ": missing");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new FormatException(file, 0, field + ": want a string, not " + v);
        }
        return v.asText();
    }

    private static Iterable<JsonNode> array(String file, JsonNode node, String field) throws FormatException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new FormatException(file, 0, field + ": want an array, not " + v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
        }
        return v;
    }

    private static Instant time(String file, String value, String field) throws FormatException {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new FormatException(file, 0, field + ": want an RFC 3339 time, not '" + value + "'");
        }
    }
}
