/**
 * From points or meshes to signed fields and back to meshes: SDF training samples from a mesh, marching cubes,
 * and (later) GridPull, neural pulling and VoroMesh.
 */
package org.isofield.reconstruction;
