/**
 * The artifacts this plugin deploys: the vendor bundle (vendor/, go.mod, go.sum, gomod.lock and a
 * manifest) and the module-cache bundle (a GOPROXY-layout directory of every module the build
 * needs). Packing them reproducibly, and the manifest that describes them.
 */
package dev.gomod.bundle;
