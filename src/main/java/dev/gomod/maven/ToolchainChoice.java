package dev.gomod.maven;

import dev.gomod.gotool.ToolchainModule;
import dev.gomod.mod.GoMod;
import org.apache.maven.plugin.MojoFailureException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which toolchains a build ships and an agent installs, from the user's words: the release go.mod
 * names (its toolchain line, else its go line, else {@code gomod.toolchainVersion}) for each
 * platform of {@code gomod.toolchainPlatforms}.
 */
final class ToolchainChoice {
    private ToolchainChoice() {
    }

    /** The release, {@code go1.26.8}; a go.mod that names none (go 1.19, say) needs {@code gomod.toolchainVersion}. */
    static String release(GoMod goMod, String fallback) throws MojoFailureException {
        String release = ToolchainModule.releaseFor(goMod, fallback).orElseThrow(() -> new MojoFailureException(goMod.file()
                + (goMod.goLine() > 0 ? ":" + goMod.goLine() : "") + ": names no Go release that is served as a toolchain module"
                + " (they exist from go1.21.0 on). Add a toolchain line ('go get toolchain@go1.26.8') or set "
                + Property.TOOLCHAIN_VERSION + "=1.26.8"));
        try {
            return ToolchainModule.of(release, "linux-amd64").go(); // checks the release's form; the platform plays no part
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(goMod.file() + ": " + e.getMessage() + " (or " + Property.TOOLCHAIN_VERSION + ")");
        }
    }

    /** One module per platform of a comma-separated list such as {@code linux-amd64,darwin-arm64}. */
    static List<ToolchainModule> modules(GoMod goMod, String fallback, String platforms) throws MojoFailureException {
        String release = release(goMod, fallback);
        Set<String> seen = new LinkedHashSet<>();
        for (String p : (platforms == null ? "" : platforms).split(",")) {
            if (!p.isBlank()) {
                seen.add(p.strip());
            }
        }
        if (seen.isEmpty()) {
            throw new MojoFailureException(Property.TOOLCHAIN_PLATFORMS + " is empty: name at least one platform, e.g. linux-amd64");
        }
        List<ToolchainModule> modules = new ArrayList<>();
        for (String p : seen) {
            try {
                modules.add(ToolchainModule.of(release, p));
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException(Property.TOOLCHAIN_PLATFORMS + ": " + e.getMessage());
            }
        }
        return modules;
    }
}
