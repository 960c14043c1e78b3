// The distance slice's colour map: diverging about zero (outside, d > 0: white to orange-red; inside, d < 0: white
// to blue; saturated at |d| = 0.25 of the unit cube), darkened iso-lines every `spacing`, the zero line black and
// twice as wide. `px` is the distance covered by one pixel on the plane (line width).
vec3 slice_color(float d, float spacing, float px) {
    float a = pow(clamp(abs(d) / 0.25, 0.0, 1.0), 0.6);
    vec3 far = d > 0.0 ? vec3(0.80, 0.25, 0.10) : vec3(0.15, 0.35, 0.80);
    vec3 c = mix(vec3(0.96), far, a);
    float m = abs(d - spacing * round(d / spacing));
    if (m < 0.6 * px) {
        c *= 0.6;
    }
    if (abs(d) < 1.2 * px) {
        c = vec3(0.0);
    }
    return c;
}
