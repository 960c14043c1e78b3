/**
 * From points or meshes to signed fields and back to meshes: SDF training samples from a mesh, marching cubes, and
 * surface reconstruction from raw point clouds behind one interface ({@link
 * org.isofield.reconstruction.Reconstructor}, registry {@link org.isofield.reconstruction.Reconstructors}; files in,
 * files out: {@link org.isofield.reconstruction.Reconstruct}). The methods live in their own packages (GridPull, the
 * default, in {@code gridpull}, NeuralPull in {@code neuralpull}); the fields they save are meshed, described and
 * shown through {@link org.isofield.reconstruction.FieldKinds}, so callers need not know the method.
 */
package org.isofield.reconstruction;
