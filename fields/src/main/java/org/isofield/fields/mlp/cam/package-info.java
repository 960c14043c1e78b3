/**
 * Coordinate-aware modulation (CAM) of a tiny MLP, after Lee, Choi, Kim, Kim, Ko and Jung, "Coordinate-Aware
 * Modulation for Neural Fields", ICLR 2024 (code: maincold2/CAM). Each hidden layer's pre-activations are scaled and
 * shifted by factors read at the input coordinate from a tri-plane grid (three {@code R x R} planes whose bilinear
 * samples are multiplied), then activated: {@code h = act(gamma(p) W h_prev + beta(p))}; optionally, as in the paper,
 * the pre-activations are first instance-normalised over the layer's neurons,
 * {@code h = act(gamma(p) Norm(W h_prev) + beta(p))}. The grid has its own learning rate (its own
 * {@link org.isofield.fields.optim.ParameterGroup}): the paper's 10 times the MLP's, by default 1 times (below).
 *
 * <p>Config: network otype {@code "CamMLP"} ({@link org.isofield.fields.mlp.cam.CamMlpConfig}), the
 * {@code FullyFusedMLP} keys plus {@code grid_resolution}, {@code per_neuron}, {@code instance_normalization},
 * {@code normalization_epsilon} and {@code grid_learning_rate_factor}. A neural field with a {@code CamMLP} appends
 * the position to its encoding's features ({@link org.isofield.fields.mlp.cam.CoordinateEncoding}); the MLP itself
 * sees only the features.
 *
 * <p>Initialisation: the MLP's weights are those of a {@code FullyFusedMLP} of the same config and seed (Xavier, or
 * SIREN for Sine). Scale channels start at 1 on all three planes; shift channels start at 0 on the xy plane and 1 on
 * the xz and yz planes, so the factors start as the identity (scale 1, shift 0) and every shift still has a non-zero
 * gradient (a product of three zero planes would never move). Without instance normalisation (the default) an
 * untrained CAM network therefore computes exactly the plain MLP; with it, the plain MLP with each hidden layer
 * normalised.
 *
 * <p>Why normalisation is off by default ({@code instance_normalization false}, shared factors, eps 1e-5 kept for
 * the paper's design). A fresh hash grid's features are uniform in {@code +-1e-4}, so a plain MLP's first-layer
 * pre-activations have a spread of about 1e-4 per sample and its output starts near 1e-5. The normalisation divides
 * each sample's pre-activations by {@code sqrt(var + eps)}: in the first layer var (about 1e-8) is below eps, a gain
 * of about 300; in the second var is far above eps and the layer comes out at unit variance whatever its input's
 * size. The network is then scale-invariant in the hash features, so untrained table entries (noise) weigh as much
 * as trained ones: an untrained CamMLP with normalisation outputs an O(1) function of the hash noise (RMS 0.56
 * against 1.1e-5 without, 16 levels), and on an SDF the fine levels, whose entries are seldom hit, keep that noise as
 * sign errors (spot-lowres: Chamfer-L1 0.011 against 0.0021, genus 36,039). A larger eps only moves where the gain
 * ends: with eps 1 layers of spread below 1 are only centred, i.e. almost no normalisation. The gradient through
 * the normalisation is exact in both regimes (finite-difference tests at features of 1e-4). Without normalisation
 * the small fits train as well as the plain MLP (within a factor of 1.5 of its loss at Adam 1e-3, lower at 1e-4).
 *
 * <p>Why the grid's learning rate is 0.1 times the MLP's by default (the paper's 10 by config). Without the
 * normalisation, a shift shared by a layer is on the scale of the raw pre-activations, about 1e-4 at the start,
 * while Adam moves every grid entry by about its learning rate per step, whatever the gradient's size. If the first
 * step lowers a shift by more than every first-layer pre-activation at a point, the layer's ReLUs are all off
 * there, the next layers see zeros, the output is exactly 0 (the MLP has no biases) and no gradient ever reaches
 * that point again. That happened to the whole spot-lowres fit with x10 (Adam 1e-4, grid 1e-3): after 500 steps
 * every grid entry sat exactly one step from its start and the field was 0 everywhere (no surface). On small torus
 * fits at Adam 1e-4 with x10, seeds 2 to 5 output exactly 0 on 4%, 7%, 10% and 74% of the cube after 20 steps;
 * seed 5 with x1 or x0.1 lost none (150 steps) and reached a lower loss than the plain MLP. With the
 * normalisation the shift is in units of the normalised pre-activations (spread 1), so x10 at Adam 1e-4 did not kill
 * the normalised spot run (at 1e-3 and above it killed regions of sphere fits too); that is what the paper's
 * normalisation buys. Known limit: at Adam 1e-2
 * the x1 default also died on a torus; x0.1 trained (loss 0.025 against 0.021 for the plain MLP). With per-neuron
 * factors a layer dies only when all its neurons' shifts fall, not with one shared shift.
 *
 * <p>On the spot-lowres SDF (default hash grid, 500 steps, Adam 1e-4, R 16, equal parameter count with a plain 80x2
 * MLP) the shared design died at grid lr x10 and x1 (final loss 0.1497, no surface) and trained at x0.1, the default:
 * Chamfer-L1 0.002096, the plain MLP's figure (the 100k-sample floor), final loss 0.0144. See {@code
 * docs/decisions/cam-mlp.md}.
 *
 * <p>Differences from the paper's code: the paper's image and video models use 2D or 1D grids with one scale and one
 * shift per layer; here the grid is a 3D tri-plane (the choice for fields over {@code [0,1]^3}), and
 * {@code per_neuron} optionally gives every neuron its own pair. No second-order pass: an eikonal loss cannot train a
 * {@code CamMLP} (the config refuses the combination).
 */
package org.isofield.fields.mlp.cam;
