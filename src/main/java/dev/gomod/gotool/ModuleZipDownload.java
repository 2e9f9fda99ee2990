package dev.gomod.gotool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gomod.workspace.DirectorySwap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One module version fetched by the go command ({@code go mod download}) into a fresh, private
 * GOMODCACHE: through the configured GOPROXY chain, and checked by go against the checksum database
 * (GOSUMDB) unless the user turned that off. What the plugin ships of a module that is not a
 * dependency (a Go toolchain, the vulnerability database) comes this way, so that the user's proxy,
 * credentials and checksum settings apply to it as to any module.
 *
 * @param zip  the module zip, byte for byte as the proxy served it
 * @param info its {@code .info} file ({@code {"Version":…,"Time":…}})
 */
public record ModuleZipDownload(Path zip, Path info) {
    /**
     * Downloads {@code path@version} into {@code freshCache}, which is emptied first; {@code version}
     * may be a query go resolves ({@code latest}).
     */
    public static ModuleZipDownload fetch(GoCommand go, Path freshCache, String path, String version) throws IOException, GoException {
        DirectorySwap.deleteTree(freshCache);
        Path work = Files.createDirectories(freshCache.resolve("work"));
        String flags = go.environment().get("GOFLAGS");
        // outside any module and any workspace; -modcacherw so that the scratch cache can be deleted
        GoCommand isolated = go.with("GOMODCACHE", freshCache.resolve("mod").toString()).with("GOWORK", "off")
                .with("GOFLAGS", ((flags == null ? "" : flags).replaceAll("-mod=\\S+", "") + " -modcacherw").strip());
        String json = isolated.run(work, "mod", "download", "-json", path + "@" + version).stdout();
        JsonNode d = new ObjectMapper().readTree(json);
        if (d == null || !d.hasNonNull("Zip") || !d.hasNonNull("Info")) {
            throw new IOException("go mod download -json " + path + "@" + version + " named no zip: " + json.strip());
        }
        return new ModuleZipDownload(Path.of(d.get("Zip").asText()), Path.of(d.get("Info").asText()));
    }
}
