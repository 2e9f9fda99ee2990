package dev.gomod.maven;

import dev.gomod.gotool.GoEnvironment;
import dev.gomod.gotool.GoProxyList;
import dev.gomod.gotool.SecretMasker;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What go takes from settings.xml: the first active {@code <proxy>} as HTTP(S)_PROXY and NO_PROXY,
 * and a {@code <server>}'s credentials for an https GOPROXY host. Passwords are decrypted by Maven; one
 * that cannot be decrypted fails the goal naming the entry, since sending the still-encrypted text
 * would only be refused by the server, after a confusing 401.
 */
final class GoSettings {
    /** A proxy for go: its URL (userinfo percent-encoded), NO_PROXY, and the password to mask. */
    record HttpProxy(String url, String noProxy, String password) {
        @Override
        public String toString() {
            return "HttpProxy[" + (password == null ? url : url.replace(encode(password), "****")) + ", " + noProxy + "]";
        }
    }

    private final Settings settings;
    private final SettingsDecrypter decrypter;

    GoSettings(Settings settings, SettingsDecrypter decrypter) {
        this.settings = settings;
        this.decrypter = decrypter;
    }

    /** The first active {@code <proxy>}, as Maven itself uses it. */
    Optional<HttpProxy> proxy() throws MojoFailureException {
        if (settings == null) {
            return Optional.empty();
        }
        for (Proxy p : settings.getProxies()) {
            if (!p.isActive()) {
                continue;
            }
            Proxy proxy = decrypt(p);
            String auth = proxy.getUsername() == null ? "" : encode(proxy.getUsername())
                    + (proxy.getPassword() == null ? "" : ":" + encode(proxy.getPassword())) + "@";
            String url = (proxy.getProtocol() == null ? "http" : proxy.getProtocol()) + "://" + auth + proxy.getHost()
                    + (proxy.getPort() > 0 ? ":" + proxy.getPort() : "");
            return Optional.of(new HttpProxy(url, noProxy(proxy.getNonProxyHosts()), proxy.getPassword()));
        }
        return Optional.empty();
    }

    /**
     * The credentials for an http(s) GOPROXY entry: from the {@code <server>} named {@code serverId},
     * else from one whose id is the entry's host name. The netrc host carries the port when the URL does.
     */
    Optional<GoEnvironment.Credentials> credentials(String serverId, URI goproxy) throws MojoFailureException {
        if (settings == null) {
            return Optional.empty();
        }
        if (serverId != null && settings.getServer(serverId) == null) {
            throw new MojoFailureException("settings.xml has no <server> with id '" + serverId + "' (" + Property.SERVER_ID + ")");
        }
        String host = goproxy.getHost();
        return serverCredentials(serverId != null ? serverId : host, goproxy.getPort() > 0 ? host + ":" + goproxy.getPort() : host);
    }

    /** The credentials of the {@code <server>} with this id, if it has a user name, for netrc's {@code machine} (host or host:port). */
    Optional<GoEnvironment.Credentials> serverCredentials(String id, String machine) throws MojoFailureException {
        if (settings == null || id == null) {
            return Optional.empty();
        }
        Server s = settings.getServer(id);
        if (s == null || s.getUsername() == null) {
            return Optional.empty();
        }
        Server server = decrypt(s);
        try {
            return Optional.of(new GoEnvironment.Credentials(machine, server.getUsername(), server.getPassword() == null ? "" : server.getPassword()));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("settings.xml <server> '" + s.getId() + "': " + e.getMessage());
        }
    }

    private Server decrypt(Server s) throws MojoFailureException {
        return decrypt(s, new DefaultSettingsDecryptionRequest(s), "<server> '" + s.getId() + "'", SettingsDecryptionResult::getServer);
    }

    private Proxy decrypt(Proxy p) throws MojoFailureException {
        return decrypt(p, new DefaultSettingsDecryptionRequest(p), "<proxy> '" + p.getId() + "'", SettingsDecryptionResult::getProxy);
    }

    /** The entry with its password decrypted; fails, naming the entry, when it cannot be. */
    private <T> T decrypt(T entry, SettingsDecryptionRequest request, String what, Function<SettingsDecryptionResult, T> decrypted)
            throws MojoFailureException {
        if (decrypter == null) {
            return entry;
        }
        SettingsDecryptionResult r = decrypter.decrypt(request);
        requireNoErrors(r, what);
        T out = decrypted.apply(r);
        return out != null ? out : entry;
    }

    private static void requireNoErrors(SettingsDecryptionResult r, String entry) throws MojoFailureException {
        List<SettingsProblem> errors = r.getProblems().stream()
                .filter(p -> p.getSeverity() == SettingsProblem.Severity.ERROR || p.getSeverity() == SettingsProblem.Severity.FATAL)
                .toList();
        if (!errors.isEmpty()) {
            throw new MojoFailureException("settings.xml " + entry + ": its password cannot be decrypted ("
                    + errors.stream().map(SettingsProblem::getMessage).collect(Collectors.joining("; "))
                    + "). Check ~/.m2/settings-security.xml (the master password), or encrypt the password again with"
                    + " 'mvn --encrypt-password'");
        }
    }

    /** The http(s) entries of a GOPROXY list that carry a password in their URL, masked for a warning. */
    static List<String> entriesWithPasswords(String goproxy) {
        if (goproxy == null) {
            return List.of();
        }
        return GoProxyList.parse(goproxy).entries().stream().filter(GoProxyList.Entry::isHttp)
                .filter(e -> {
                    String userInfo = URI.create(e.value()).getRawUserInfo();
                    return userInfo != null && userInfo.contains(":");
                })
                .map(e -> new SecretMasker().mask(e.value())).toList();
    }

    /** Maven's {@code *.corp.example|localhost} as Go's NO_PROXY {@code .corp.example,localhost}. */
    static String noProxy(String nonProxyHosts) {
        if (nonProxyHosts == null || nonProxyHosts.isBlank()) {
            return null;
        }
        return Arrays.stream(nonProxyHosts.split("[|,]")).map(String::strip).filter(h -> !h.isEmpty())
                .map(h -> h.startsWith("*.") ? h.substring(1) : h.replace("*", ""))
                .collect(Collectors.joining(","));
    }

    /** RFC 3986 userinfo: everything but the unreserved characters percent-encoded, so {@code @ : /} cannot break the URL. */
    static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                b.append(c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(x & 0xf, 16)));
            }
        }
        return b.toString();
    }
}
