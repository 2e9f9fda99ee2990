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
