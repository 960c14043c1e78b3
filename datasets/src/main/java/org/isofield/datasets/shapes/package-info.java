/**
 * Analytic solids with exact signed distance functions and watertight, outward-oriented meshes, used as ground truth
 * in tests, benchmarks and the CLI demo: {@link org.isofield.datasets.shapes.Sphere},
 * {@link org.isofield.datasets.shapes.Torus}, {@link org.isofield.datasets.shapes.RoundedBox},
 * {@link org.isofield.datasets.shapes.Capsule} and {@link org.isofield.datasets.shapes.CsgPart} (a block with a
 * through hole), behind {@link org.isofield.datasets.shapes.AnalyticShape}; {@link org.isofield.datasets.shapes.Shapes}
 * looks them up by name. The distance functions are the standard closed forms (as collected by Quilez, "distance
 * functions"); the curved shapes are meshed as mapped cube lattices (the equal-angle cube sphere, generalised to
 * rounded boxes and capsules), so no welding is needed.
 */
package org.isofield.datasets.shapes;
