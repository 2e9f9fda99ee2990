/**
 * gomod-maven-plugin's core: Go's formats and the jobs built on them, in packages that know nothing
 * of Maven. This package holds only what they share: {@link dev.gomod.WorkspaceException}.
 */
package dev.gomod;
