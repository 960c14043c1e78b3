/**
 * The interactive viewer ({@code isofield view}): a GLFW window with a Vulkan swapchain on X11 (under Xvfb on
 * machines without a screen), orbit/pan/zoom by mouse, render modes and screenshots by key.
 */
package org.isofield.render.viewer;
