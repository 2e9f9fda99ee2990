package dev.gomod.vulndb;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gomod.mod.FormatException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The three index files of the database, derived from its entries as x/vulndb's
 * {@code internal/database} derives them (see the package documentation), and written byte for
 * byte as Go's {@code encoding/json} would: that is why they are written here by hand rather than
 * by a JSON library, whose escaping and number forms differ from Go's.
 *
 * @param modified the time db.json states
 */
public record VulnDbIndex(Instant modified, byte[] dbJson, byte[] modulesJson, byte[] vulnsJson) {
    public static final String DB = "index/db.json";
    public static final String MODULES = "index/modules.json";
    public static final String VULNS = "index/vulns.json";

    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    /**
     * Indexes {@code entries} (ids unique). {@code sourceTime} is the time db.json states when every
     * entry's time is zero (see the package documentation); empty: the zero time, as indexdb writes.
     */
    public static VulnDbIndex of(List<OsvEntry> entries, Optional<Instant> sourceTime) {
        List<OsvEntry> byId = new ArrayList<>(entries);
        byId.sort(Comparator.comparing(OsvEntry::id));
        for (int i = 1; i < byId.size(); i++) {
            if (byId.get(i).id().equals(byId.get(i - 1).id())) {
                throw new IllegalArgumentException("id " + byId.get(i).id() + " appears twice in the database");
            }
        }
        Instant newest = OsvEntry.ZERO_TIME;
        for (OsvEntry e : byId) {
            if (e.modified().isAfter(newest)) {
                newest = e.modified();
            }
        }
        Instant modified = newest.equals(OsvEntry.ZERO_TIME) ? sourceTime.orElse(newest) : newest;

        // modules: by path; within a module, its vulns in id order (a stable sort: one per affected element)
        Map<String, List<String>> modules = new TreeMap<>();
        for (OsvEntry e : byId) {
            for (OsvEntry.Affected a : e.affected()) {
                StringBuilder v = new StringBuilder("{\"id\":").append(string(e.id())).append(",\"modified\":").append(time(e.modified()));
                String fixed = OsvEntry.latestFixed(a);
                if (fixed != null) {
                    v.append(",\"fixed\":").append(string(fixed));
                }
                modules.computeIfAbsent(a.module(), k -> new ArrayList<>()).add(v.append('}').toString());
            }
        }
        StringBuilder m = new StringBuilder("[");
        modules.forEach((path, vulns) -> {
            if (m.length() > 1) {
                m.append(',');
            }
            m.append("{\"path\":").append(string(path)).append(",\"vulns\":[").append(String.join(",", vulns)).append("]}");
        });
        m.append(']');

        StringBuilder v = new StringBuilder("[");
        for (OsvEntry e : byId) {
            if (v.length() > 1) {
                v.append(',');
            }
            v.append("{\"id\":").append(string(e.id())).append(",\"modified\":").append(time(e.modified()));
            if (!e.aliases().isEmpty()) {
                v.append(",\"aliases\":[").append(String.join(",", e.aliases().stream().map(VulnDbIndex::string).toList())).append(']');
            }
            v.append('}');
        }
        v.append(']');
        return new VulnDbIndex(modified, ("{\"modified\":" + time(modified) + "}").getBytes(StandardCharsets.UTF_8),
                m.toString().getBytes(StandardCharsets.UTF_8), v.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A time as Go's RFC 3339 in UTC: whole seconds, {@code Z}. */
    public static String rfc3339(Instant t) {
        return RFC3339.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The same, as a JSON string. */
    static String time(Instant t) {
        return "\"" + rfc3339(t) + "\"";
    }

    /** The time a db.json states; {@code file} names it in the error. */
    public static Instant modified(String file, byte[] dbJson) throws FormatException {
        try {
            return OffsetDateTime.parse(new ObjectMapper().readTree(dbJson).get("modified").asText()).toInstant();
        } catch (IOException | RuntimeException e) {
            throw new FormatException(file, 0, "want {\"modified\":\"<RFC 3339 time>\"}: " + e.getMessage());
        }
    }

    /** A JSON string as Go's encoding/json writes it: {@code <}, {@code >}, {@code &}, U+2028 and U+2029 escaped too. */
    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> b.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
