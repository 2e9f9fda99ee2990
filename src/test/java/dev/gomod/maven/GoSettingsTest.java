package dev.gomod.maven;

import dev.gomod.gotool.GoEnvironment;
import dev.gomod.gotool.SecretMasker;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.io.DefaultSettingsReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** settings.xml entries read and decrypted by Maven's own reader and decrypter, as go gets them. */
class GoSettingsTest {
    private static final String MASTER = "m4ster-pw";

    @TempDir
    Path tmp;

    private DefaultSettingsDecrypter decrypter;
    private DefaultPlexusCipher cipher;

    @BeforeEach
    void masterPassword() throws Exception {
        cipher = new DefaultPlexusCipher();
        Path security = tmp.resolve("settings-security.xml");
        Files.writeString(security, "<settingsSecurity><master>" + cipher.encryptAndDecorate(MASTER, "settings.security")
                + "</master></settingsSecurity>\n");
        decrypter = new DefaultSettingsDecrypter(new DefaultSecDispatcher(cipher, Map.of(), security.toString()));
    }

    private Settings settings(String body) throws Exception {
        Path f = tmp.resolve("settings.xml");
        Files.writeString(f, "<settings>" + body + "</settings>\n");
        return new DefaultSettingsReader().read(f.toFile(), Map.of());
    }

    @Test
    void anEncryptedServerPasswordIsDecryptedAndTheHostKeepsItsPort() throws Exception {
        String encrypted = cipher.encryptAndDecorate("n3xus-pw", MASTER);
        GoSettings s = new GoSettings(settings("<servers><server><id>nexus.corp.example</id><username>ci</username><password>"
                + encrypted + "</password></server></servers>"), decrypter);
        GoEnvironment.Credentials c = s.credentials(null, URI.create("https://nexus.corp.example:8443/repository/go")).orElseThrow();
        assertEquals("nexus.corp.example:8443", c.host());
        assertEquals("ci", c.username());
        assertEquals("n3xus-pw", c.password());
        assertTrue(s.credentials(null, URI.create("https://other.example/")).isEmpty());
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> s.credentials("corp", URI.create("https://x/")));
        assertEquals("settings.xml has no <server> with id 'corp' (gomod.serverId)", e.getMessage());
    }

    @Test
    void aPasswordThatCannotBeDecryptedFailsNamingTheServerAndIsNeverSent() throws Exception {
        String otherMaster = new DefaultPlexusCipher().encryptAndDecorate("n3xus-pw", "another-master");
        GoSettings s = new GoSettings(settings("<servers><server><id>nexus.corp.example</id><username>ci</username><password>"
                + otherMaster + "</password></server></servers>"), decrypter);
        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> s.credentials(null, URI.create("https://nexus.corp.example/repository/go")));
        assertTrue(e.getMessage().startsWith("settings.xml <server> 'nexus.corp.example': its password cannot be decrypted ("), e.getMessage());
        assertTrue(e.getMessage().contains("mvn --encrypt-password"), e.getMessage());
        assertFalse(e.getMessage().contains(otherMaster), "the encrypted text stays out of the message");

        GoSettings p = new GoSettings(settings("<proxies><proxy><id>corp-proxy</id><host>proxy</host><port>3128</port><username>u</username>"
                + "<password>" + otherMaster + "</password></proxy></proxies>"), decrypter);
        e = assertThrows(MojoFailureException.class, p::proxy);
        assertTrue(e.getMessage().startsWith("settings.xml <proxy> 'corp-proxy': its password cannot be decrypted"), e.getMessage());
    }

    @Test
    void proxyCredentialsWithUrlCharactersAreEncodedAndMaskedAndNonProxyHostsMapped() throws Exception {
        String password = "p@ss:w/rd%?#";
        GoSettings s = new GoSettings(settings("<proxies><proxy><id>off</id><active>false</active><host>unused</host></proxy>"
                + "<proxy><id>corp</id><host>proxy.corp.example</host><port>3128</port><username>build user</username>"
                + "<password>" + cipher.encryptAndDecorate(password, MASTER) + "</password>"
                + "<nonProxyHosts>*.corp.example|localhost|nexus.internal</nonProxyHosts></proxy></proxies>"), decrypter);
        GoSettings.HttpProxy p = s.proxy().orElseThrow();
        assertEquals("http://build%20user:p%40ss%3Aw%2Frd%25%3F%23@proxy.corp.example:3128", p.url());
        URI parsed = URI.create(p.url());
        assertEquals("proxy.corp.example", parsed.getHost());
        assertEquals("build user:" + password, parsed.getUserInfo(), "decodes back to the password");
        assertEquals(".corp.example,localhost,nexus.internal", p.noProxy());
        assertFalse(p.toString().contains("p%40ss"), p.toString());

        SecretMasker masker = new SecretMasker().add(p.password());
        GoEnvironment env = new GoEnvironment(Map.of(), masker).httpProxies(p.url(), p.url(), p.noProxy());
        String shown = String.join("\n", env.describe());
        assertFalse(shown.contains("p%40ss") || shown.contains(password), shown);
    }

    @Test
    void aPasswordInAGoproxyUrlIsFoundAndShownMasked() {
        assertEquals(List.of("https://ci:****@nexus.corp.example/repository/go"),
                GoSettings.entriesWithPasswords("https://ci:t0ken@nexus.corp.example/repository/go,https://proxy.golang.org|file:///x,direct"));
        assertEquals(List.of(), GoSettings.entriesWithPasswords("https://user@host/x,off"), "a user name alone is no secret");
        assertEquals(List.of(), GoSettings.entriesWithPasswords(null));
    }
}
