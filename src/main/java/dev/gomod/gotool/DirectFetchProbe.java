package dev.gomod.gotool;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Before go fetches modules straight from their hosts, whether anybody answers there the way go
 * will ask (see {@link DirectFetch}), within the probe time. go gives up on a way that is refused
 * and tries the next, but waits as long as it runs on a host that accepts the connection and never
 * answers (git has no time-out of its own), and when every way is refused says only {@code no
 * secure protocol found for repository}. Each server is asked once however many modules it holds.
 * An answer is any first bytes: an HTTP status, git's ref advertisement, ssh's banner.
 */
public final class DirectFetchProbe {
    /** What one server did. */
    enum Outcome { ANSWERED, REFUSED, SILENT }

    private record Result(Outcome outcome, String detail) {
    }

    private final Duration timeout;
    private final SecretMasker masker;
    private final Function<URI, Optional<URI>> proxyFor;
    private final Map<DirectFetch.Endpoint, Result> asked = new HashMap<>();

    /** @param proxyFor the HTTP proxy go or git would use for a URL (git's curl reads the same variables) */
    public DirectFetchProbe(Duration timeout, SecretMasker masker, Function<URI, Optional<URI>> proxyFor) {
        this.timeout = timeout;
        this.masker = masker;
        this.proxyFor = proxyFor;
    }

    /**
     * Why go could not fetch these modules directly, naming the module, each way tried and what it
     * got; empty when each has a way that answers. {@code attempts} holds go's ways per module path.
     */
    public Optional<String> problem(Map<String, List<DirectFetch.Attempt>> attempts) {
        // one verdict per distinct list of servers: a host's hundred modules are one question
        Map<List<String>, List<String>> sharing = new LinkedHashMap<>();
        Map<List<String>, List<DirectFetch.Attempt>> ways = new HashMap<>();
        attempts.forEach((module, tries) -> {
            List<String> servers = tries.stream().map(a -> DirectFetch.endpoint(a.connectsTo()).map(Object::toString).orElse(a.connectsTo())).toList();
            sharing.computeIfAbsent(servers, k -> new ArrayList<>()).add(module);
            ways.putIfAbsent(servers, tries);
        });
        List<String> problems = new ArrayList<>();
        sharing.forEach((servers, modules) -> verdict(modules.get(0), ways.get(servers), modules.size() - 1).ifPresent(problems::add));
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", problems));
    }

    private Optional<String> verdict(String module, List<DirectFetch.Attempt> ways, int others) {
        List<String> tried = new ArrayList<>();
        String who = module + (others > 0 ? " (and " + others + " more module" + (others > 1 ? "s" : "") + " from the same place)" : "");
        for (DirectFetch.Attempt a : ways) {
            Optional<DirectFetch.Endpoint> at = DirectFetch.endpoint(a.connectsTo());
            if (at.isEmpty()) {
                return Optional.empty(); // a local path: nothing to wait for
            }
            Result r = asked.computeIfAbsent(at.get(), this::ask);
            switch (r.outcome()) {
                case ANSWERED -> {
                    return Optional.empty();
                }
                case SILENT -> {
                    return Optional.of(who + ": " + masker.mask(a.described()) + " " + r.detail()
                            + "; go (through " + (a.byVcs() ? "git" : "its own HTTP client") + ") would wait there until it is stopped"
                            + (tried.isEmpty() ? "" : " (before that: " + String.join("; ", tried) + ")"));
                }
                case REFUSED -> tried.add(masker.mask(a.described()) + ": " + r.detail());
            }
        }
        return Optional.of(who + ": none of the ways go tries to its repository answers: " + String.join("; ", tried));
    }

    private Result ask(DirectFetch.Endpoint at) {
        if (at.speaksHttp()) {
            return askHttp(at);
        }
        Socket s = new Socket();
        try (s) {
            s.connect(new InetSocketAddress(at.host(), at.port()), (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            if (at.scheme().equals("git")) {
                // git's daemon speaks only when spoken to: ask for the ref advertisement of no repository in particular
                OutputStream out = s.getOutputStream();
                byte[] body = ("git-upload-pack /\0host=" + at.host() + "\0").getBytes(StandardCharsets.UTF_8);
                out.write(String.format("%04x", body.length + 4).getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            } else if (at.scheme().equals("bzr")) {
                return new Result(Outcome.ANSWERED, "accepted the connection");
            }
            InputStream in = s.getInputStream();
            int b = in.read(); // ssh and svn greet first; git answers the request, or hangs up on an unknown repository
            return b >= 0 || at.scheme().equals("git") ? new Result(Outcome.ANSWERED, "answered")
                    : new Result(Outcome.REFUSED, "closed the connection without a word");
        } catch (SocketTimeoutException e) {
            return new Result(Outcome.SILENT, s.isConnected() ? "accepted the connection and did not answer within " + timeout.toMillis() + " ms"
                    : "did not accept a connection within " + timeout.toMillis() + " ms");
        } catch (UnknownHostException e) {
            return new Result(Outcome.REFUSED, "unknown host " + at.host());
        } catch (ConnectException | NoRouteToHostException e) {
            return new Result(Outcome.REFUSED, "connection refused");
        } catch (IOException e) {
            return new Result(Outcome.REFUSED, String.valueOf(e.getMessage()));
        }
    }

    private Result askHttp(DirectFetch.Endpoint at) {
        String problem = new ProxyProbe(timeout, masker, dev.gomod.Reporter.SILENT).httpProblem(
                at.scheme() + "://" + (at.host().contains(":") ? "[" + at.host() + "]" : at.host()) + ":" + at.port() + "/", proxyFor);
        if (problem == null) {
            return new Result(Outcome.ANSWERED, "answered");
        }
        return problem.startsWith("no answer") ? new Result(Outcome.SILENT, "did not answer within " + timeout.toMillis() + " ms")
                : new Result(Outcome.REFUSED, problem);
    }
}
