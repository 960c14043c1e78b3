/**
 * Components chosen by name from JSON, as in tiny-cuda-nn: each component kind (encoding, network, loss, optimizer,
 * reconstructor, ...) is an interface with one config record per implementation, registered under its {@code otype}
 * in a {@link org.isofield.core.config.Registry}. Unlike tiny-cuda-nn, unknown keys, nulls, wrong types and values
 * out of range are errors that name their JSON path, and defaults live only in each record's {@code DEFAULT}.
 */
package org.isofield.core.config;
