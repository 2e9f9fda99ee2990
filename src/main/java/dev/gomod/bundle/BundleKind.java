package dev.gomod.bundle;


import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of bundle by the names users give them, each with the layouts it makes: the one
 * registry from which package, freeze, restore and install take classifiers, lock pins and
 * restore targets (through {@link BundleLayout}). A kind is one layout, or one per platform (a
 * toolchain).
 */
public enum BundleKind {
    VENDOR(false, true),
    MODCACHE(false, false),
    TOOLCHAIN(true, true),
    VULNDB(false, true);

    private final boolean shared;
    private final boolean inWorkspaceMode;

    BundleKind(boolean shared, boolean inWorkspaceMode) {
        this.shared = shared;
        this.inWorkspaceMode = inWorkspaceMode;
    }

    /** As users write it: {@code vendor}, {@code modcache}, {@code toolchain}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether it installs into a directory shared by every build on the machine (a toolchain),
     * rather than being restored into one workspace.
     */
    public boolean shared() {
        return shared;
    }

    /** Whether bundles of this kind are made of a go.work workspace (the module cache of a workspace is not built yet). */
    public boolean inWorkspaceMode() {
        return inWorkspaceMode;
    }

    /**
     * Whether this kind's bundles are made for one workspace ({@link BundleLayout#ofWorkspace}); a
     * kind that is not can be packed by a project with no go.mod.
     */
    public boolean ofWorkspace() {
        return layouts(LayoutChoices.NONE).stream().allMatch(BundleLayout::ofWorkspace);
    }

    /** The layouts of this kind: its one layout, or one per toolchain module chosen. */
    public List<BundleLayout> layouts(LayoutChoices choices) {
        return switch (this) {
            case VENDOR -> List.of(BundleLayout.VENDOR);
            case MODCACHE -> List.of(BundleLayout.MODCACHE);
            case TOOLCHAIN -> choices.toolchains().stream().<BundleLayout>map(ToolchainBundle::new).toList();
            case VULNDB -> List.of(new VulndbBundle(choices.vulndb()));
        };
    }

    /** Whether a bundle of this kind, of any module or platform, may hold this entry name. */
    boolean admits(String name) {
        return switch (this) {
            case VENDOR -> BundleLayout.VENDOR.admits(name);
            case MODCACHE -> BundleLayout.MODCACHE.admits(name);
            case TOOLCHAIN -> ToolchainBundle.isToolchainEntry(name);
            case VULNDB -> BundleLayout.VULNDB.admits(name);
        };
    }

    /** The kind a user's name means. */
    public static Optional<BundleKind> of(String id) {
        for (BundleKind k : values()) {
            if (k.id().equals(id == null ? "" : id.strip())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
