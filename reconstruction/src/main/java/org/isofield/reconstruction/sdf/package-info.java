/**
 * SDF training samples from a triangle mesh, after instant-ngp's SDF task (Müller, Evans, Schied and Keller,
 * "Instant Neural Graphics Primitives with a Multiresolution Hash Encoding", SIGGRAPH 2022): surface, near-surface
 * (logistic jitter) and uniform samples in the mesh's unit-cube frame, with signed distances from a triangle BVH and
 * signs from the fast winding number, drawn from a refreshed pool so the distance queries do not dominate training.
 */
package org.isofield.reconstruction.sdf;
