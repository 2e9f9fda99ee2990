package dev.gomod.gotool;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Can go reach the checksum database? Asked the way cmd/go reaches it (modfetch/sumdb.go): each
 * GOPROXY entry in turn is asked whether it proxies the database ({@code <proxy>/sumdb/<name>/supported});
 * an entry that answers 404 or 410 passes the question on, any other failure is go's failure too;
 * {@code direct} (or the end of the list) means the database's own URL. A database that does not
 * answer within the probe time is reported before go spends its own time-outs on it.
 */
public record SumDbProbe(Duration timeout, SecretMasker masker) {
    /** A GOSUMDB value: the database's name and the URL go reaches it at directly. */
    public record SumDb(String name, String url) {
        /** {@code sum.golang.org}, {@code name+key}, {@code name+key url}; empty for {@code off}. */
        public static Optional<SumDb> of(String gosumdb) {
            String v = gosumdb == null || gosumdb.isBlank() ? "sum.golang.org" : gosumdb.strip();
            if (v.equals("off")) {
                return Optional.empty();
            }
            String[] parts = v.split("\\s+");
            String name = parts[0].contains("+") ? parts[0].substring(0, parts[0].indexOf('+')) : parts[0];
            String url = parts.length > 1 ? parts[1] : "https://" + name;
            if (!url.contains("://")) {
                url = "https://" + url;
            }
            return Optional.of(new SumDb(name, url.replaceAll("/+$", "")));
        }
    }

    /** Why go could not reach {@code db} through {@code proxies}; empty when it can. */
    public Optional<String> problem(SumDb db, GoProxyList proxies, Function<URI, Optional<URI>> proxyFor) {
        for (GoProxyList.Entry e : proxies.entries()) {
            if (e.isKeyword()) {
                break; // direct, or off: go asks the database itself
            }
            if (e.isFile()) {
                Path supported = Path.of(URI.create(e.value().replaceAll("/+$", "") + "/sumdb/" + db.name() + "/supported"));
                if (Files.isRegularFile(supported)) {
                    return Optional.empty();
                }
                continue;
            }
            String url = e.value().replaceAll("/+$", "") + "/sumdb/" + db.name() + "/supported";
            Answer a = get(url, proxyFor);
            if (a.status() == 200) {
                return Optional.empty();
            }
            if (a.status() == 404 || a.status() == 410) {
                continue;
            }
            return Optional.of("GOPROXY entry " + masker.mask(e.value()) + " was asked for it (" + masker.mask(url) + ") and "
                    + a.what() + "; go fails there too");
        }
        Answer direct = get(db.url() + "/latest", proxyFor);
        return direct.status() > 0 ? Optional.empty()
                : Optional.of("no GOPROXY entry serves it, and " + masker.mask(db.url()) + " itself " + direct.what());
    }

    private record Answer(int status, String what) {
    }

    private Answer get(String url, Function<URI, Optional<URI>> proxyFor) {
        URI uri = URI.create(url);
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL);
        proxyFor.apply(uri).ifPresent(p -> b.proxy(ProxySelector.of(InetSocketAddress.createUnresolved(p.getHost(), p.getPort() > 0 ? p.getPort() : 80))));
        URI noUserInfo = URI.create(uri.getScheme() + "://" + uri.getRawAuthority().replaceFirst("^.*@", "") + uri.getRawPath());
        HttpRequest req = HttpRequest.newBuilder(noUserInfo).GET().timeout(timeout).build();
        try {
            int status = b.build().send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Answer(status, "answered " + status);
        } catch (java.net.http.HttpTimeoutException e) {
            return new Answer(-1, "did not answer within " + timeout.toMillis() + " ms");
        } catch (java.net.ConnectException e) {
            return new Answer(-1, "refused the connection");
        } catch (IOException e) {
            return new Answer(-1, "failed: " + masker.mask(String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "was interrupted");
        }
    }
}
