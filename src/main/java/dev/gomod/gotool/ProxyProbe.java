package dev.gomod.gotool;

import dev.gomod.Reporter;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Drops GOPROXY entries that cannot answer, before go wastes a full timeout on them: an http(s)
 * entry that refuses the connection or does not answer a HEAD request within the probe time, and a
 * file:// entry whose directory is missing. Any HTTP answer (even 401 or 404) counts as alive.
 */
public record ProxyProbe(Duration timeout, SecretMasker masker, Reporter reporter) {
    /**
     * The probe asks only whether anybody answers: it sends no credentials and reads no body. Trust
     * is go's business when it fetches (with its own roots, SSL_CERT_FILE and the sum database), so
     * the probe accepts any certificate rather than drop a proxy whose CA only go knows.
     */
    private static final SSLContext ANSWERS_ONLY = answersOnly();

    /** The list with unreachable entries removed; {@code off} and {@code direct} are kept as they are. */
    public GoProxyList probe(GoProxyList list, Function<URI, Optional<URI>> proxyFor) {
        return list.filter(e -> {
            if (e.isKeyword()) {
                return true;
            }
            String problem = e.isFile() ? checkFile(e.value()) : e.isHttp() ? httpProblem(e.value(), proxyFor) : null;
            if (problem != null) {
                reporter.warn("GOPROXY entry " + masker.mask(e.value()) + " skipped: " + problem);
                return false;
            }
            return true;
        });
    }

    private static SSLContext answersOnly() {
        X509ExtendedTrustManager any = new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {any}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has TLS", e);
        }
    }

    private static String checkFile(String url) {
        try {
            Path dir = Path.of(URI.create(url));
            return Files.isDirectory(dir) ? null : "directory " + dir + " does not exist";
        } catch (IllegalArgumentException e) {
            return "not a valid file:// URL";
        }
    }

    /** Why nobody answers a HEAD of {@code url} (the way go goes: through its HTTP proxy or directly), or null. */
    String httpProblem(String url, Function<URI, Optional<URI>> proxyFor) {
        URI uri;
        try {
            uri = URI.create(url.endsWith("/") ? url : url + "/");
        } catch (IllegalArgumentException e) {
            return "not a valid URL";
        }
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(ANSWERS_ONLY);
        // the way go will go: through the proxy go would use for this URL, or directly
        Optional<URI> proxy = proxyFor.apply(uri);
        proxy.ifPresent(p -> b.proxy(ProxySelector.of(InetSocketAddress.createUnresolved(p.getHost(), p.getPort() > 0 ? p.getPort() : 80))));
        HttpClient client = b.build();
        URI noUserInfo = URI.create(uri.getScheme() + "://" + uri.getRawAuthority().replaceFirst("^.*@", "") + uri.getRawPath());
        HttpRequest req = HttpRequest.newBuilder(noUserInfo).method("HEAD", HttpRequest.BodyPublishers.noBody()).timeout(timeout).build();
        try {
            client.send(req, HttpResponse.BodyHandlers.discarding());
            return null; // any answer, a proxy's 407 included: the entry is alive as far as a probe can tell
        } catch (java.net.http.HttpTimeoutException e) {
            return "no answer within " + timeout.toMillis() + " ms";
        } catch (java.net.ConnectException e) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof java.nio.channels.UnresolvedAddressException) {
                    return "unknown host " + uri.getHost();
                }
            }
            return "connection refused";
        } catch (IOException e) {
            if (proxy.isPresent() && String.valueOf(e.getMessage()).contains("407")) {
                return null; // the forward proxy wants the credentials go will send; the probe has none
            }
            return masker.mask(String.valueOf(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
