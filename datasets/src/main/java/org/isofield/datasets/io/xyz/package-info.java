/**
 * XYZ point files, one {@code x y z [nx ny nz]} point per line: {@link org.isofield.datasets.io.xyz.XyzReader} and
 * {@link org.isofield.datasets.io.xyz.XyzWriter}.
 */
package org.isofield.datasets.io.xyz;
