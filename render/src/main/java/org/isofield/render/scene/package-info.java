/**
 * What to draw and from where, without any Vulkan: inputs ({@link org.isofield.render.scene.RenderItem}; fields as
 * {@link org.isofield.render.scene.FieldSurface}), draw
 * modes, views, the camera that frames a bounding box, colours and colour maps, clipping planes, and the per-vertex
 * data derived for drawing (vertex normals, point spacing, distances to a ground truth as colour-map values).
 */
package org.isofield.render.scene;
