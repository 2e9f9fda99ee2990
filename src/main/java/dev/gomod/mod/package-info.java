/**
 * Go's module text formats and identifiers: go.mod, go.sum, vendor/modules.txt, module paths
 * (validation and the {@code !}-escaping of proxy and cache paths) and Go's semantic versions.
 *
 * <p>Written by hand because no Java library implements them; the rules follow golang.org/x/mod
 * ({@code modfile}, {@code module}, {@code semver}) and cmd/go. Nothing here knows about Maven.
 */
package dev.gomod.mod;
