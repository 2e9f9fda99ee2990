package dev.gomod.bundle;

import dev.gomod.gotool.ToolchainModule;
import dev.gomod.vulndb.VulnDbSource;

import java.util.List;
import java.util.Optional;

/**
 * What picks the layouts of a kind ({@link BundleKind#layouts}): the toolchains, one layout per
 * platform, and where a vulnerability database comes from. Restore needs neither: it takes the
 * layouts as {@link #NONE} gives them.
 */
public record LayoutChoices(List<ToolchainModule> toolchains, Optional<VulnDbSource> vulndb) {
    public static final LayoutChoices NONE = new LayoutChoices(List.of(), Optional.empty());

    public LayoutChoices {
        toolchains = List.copyOf(toolchains);
    }
}
