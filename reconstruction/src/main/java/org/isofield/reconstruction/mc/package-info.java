/**
 * Marching cubes: the zero level set of a scalar field on a regular grid as a watertight, consistently oriented
 * triangle mesh, after Lorensen and Cline, "Marching Cubes: A High Resolution 3D Surface Construction Algorithm"
 * (SIGGRAPH 1987). The case table is generated from one fixed rule for ambiguous faces (the sign of the face-centre
 * average), so neighbouring cubes agree and the output has no cracks. Fields come as stored grids or as batch
 * functions evaluated slice by slice ({@link org.isofield.reconstruction.mc.MarchingCubes}), or as a lattice field
 * read only in the cells near given points and the cells the surface continues into
 * ({@link org.isofield.reconstruction.mc.SparseMarchingCubes}), which makes 512^3 and finer practical.
 */
package org.isofield.reconstruction.mc;
