/**
 * PLY, the Stanford polygon file format (Greg Turk, 1994): {@link org.isofield.datasets.io.ply.PlyReader} reads
 * ascii and both binary encodings with any property order and type; {@link org.isofield.datasets.io.ply.PlyWriter}
 * writes binary little endian or ascii; {@link org.isofield.datasets.io.ply.PlyHeader} parses headers.
 */
package org.isofield.datasets.io.ply;
