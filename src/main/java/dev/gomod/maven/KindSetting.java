package dev.gomod.maven;

import dev.gomod.bundle.BundleKind;
import org.apache.maven.plugin.MojoFailureException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code gomod.bundles} and {@code gomod.kind} as users write them: the names of
 * {@link BundleKind}, whose layouts give the classifiers, pins and restore targets; and
 * {@code gomod.vulndb}, where the vulnerability database's layout takes it from.
 */
final class KindSetting {
    private KindSetting() {
    }

    /** One kind, as {@code gomod.kind} names it. */
    static BundleKind parse(String value, String property) throws MojoFailureException {
        return BundleKind.of(value).orElseThrow(() -> new MojoFailureException(property + "=" + value + ": use " + names()));
    }

    /** A kind that restores into a workspace ({@code gomod.kind}); one shared by the machine (a toolchain) has its own goal. */
    static BundleKind parseRestorable(String value, String property) throws MojoFailureException {
        BundleKind k = parse(value, property);
        if (k.shared()) {
            throw new MojoFailureException(property + "=" + value + ": a toolchain is installed by gomod:install-go, not restored;"
                    + " use " + Arrays.stream(BundleKind.values()).filter(b -> !b.shared()).map(BundleKind::id).collect(Collectors.joining(" or "))
                    + " here");
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

    /** {@code gomod.vulndb}, a path read against the module directory, a URL fetched with {@code http}. */
    static java.util.Optional<dev.gomod.vulndb.VulnDbSource> vulndbSource(String value, java.nio.file.Path moduleDir,
                                                                         java.util.function.Function<java.net.URI, dev.gomod.gotool.HttpFetch> http)
            throws MojoFailureException {
        try {
            return java.util.Optional.of(dev.gomod.vulndb.VulnDbSource.parse(value, moduleDir, http));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(Property.VULNDB + "=" + e.getMessage());
        }
    }

    private static String names() {
        String[] ids = Arrays.stream(BundleKind.values()).map(BundleKind::id).toArray(String[]::new);
        return String.join(", ", Arrays.copyOf(ids, ids.length - 1)) + " or " + ids[ids.length - 1];
    }
}
