/**
 * From points or meshes to signed fields and back to meshes: SDF training samples from a mesh, marching cubes, and
 * reconstruction of closed meshes from raw point clouds behind one interface ({@link
 * org.isofield.reconstruction.Reconstructor}, registry {@link org.isofield.reconstruction.Reconstructors}, one-line
 * entry {@link org.isofield.reconstruction.Reconstruct}); GridPull is the first method, neural pulling and VoroMesh
 * come later.
 */
package org.isofield.reconstruction;
