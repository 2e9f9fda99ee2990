/**
 * Go's {@code h1:} directory hash (golang.org/x/mod/sumdb/dirhash Hash1) over file lists, module
 * zips, directories and single go.mod files, and the sha256 digests the lock file records; and the
 * {@link dev.gomod.hash.StatCache}, which remembers digests by file stat so that an unchanged tree
 * is not read again where nothing but speed depends on it.
 *
 * <p>Written by hand: no Java library implements Hash1, and its file order (UTF-8 byte order, not
 * Java's UTF-16 order) is easy to get subtly wrong.
 */
package dev.gomod.hash;
