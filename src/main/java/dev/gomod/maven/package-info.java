/**
 * The Maven side: one thin mojo per goal, turning user properties into calls on the core packages
 * and core results into log lines and Maven failures. The only package that imports Maven.
 */
package dev.gomod.maven;
