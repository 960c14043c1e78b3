/**
 * Rendering of meshes and point clouds with Vulkan: {@link org.isofield.render.Renderings} turns inputs and
 * {@link org.isofield.render.RenderOptions} into one image (several inputs side by side with labels) and writes it
 * as a PNG. The scene description lives in {@code scene} (no Vulkan), the GPU work in {@code vulkan}.
 */
package org.isofield.render;
