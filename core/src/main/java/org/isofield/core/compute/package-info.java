/**
 * The compute runtime: one small API over the devices neural-field kernels run on, with two implementations,
 * OpenCL through LWJGL ({@code opencl}) and CUDA through the JavaCPP presets' driver API ({@code cuda}).
 *
 * <ul>
 *   <li>{@link org.isofield.core.compute.ComputeDevice}: name, memory, capabilities ({@link
 *   org.isofield.core.compute.DeviceInfo}); typed arrays ({@link org.isofield.core.compute.DeviceArray}: upload,
 *   download, fill, copy, views of sub-ranges); programs and kernels ({@link org.isofield.core.compute.Program},
 *   {@link org.isofield.core.compute.Kernel}, launched with a {@link org.isofield.core.compute.Launch} and
 *   {@link org.isofield.core.compute.KernelArgs}); one in-order queue with {@link
 *   org.isofield.core.compute.DeviceEvent}s for timing.</li>
 *   <li>Kernels arrive as a {@link org.isofield.core.compute.KernelSource}: OpenCL C text, built at run time and cached
 *   per device, and CUDA cubin/PTX images nvcc built ahead (the {@code shaders} module makes both from one
 *   source).</li>
 *   <li>Errors name the call, the kernel, the launch geometry and the arguments ({@link
 *   org.isofield.core.compute.ComputeException}); memory that does not fit is refused before the allocation with the
 *   requested and free bytes ({@link org.isofield.core.compute.DeviceMemoryException}).</li>
 *   <li>{@link org.isofield.core.compute.Backends} chooses: {@code auto} is CUDA, then an OpenCL GPU, then the Java CPU
 *   path, and says why; a backend asked for by name is never swapped for another.</li>
 * </ul>
 */
package org.isofield.core.compute;
