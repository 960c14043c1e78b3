/**
 * LAS, the ASPRS lidar point format: {@link org.isofield.datasets.io.las.LasReader} reads LAS 1.0 to 1.4 with
 * point data formats 0 to 10 in bulk (LAZ-compressed files are refused); {@link org.isofield.datasets.io.las.LasWriter}
 * writes LAS 1.2 formats 0 and 2; {@link org.isofield.datasets.io.las.LasHeader} parses the public header block.
 */
package org.isofield.datasets.io.las;
