package dev.gomod.gotool;

import java.util.ArrayList;
import java.util.List;

/**
 * A GOPROXY value: entries separated by {@code ,} (fall through on 404/410 only) or {@code |} (fall
 * through on any error). Kept with their separators so that filtering entries keeps Go's meaning.
 */
public record GoProxyList(List<Entry> entries) {
    /** One entry and the separator that followed it (empty for the last). */
    public record Entry(String value, String separator) {
        public boolean isHttp() {
            return value.startsWith("http://") || value.startsWith("https://");
        }

        public boolean isFile() {
            return value.startsWith("file://");
        }

        public boolean isKeyword() {
            return value.equals("off") || value.equals("direct");
        }
    }

    public static GoProxyList parse(String goproxy) {
        List<Entry> list = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < goproxy.length(); i++) {
            char c = goproxy.charAt(i);
            if (c == ',' || c == '|') {
                if (!cur.toString().isBlank()) {
                    list.add(new Entry(cur.toString().trim(), String.valueOf(c)));
                }
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.toString().isBlank()) {
            list.add(new Entry(cur.toString().trim(), ""));
        }
        return new GoProxyList(List.copyOf(list));
    }

    public GoProxyList filter(java.util.function.Predicate<Entry> keep) {
        List<Entry> kept = new ArrayList<>();
        for (Entry e : entries) {
            if (keep.test(e)) {
                kept.add(e);
            }
        }
        return new GoProxyList(List.copyOf(kept));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** An entry go could not get an answer from in one run, and what go said. */
    public record Failure(Entry entry, String said) {
        /**
         * Why the chain stopped there: after a {@code ,} go falls through to the next entry on 404 and
         * 410 only, so a 5xx or a time-out ends the whole fetch even with entries left.
         */
        public boolean stoppedTheChain() {
            return entry.separator().equals(",");
        }
    }

    private static final java.util.regex.Pattern STATUS = java.util.regex.Pattern.compile(": (5\\d\\d [A-Za-z ]+|429 [A-Za-z ]+)$");
    private static final java.util.regex.Pattern TIMEOUT = java.util.regex.Pattern.compile(
            "(?i)(i/o timeout|tls handshake timeout|timeout awaiting response headers|connection refused|connection reset)");

    /**
     * The http(s) entries go's output shows failing with a server error (5xx, 429) or a time-out, as
     * cmd/go reports them ({@code reading <url>/<path>: 502 Bad Gateway}, {@code Get "<url>/<path>":
     * dial tcp …: i/o timeout}); each entry once, in chain order.
     */
    public List<Failure> failures(String goOutput) {
        List<Failure> out = new ArrayList<>();
        for (Entry e : entries) {
            if (!e.isHttp()) {
                continue;
            }
            String base = e.value().replaceAll("/+$", "") + "/";
            for (String line : goOutput.split("\n")) {
                int at = line.indexOf(base);
                if (at < 0) {
                    continue;
                }
                String rest = line.strip();
                java.util.regex.Matcher status = STATUS.matcher(rest);
                if (status.find() || TIMEOUT.matcher(rest).find()) {
                    out.add(new Failure(e, rest));
                    break;
                }
            }
        }
        return out;
    }

    /** The GOPROXY text; an empty list is {@code off}, so that go never falls back to its default proxy. */
    @Override
    public String toString() {
        if (entries.isEmpty()) {
            return "off";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < entries.size(); i++) {
            b.append(entries.get(i).value());
            if (i < entries.size() - 1) {
                String sep = entries.get(i).separator();
                b.append(sep.isEmpty() ? "," : sep);
            }
        }
        return b.toString();
    }
}
