/**
 * PCD, the Point Cloud Library's point cloud format (0.7): {@link org.isofield.datasets.io.pcd.PcdReader} reads
 * ascii, binary and binary_compressed (LZF) bodies, organised or not, dropping PCL's NaN missing points;
 * {@link org.isofield.datasets.io.pcd.PcdWriter} writes binary or ascii; {@link org.isofield.datasets.io.pcd.PcdHeader}
 * parses headers.
 */
package org.isofield.datasets.io.pcd;
