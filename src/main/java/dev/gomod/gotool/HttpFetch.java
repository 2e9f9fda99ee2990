package dev.gomod.gotool;

import java.io.IOException;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;

/**
 * GETs of URLs the plugin reads itself rather than through go (a vulnerability database's server),
 * reached the way go would reach them: through the HTTP proxy Go's rules pick for the URL
 * ({@link GoEnvironment#httpProxyFor}), with the credentials the environment holds for the host,
 * or those in the URL. Credentials are only ever given to the host they are for, in answer to its
 * challenge (an {@link Authenticator}, so a redirect to another host gets none), and no URL is
 * named in an error with its password.
 */
public final class HttpFetch {
    private final HttpClient client;
    private final Duration timeout;
    private final SecretMasker masker;
    /** Credentials named in the URLs given, by host: answered on that host's challenge only. */
    private final java.util.Map<String, PasswordAuthentication> inUrls = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param env the proxies and credentials; a password in a URL given later is masked too */
    public HttpFetch(GoEnvironment env, Duration timeout) {
        this.timeout = timeout;
        this.masker = env.masker();
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .authenticator(new Credentials(env, inUrls));
        b.proxy(new ProxySelector() {
            @Override
            public java.util.List<java.net.Proxy> select(URI uri) {
                return env.httpProxyFor(uri)
                        .map(p -> java.util.List.of(new java.net.Proxy(java.net.Proxy.Type.HTTP,
                                InetSocketAddress.createUnresolved(p.getHost(), p.getPort() > 0 ? p.getPort() : 80))))
                        .orElse(java.util.List.of(java.net.Proxy.NO_PROXY));
            }

            @Override
            public void connectFailed(URI uri, java.net.SocketAddress sa, IOException e) {
            }
        });
        this.client = b.build();
    }

    /** The proxy's user for a proxy's challenge; for a server's, the credentials given for that host. */
    private static final class Credentials extends Authenticator {
        private final GoEnvironment env;
        private final java.util.Map<String, PasswordAuthentication> inUrls;

        Credentials(GoEnvironment env, java.util.Map<String, PasswordAuthentication> inUrls) {
            this.env = env;
            this.inUrls = inUrls;
        }

        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            if (getRequestorType() == RequestorType.PROXY) {
                URI target = getRequestingURL() == null ? null : URI.create(getRequestingURL().toString());
                return Optional.ofNullable(target).flatMap(env::httpProxyFor).flatMap(HttpFetch::userInfo).orElse(null);
            }
            String host = getRequestingHost();
            return Optional.ofNullable(inUrls.get(host))
                    .or(() -> env.credentialsFor(host, getRequestingPort()).map(c -> new PasswordAuthentication(c.username(), c.password().toCharArray())))
                    .orElse(null);
        }
    }

    /** The user and password a URL carries ({@code user:password@}), decoded; empty without a password. */
    private static Optional<PasswordAuthentication> userInfo(URI url) {
        String u = url.getRawUserInfo();
        if (u == null || !u.contains(":")) {
            return Optional.empty();
        }
        return Optional.of(new PasswordAuthentication(decode(u.substring(0, u.indexOf(':'))), decode(u.substring(u.indexOf(':') + 1)).toCharArray()));
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The URL as it may be shown: without the password it may carry. */
    public String masked(URI url) {
        String u = url.getRawUserInfo();
        if (u != null && u.contains(":")) {
            masker.add(u.substring(u.indexOf(':') + 1));
        }
        return masker.mask(url.toString());
    }

    /** The body of a 200 answer; empty on 404 or 410 (not there); an IOException naming the URL for anything else. */
    public Optional<byte[]> get(URI url) throws IOException {
        HttpResponse<byte[]> r = send(url, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() == 200) {
            return Optional.of(r.body());
        }
        if (r.statusCode() == 404 || r.statusCode() == 410) {
            return Optional.empty();
        }
        throw new IOException("GET " + masker.mask(url.toString()) + ": HTTP " + r.statusCode() + why(r.statusCode()));
    }

    /** Downloads {@code url} into {@code file} (streamed: a bulk database is tens of megabytes); false on 404 or 410. */
    public boolean download(URI url, Path file) throws IOException {
        HttpResponse<InputStream> r = send(url, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            if (r.statusCode() == 404 || r.statusCode() == 410) {
                return false;
            }
            if (r.statusCode() != 200) {
                throw new IOException("GET " + masker.mask(url.toString()) + ": HTTP " + r.statusCode() + why(r.statusCode()));
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return true;
        }
    }

    private static String why(int status) {
        return switch (status) {
            case 401, 403 -> " (the server wants credentials it was not given, or refused them: a settings.xml <server> whose id is the host)";
            case 407 -> " (the HTTP proxy wants credentials: settings.xml <proxy>)";
            default -> "";
        };
    }

    /** How often a GET is tried when the connection breaks under it. */
    private static final int ATTEMPTS = 3;

    /**
     * A GET, again on a connection that broke before an answer: servers close idle kept-alive
     * connections (Python's http.server after a few thousand requests, found on the real database),
     * and a GET is safe to repeat. A refused connection, an unknown host or a timeout is not retried.
     */
    private <T> HttpResponse<T> sendRetrying(HttpRequest req, HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return client.send(req, body);
            } catch (java.net.http.HttpTimeoutException | java.net.ConnectException e) {
                throw e;
            } catch (IOException e) {
                String m = String.valueOf(e.getMessage());
                if (attempt >= ATTEMPTS || m.contains("No credentials provided") || m.contains("too many authentication attempts")) {
                    throw e;
                }
                Thread.sleep(100L * attempt);
            }
        }
    }

    private <T> HttpResponse<T> send(URI url, HttpResponse.BodyHandler<T> body) throws IOException {
        URI plain = url;
        if (url.getRawUserInfo() != null) {
            // credentials in the URL are the user's way to name them for this host: answered on its challenge, never sent as part of the URL
            String u = url.getRawUserInfo();
            masked(url); // its password is a secret from here on
            userInfo(url).ifPresent(a -> inUrls.put(url.getHost(), a));
            plain = URI.create(url.getScheme() + "://" + url.getRawAuthority().substring(u.length() + 1) + url.getRawPath()
                    + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
        }
        HttpRequest req = HttpRequest.newBuilder(plain).GET().timeout(timeout).build();
        try {
            return sendRetrying(req, body);
        } catch (java.net.http.HttpTimeoutException e) {
            throw new IOException("GET " + masker.mask(url.toString()) + ": no answer within " + timeout.toSeconds() + " s", e);
        } catch (java.net.ConnectException e) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof java.nio.channels.UnresolvedAddressException) {
                    throw new IOException("GET " + masker.mask(url.toString()) + ": unknown host " + url.getHost(), e);
                }
            }
            throw new IOException("GET " + masker.mask(url.toString()) + ": connection refused", e);
        } catch (IOException e) {
            // the client's words for a challenge it had no (or no more) answer to
            String m = String.valueOf(e.getMessage());
            if (m.contains("No credentials provided") || m.contains("too many authentication attempts")) {
                boolean proxy = m.contains("proxy") || m.contains("407");
                throw new IOException("GET " + masker.mask(url.toString()) + ": HTTP " + (proxy ? 407 : 401) + why(proxy ? 407 : 401), e);
            }
            throw new IOException("GET " + masker.mask(url.toString()) + ": " + masker.mask(m), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("GET " + masker.mask(url.toString()) + " was interrupted");
        }
    }
}
