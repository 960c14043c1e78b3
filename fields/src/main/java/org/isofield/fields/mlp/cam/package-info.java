/**
 * Coordinate-aware modulation (CAM) of a tiny MLP, after Lee, Choi, Kim, Kim, Ko and Jung, "Coordinate-Aware
 * Modulation for Neural Fields", ICLR 2024 (code: maincold2/CAM). Each hidden layer's pre-activations are
 * instance-normalised over the layer's neurons, then scaled and shifted by factors read at the input coordinate from a
 * tri-plane grid (three {@code R x R} planes whose bilinear samples are multiplied), then activated:
 * {@code h = act(gamma(p) Norm(W h_prev) + beta(p))}. The grid trains at 10 times the MLP's learning rate (its own
 * {@link org.isofield.fields.optim.ParameterGroup}).
 *
 * <p>Config: network otype {@code "CamMLP"} ({@link org.isofield.fields.mlp.cam.CamMlpConfig}), the
 * {@code FullyFusedMLP} keys plus {@code grid_resolution}, {@code per_neuron}, {@code instance_normalization} and
 * {@code grid_learning_rate_factor}. A neural field with a {@code CamMLP} appends the position to its encoding's
 * features ({@link org.isofield.fields.mlp.cam.CoordinateEncoding}); the MLP itself sees only the features.
 *
 * <p>Initialisation: the MLP's weights are those of a {@code FullyFusedMLP} of the same config and seed (Xavier, or
 * SIREN for Sine). Scale channels start at 1 on all three planes; shift channels start at 0 on the xy plane and 1 on
 * the xz and yz planes, so the factors start as the identity (scale 1, shift 0) and every shift still has a non-zero
 * gradient (a product of three zero planes would never move). Without instance normalisation an untrained CAM network
 * therefore computes exactly the plain MLP; with it (the default, as in the paper) it computes the plain MLP with each
 * hidden layer normalised.
 *
 * <p>Differences from the paper's code: the paper's image and video models use 2D or 1D grids with one scale and one
 * shift per layer; here the grid is a 3D tri-plane (the choice for fields over {@code [0,1]^3}), and
 * {@code per_neuron} optionally gives every neuron its own pair. No second-order pass: an eikonal loss cannot train a
 * {@code CamMLP} (the config refuses the combination).
 */
package org.isofield.fields.mlp.cam;
