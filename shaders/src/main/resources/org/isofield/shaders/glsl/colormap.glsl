// The viridis colour map (render.scene.ColorMap.VIRIDIS holds the same ten anchors; ColorMapTest compares them):
// ten colours at t = 0, 1/9, ..., 1, linear in between; t is clamped to [0, 1].
const vec3 COLORMAP[10] = vec3[10](
    vec3(68, 1, 84) / 255.0, vec3(72, 40, 120) / 255.0, vec3(62, 74, 137) / 255.0, vec3(49, 104, 142) / 255.0,
    vec3(38, 130, 142) / 255.0, vec3(31, 158, 137) / 255.0, vec3(53, 183, 121) / 255.0, vec3(109, 205, 89) / 255.0,
    vec3(180, 222, 44) / 255.0, vec3(253, 231, 37) / 255.0);

vec3 colormap(float t) {
    float x = clamp(t, 0.0, 1.0) * 9.0;
    int i = min(int(x), 8);
    return mix(COLORMAP[i], COLORMAP[i + 1], x - float(i));
}
