package dev.gomod.maven;

import dev.gomod.bundle.BundleLayout;
import dev.gomod.bundle.ToolchainBundle;
import dev.gomod.gotool.ToolchainModule;
import org.apache.maven.plugin.MojoFailureException;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The bundles package makes and restore takes, by the names users give them, with their classifiers
 * and layouts. A toolchain is one bundle per platform, its layout and classifier
 * ({@code go-toolchain-<os>-<arch>}) made by {@link #toolchain}.
 */
enum BundleKind {
    VENDOR("go-vendor", BundleLayout.VENDOR),
    MODCACHE("go-modcache", BundleLayout.MODCACHE),
    TOOLCHAIN(ToolchainBundle.KIND, null);

    private final String classifier;
    private final BundleLayout layout;

    BundleKind(String classifier, BundleLayout layout) {
        this.classifier = classifier;
        this.layout = layout;
    }

    String classifier() {
        return classifier;
    }

    /** The layout of a vendor or module-cache bundle; a toolchain's depends on its release and platform. */
    BundleLayout layout() {
        if (layout == null) {
            throw new IllegalStateException(this + " has one layout per release and platform");
        }
        return layout;
    }

    /** The classifier of one platform's toolchain: {@code go-toolchain-linux-amd64}. */
    static String toolchainClassifier(ToolchainModule module) {
        return TOOLCHAIN.classifier + "-" + module.platform();
    }

    /** As users write it: {@code vendor}, {@code modcache}. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** One kind, as {@code gomod.kind} names it. */
    static BundleKind parse(String value, String property) throws MojoFailureException {
        for (BundleKind k : values()) {
            if (k.id().equals(value == null ? "" : value.strip())) {
                return k;
            }
        }
        throw new MojoFailureException(property + "=" + value + ": use " + names());
    }

    /** A kind that restores into a workspace ({@code gomod.kind}): vendor or modcache; a toolchain has its own goal. */
    static BundleKind parseRestorable(String value, String property) throws MojoFailureException {
        BundleKind k = parse(value, property);
        if (k == TOOLCHAIN) {
            throw new MojoFailureException(property + "=" + value + ": a toolchain is installed by gomod:install-go, not restored;"
                    + " use vendor or modcache here");
        }
        return k;
    }

    /** A comma-separated list, as {@code gomod.bundles} names them. */
    static Set<BundleKind> parseList(String value, String property) throws MojoFailureException {
        Set<BundleKind> kinds = EnumSet.noneOf(BundleKind.class);
        for (String k : (value == null ? "" : value).split(",")) {
            if (!k.isBlank()) {
                kinds.add(parse(k, property));
            }
        }
        if (kinds.isEmpty()) {
            throw new MojoFailureException(property + " is empty: name at least one of " + names());
        }
        return kinds;
    }

    private static String names() {
        return "vendor, modcache or toolchain";
    }
}
