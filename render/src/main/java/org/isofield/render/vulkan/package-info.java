/**
 * The Vulkan side of the renderer (LWJGL + VMA): instance, device and validation
 * ({@link org.isofield.render.vulkan.VulkanContext}), GLSL compiled to SPIR-V at run time with shaderc
 * ({@link org.isofield.render.vulkan.ShaderLibrary}), geometry buffers, pipelines, and the offscreen frame that draws
 * into an image and reads it back ({@link org.isofield.render.vulkan.OffscreenRenderer}), and neural fields
 * sphere-traced in one compute shader ({@link org.isofield.render.vulkan.FieldTracer}). Follows
 * {@code shared/design/java-stack.md}: lavapipe needs no settings; {@code VK_DRIVER_FILES} forces a driver.
 */
package org.isofield.render.vulkan;
