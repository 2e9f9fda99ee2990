package dev.gomod.gotool;

import dev.gomod.AtomicFile;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which GOPROXY entry (or which host, for {@code direct}) served each request go made, read from go's
 * own {@code -x} output: {@code # get https://proxy/example.com/x/@v/v1.0.0.zip: 200 OK (0.163s)}.
 * Written to a file one request a line, summed up one line an entry (requests, failures, slowest),
 * and asked which entry served a module's bytes when go reports them wrong.
 */
public final class FetchTrace {
    private static final Pattern DONE = Pattern.compile("^# get (\\S+): (.*?)(?: \\((\\d+(?:\\.\\d+)?)s\\))?$");

    /** One request go made: its URL, the answer ({@code 200 OK}, {@code 404 Not Found}, or go's error), the seconds it took. */
    public record Request(String url, String answer, double seconds) {
        /** The HTTP status, or -1 when the request got no answer. */
        public int status() {
            Matcher m = Pattern.compile("^(\\d{3}) ").matcher(answer);
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        }

        /** Not a 2xx: 404 and 410 included (they pass the request on along a chain, but they are failures of that entry). */
        public boolean failed() {
            int s = status();
            return s < 200 || s >= 300;
        }
    }

    private final List<Request> requests = new ArrayList<>();
    private final GoProxyList chain;
    private final SecretMasker masker;

    /** @param chain the GOPROXY list go runs with, to name the entry each request went to */
    public FetchTrace(GoProxyList chain, SecretMasker masker) {
        this.chain = chain;
        this.masker = masker;
    }

    /** Takes one line of go's standard error; true when it was a trace line (which need not be logged again). */
    public boolean accept(String line) {
        if (!line.startsWith("# get ")) {
            return false;
        }
        Matcher m = DONE.matcher(line.strip());
        if (m.matches() && line.indexOf(": ", 6) > 0) {
            synchronized (requests) {
                requests.add(new Request(m.group(1), m.group(2), m.group(3) == null ? 0 : Double.parseDouble(m.group(3))));
            }
        }
        return true;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The GOPROXY entry a URL belongs to, else {@code direct <host>}. */
    public String entryOf(String url) {
        for (GoProxyList.Entry e : chain.entries()) {
            if (e.isHttp() && url.startsWith(e.value().replaceAll("/+$", "") + "/")) {
                return masker.mask(e.value());
            }
        }
        try {
            String host = URI.create(url).getHost();
            return host == null ? "direct" : "direct " + host;
        } catch (IllegalArgumentException e) {
            return "direct";
        }
    }

    /** Who served {@code path@version}'s zip, as the last successful request for it says. */
    public Optional<String> servedZip(String escapedPath, String version) {
        String tail = "/" + escapedPath + "/@v/" + version + ".zip";
        List<Request> all = requests();
        for (int i = all.size() - 1; i >= 0; i--) {
            Request r = all.get(i);
            if (r.url().endsWith(tail) && !r.failed()) {
                return Optional.of(entryOf(r.url()));
            }
        }
        return Optional.empty();
    }

    /** One line an entry: requests, failures, the slowest. */
    public List<String> summary() {
        Map<String, List<Request>> byEntry = new LinkedHashMap<>();
        for (Request r : requests()) {
            byEntry.computeIfAbsent(entryOf(r.url()), k -> new ArrayList<>()).add(r);
        }
        List<String> out = new ArrayList<>();
        byEntry.forEach((entry, rs) -> {
            long failed = rs.stream().filter(Request::failed).count();
            Request slowest = rs.stream().max(java.util.Comparator.comparingDouble(Request::seconds)).orElseThrow();
            out.add(entry + ": " + rs.size() + " request(s), " + failed + " failed" + (failed > 0 ? " (" + rs.stream().filter(Request::failed)
                    .map(Request::answer).distinct().limit(3).reduce((a, b) -> a + "; " + b).orElse("") + ")" : "")
                    + ", slowest " + slowest.seconds() + " s (" + masker.mask(slowest.url()) + ")");
        });
        return out;
    }

    /** Writes the trace, one request a line ({@code entry status seconds url}), secrets masked. */
    public void write(Path file) throws IOException {
        StringBuilder b = new StringBuilder("# what go fetched, one request a line: who served it, the answer, the seconds, the URL\n");
        for (Request r : requests()) {
            b.append(entryOf(r.url())).append('\t').append(masker.mask(r.answer())).append('\t').append(r.seconds()).append('\t')
                    .append(masker.mask(r.url())).append('\n');
        }
        AtomicFile.write(file, b.toString().getBytes(StandardCharsets.UTF_8));
    }
}
