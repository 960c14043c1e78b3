/**
 * Plumbing shared by every isofield module: the error hierarchy behind the command's exit codes,
 * argument checks, progress reporting that can cancel, fixed-chunk parallel loops, and atomic file output.
 * Configs and their registries live in {@link org.isofield.core.config}.
 */
package org.isofield.core;
