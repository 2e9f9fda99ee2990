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
import java.util.function.Consumer;

/**
 * Drops GOPROXY entries that cannot answer, before go wastes a full timeout on them: an http(s)
 * entry that refuses the connection or does not answer a HEAD request within the probe time, and a
 * file:// entry whose directory is missing. Any HTTP answer (even 401 or 404) counts as alive.
 */
public final class ProxyProbe {
    private final Duration timeout;
    private final Consumer<String> warn;
    private final SecretMasker masker;

    public ProxyProbe(Duration timeout, SecretMasker masker, Consumer<String> warn) {
        this.timeout = timeout;
        this.masker = masker;
        this.warn = warn;
    }

    /** The list with unreachable entries removed; {@code off} and {@code direct} are kept as they are. */
    public GoProxyList probe(GoProxyList list, String httpsProxy) {
        return list.filter(e -> {
            if (e.isKeyword()) {
                return true;
            }
            String problem = e.isFile() ? checkFile(e.value()) : e.isHttp() ? checkHttp(e.value(), httpsProxy) : null;
            if (problem != null) {
                warn.accept("GOPROXY entry " + masker.mask(e.value()) + " skipped: " + problem);
                return false;
            }
            return true;
        });
    }

    private static String checkFile(String url) {
        try {
            Path dir = Path.of(URI.create(url));
            return Files.isDirectory(dir) ? null : "directory " + dir + " does not exist";
        } catch (IllegalArgumentException e) {
            return "not a valid file:// URL";
        }
    }

    private String checkHttp(String url, String httpsProxy) {
        URI uri;
        try {
            uri = URI.create(url.endsWith("/") ? url : url + "/");
        } catch (IllegalArgumentException e) {
            return "not a valid URL";
        }
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER);
        if (httpsProxy != null && !httpsProxy.isBlank()) {
            URI p = URI.create(httpsProxy);
            b.proxy(ProxySelector.of(new InetSocketAddress(p.getHost(), p.getPort() > 0 ? p.getPort() : 80)));
        }
        HttpClient client = b.build();
        URI noUserInfo = URI.create(uri.getScheme() + "://" + uri.getRawAuthority().replaceFirst("^.*@", "") + uri.getRawPath());
        HttpRequest req = HttpRequest.newBuilder(noUserInfo).method("HEAD", HttpRequest.BodyPublishers.noBody()).timeout(timeout).build();
        try {
            client.send(req, HttpResponse.BodyHandlers.discarding());
            return null;
        } catch (java.net.http.HttpTimeoutException e) {
            return "no answer within " + timeout.toMillis() + " ms (gomod.proxyProbeTimeout)";
        } catch (java.net.ConnectException e) {
            return "connection refused";
        } catch (IOException e) {
            return masker.mask(String.valueOf(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
