/**
 * The GOPROXY directory layout ({@code <escaped path>/@v/list, .info, .mod, .zip}, plus the module
 * cache's {@code .ziphash}), as served by a {@code file://} GOPROXY and as kept in
 * {@code $GOMODCACHE/cache/download}; and checking such a directory against go.sum.
 */
package dev.gomod.proxy;
