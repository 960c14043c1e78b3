// Push constants shared by every raster shader of the renderer (128 bytes; see render.vulkan.FrameParams).
layout(push_constant) uniform FrameParams {
    mat4 mvp;      // model (file coordinates relative to the geometry's origin) -> clip space
    vec4 eye;      // xyz: splats: camera position in model coordinates; triangles: unit vector towards the eye
                   // w: largest point size in pixels
    vec4 color;    // rgb: base colour (linear, written as is to an UNORM target); a: opacity of edges
    vec4 params;   // x: mode (0 shaded, 1 normals, 2 flat colour); y: splat radius (model units);
                   // z: pixels per unit of view-space height at distance 1; w: 1 when normals are bound
    vec4 clip;     // clipping plane in model coordinates (read by the CLIP variants only): fragments at p with
                   // dot(clip.xyz, p) > clip.w are discarded
} pc;
