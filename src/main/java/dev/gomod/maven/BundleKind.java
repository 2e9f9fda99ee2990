package dev.gomod.maven;

import dev.gomod.bundle.BundleLayout;
import org.apache.maven.plugin.MojoFailureException;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The bundles package makes and restore takes, by the names users give them, with their classifiers and layouts. */
enum BundleKind {
    VENDOR("go-vendor", BundleLayout.VENDOR),
    MODCACHE("go-modcache", BundleLayout.MODCACHE);

    private final String classifier;
    private final BundleLayout layout;

    BundleKind(String classifier, BundleLayout layout) {
        this.classifier = classifier;
        this.layout = layout;
    }

    String classifier() {
        return classifier;
    }

    BundleLayout layout() {
        return layout;
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
        return "vendor or modcache";
    }
}
