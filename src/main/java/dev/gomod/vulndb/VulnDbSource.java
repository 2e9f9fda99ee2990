package dev.gomod.vulndb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gomod.gotool.GoCommand;
import dev.gomod.gotool.GoException;
import dev.gomod.gotool.HttpFetch;
import dev.gomod.gotool.ModuleZipDownload;
import dev.gomod.mod.FormatException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where the release side takes the database from, as users name it:
 * <ul>
 * <li>{@code module:golang.org/x/vulndb@<version>}: the repository's {@code data/osv} entries,
 * fetched by go through the user's GOPROXY chain (which corporate Go proxies pass) and indexed here;</li>
 * <li>a directory or a {@code .zip} (a path, or a {@code file:} URL): a database in the layout
 * (a mirror, a distribution's package, the bulk {@code vulndb.zip}), or a directory of OSV entries;</li>
 * <li>an {@code https:} (or {@code http:}) URL: a server in the layout, {@code https://vuln.go.dev} or
 * a mirror of it, read as govulncheck reads one over HTTP ({@code index/db.json.gz},
 * {@code index/vulns.json.gz}, then {@code ID/<id>.json.gz} for each entry vulns.json lists; the
 * plain {@code .json} files where the server has no {@code .gz} ones, as a static copy of a
 * {@code file://} database has not); or a URL ending in {@code .zip}, a bulk database downloaded
 * whole. Fetched through the HTTP proxy and with the credentials {@link HttpFetch} is given.</li>
 * </ul>
 * Either way the entries are read and checked one by one and the index is derived from them, so that
 * what is packed is consistent whatever the source's own index says.
 */
public sealed interface VulnDbSource permits VulnDbSource.Module, VulnDbSource.Local, VulnDbSource.Url {
    /** The default module, golang.org/x/vulndb. */
    String MODULE = "golang.org/x/vulndb";

    /** What a source yields: its entries and the time it was made, if it says one. */
    record Entries(List<OsvEntry> entries, Optional<Instant> time, String from) {
    }

    /** Reads the source's entries; {@code scratch} is a private directory a download may use. */
    Entries read(GoCommand go, Path scratch) throws IOException, GoException, FormatException;

    /** Whether reading it takes the go command. */
    boolean needsGo();

    /** A module version of the database repository, fetched by go. */
    record Module(String path, String version) implements VulnDbSource {
        @Override
        public Entries read(GoCommand go, Path scratch) throws IOException, GoException, FormatException {
            ModuleZipDownload d = ModuleZipDownload.fetch(go, scratch.resolve("vulndb-module"), path, version);
            Optional<Instant> time = Optional.empty();
            if (Files.isRegularFile(d.info())) {
                JsonNode info = new ObjectMapper().readTree(d.info().toFile());
                if (info.hasNonNull("Time")) {
                    time = Optional.of(OffsetDateTime.parse(info.get("Time").asText()).toInstant());
                }
            }
            return new Entries(fromZip(d.zip(), Pattern.compile("^[^@]+@[^/]+/data/osv/(GO-[0-9]{4}-[0-9]+)\\.json$")), time, path + "@" + version);
        }

        @Override
        public boolean needsGo() {
            return true;
        }

        @Override
        public String toString() {
            return "module:" + path + "@" + version;
        }
    }

    /** A directory or zip on this machine. */
    record Local(Path path) implements VulnDbSource {
        private static final Pattern ENTRY = Pattern.compile("^(?:.*/)?(?:ID|osv)/(GO-[0-9]{4}-[0-9]+)\\.json$");

        @Override
        public Entries read(GoCommand go, Path scratch) throws IOException, FormatException {
            if (Files.isRegularFile(path)) {
                List<OsvEntry> entries = fromZip(path, ENTRY);
                return new Entries(entries, zipTime(path), path.toString());
            }
            if (!Files.isDirectory(path)) {
                throw new java.io.FileNotFoundException(path + ": no such directory or zip");
            }
            Path ids = Files.isDirectory(path.resolve("ID")) ? path.resolve("ID") : path;
            List<Path> files;
            try (Stream<Path> s = Files.list(ids)) {
                files = s.filter(p -> p.getFileName().toString().matches("GO-[0-9]{4}-[0-9]+\\.json")).sorted().toList();
            }
            List<OsvEntry> entries = new ArrayList<>();
            for (Path f : files) {
                entries.add(checked(f.toString(), f.getFileName().toString(), Files.readAllBytes(f)));
            }
            Path db = path.resolve(VulnDbIndex.DB);
            return new Entries(entries, Files.isRegularFile(db) ? Optional.of(VulnDbIndex.modified(db.toString(), Files.readAllBytes(db))) : Optional.empty(), path.toString());
        }

        @Override
        public boolean needsGo() {
            return false;
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }

    /** A database server (or a bulk zip) at a URL. */
    record Url(URI url, HttpFetch http) implements VulnDbSource {
        /** How many entries are fetched at once: the server answers each in a round trip. */
        private static final int PARALLEL = 8;

        @Override
        public Entries read(GoCommand go, Path scratch) throws IOException, FormatException {
            String shown = http.masked(url);
            if (url.getPath().endsWith(".zip")) {
                Path zip = scratch.resolve("vulndb-download.zip");
                if (!http.download(url, zip)) {
                    throw new java.io.FileNotFoundException(shown + ": not found (404)");
                }
                try {
                    Entries e = new Local(zip).read(go, scratch);
                    return new Entries(e.entries(), e.time(), shown);
                } finally {
                    Files.deleteIfExists(zip);
                }
            }
            URI base = URI.create(url.toString().endsWith("/") ? url.toString() : url + "/");
            // govulncheck reads the .gz files over HTTP; a plain static copy of a file:// database has only the .json ones
            String suffix = ".json.gz";
            Optional<byte[]> db = http.get(base.resolve("index/db.json.gz"));
            if (db.isEmpty()) {
                suffix = ".json";
                db = http.get(base.resolve(VulnDbIndex.DB));
            }
            if (db.isEmpty()) {
                throw new java.io.FileNotFoundException(shown + " is not a Go vulnerability database: it serves no index/db.json(.gz)"
                        + " (want the layout of https://vuln.go.dev, or a URL ending in .zip for a bulk database)");
            }
            Instant time = VulnDbIndex.modified(shown + "/" + VulnDbIndex.DB, body(db.get(), suffix, shown + "/index/db" + suffix));
            String vulnsName = shown + "/index/vulns" + suffix;
            byte[] vulns = body(http.get(base.resolve("index/vulns" + suffix))
                    .orElseThrow(() -> new java.io.FileNotFoundException(vulnsName + ": not found (404)")), suffix, vulnsName);
            List<String> ids = new ArrayList<>();
            JsonNode list = new ObjectMapper().readTree(vulns);
            if (list == null || !list.isArray()) {
                throw new FormatException(vulnsName, 0, "want an array of entries");
            }
            for (JsonNode v : list) {
                String id = v.path("id").asText();
                if (!id.matches("GO-[0-9]{4}-[0-9]+")) {
                    throw new FormatException(vulnsName, 0, "names an entry '" + id + "'");
                }
                ids.add(id);
            }
            return new Entries(fetchAll(base, ids, suffix, shown), Optional.of(time), shown);
        }

        /** Each entry, {@link #PARALLEL} at a time, in the order vulns.json lists them. */
        private List<OsvEntry> fetchAll(URI base, List<String> ids, String suffix, String shown) throws IOException, FormatException {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(PARALLEL, r -> {
                Thread t = new Thread(r, "vulndb-fetch");
                t.setDaemon(true);
                return t;
            });
            try {
                List<java.util.concurrent.Future<OsvEntry>> pending = new ArrayList<>();
                for (String id : ids) {
                    pending.add(pool.submit(() -> {
                        String name = shown + "/" + VulnDb.ID_DIR + "/" + id + suffix;
                        byte[] bytes = http.get(base.resolve(VulnDb.ID_DIR + "/" + id + suffix)).orElseThrow(() ->
                                new java.io.FileNotFoundException(name + ": not found (404), though index/vulns" + suffix + " lists " + id));
                        return checked(name, id + ".json", body(bytes, suffix, name));
                    }));
                }
                List<OsvEntry> out = new ArrayList<>();
                for (java.util.concurrent.Future<OsvEntry> f : pending) {
                    out.add(f.get());
                }
                return out;
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof FormatException fe) {
                    throw fe;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("fetching " + shown + " was interrupted");
            } finally {
                pool.shutdownNow();
            }
        }

        /** The file's bytes, gunzipped when it is a {@code .gz} one. */
        private static byte[] body(byte[] bytes, String suffix, String name) throws FormatException {
            if (!suffix.endsWith(".gz")) {
                return bytes;
            }
            try (InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new FormatException(name, 0, "not gzip data: " + e.getMessage());
            }
        }

        @Override
        public boolean needsGo() {
            return false;
        }

        @Override
        public String toString() {
            return http.masked(url);
        }
    }

    /** Parses a source as users write it (see the interface documentation); a URL is fetched with {@code http}. */
    static VulnDbSource parse(String spec, Path base, java.util.function.Function<URI, HttpFetch> http) {
        String s = spec == null ? "" : spec.strip();
        if (s.startsWith("module:")) {
            String m = s.substring("module:".length());
            int at = m.lastIndexOf('@');
            if (at <= 0 || at == m.length() - 1) {
                throw new IllegalArgumentException("'" + spec + "': want module:" + MODULE + "@<version>");
            }
            return new Module(m.substring(0, at), m.substring(at + 1));
        }
        if (s.startsWith("file:")) {
            return new Local(Path.of(java.net.URI.create(s)));
        }
        if (s.startsWith("http:") || s.startsWith("https:")) {
            URI url;
            try {
                url = new URI(s);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("'" + spec + "': not a URL: " + e.getMessage());
            }
            if (url.getHost() == null) {
                throw new IllegalArgumentException("'" + spec + "': a URL with no host");
            }
            return new Url(url, http.apply(url));
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("no database source: want module:" + MODULE + "@<version>, or a directory or zip");
        }
        return new Local(base.resolve(s).toAbsolutePath().normalize());
    }

    private static List<OsvEntry> fromZip(Path zip, Pattern entryName) throws IOException, FormatException {
        List<OsvEntry> entries = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            for (ZipEntry e : Collections.list(z.entries())) {
                Matcher m = entryName.matcher(e.getName());
                if (!e.isDirectory() && m.matches()) {
                    try (InputStream in = z.getInputStream(e)) {
                        entries.add(checked(zip + "!" + e.getName(), m.group(1) + ".json", in.readAllBytes()));
                    }
                }
            }
        }
        if (entries.isEmpty()) {
            throw new FormatException(zip.toString(), 0, "holds no OSV entries (ID/GO-*.json or data/osv/GO-*.json)");
        }
        return entries;
    }

    private static Optional<Instant> zipTime(Path zip) throws IOException, FormatException {
        try (ZipFile z = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            for (ZipEntry e : Collections.list(z.entries())) {
                if (e.getName().equals(VulnDbIndex.DB) || e.getName().endsWith("/" + VulnDbIndex.DB)) {
                    try (InputStream in = z.getInputStream(e)) {
                        return Optional.of(VulnDbIndex.modified(zip + "!" + e.getName(), in.readAllBytes()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Parses one entry and holds its id to its file name. */
    private static OsvEntry checked(String where, String fileName, byte[] bytes) throws FormatException {
        OsvEntry e = OsvEntry.parse(where, bytes);
        if (!fileName.equals(e.id() + ".json")) {
            throw new FormatException(where, 0, "id: the entry says " + e.id() + ", its file name " + fileName);
        }
        return e;
    }
}
