/** The machine's own limits (FMA peak), against which kernel figures are stated. */
package org.isofield.bench.cpu;
