/** Test helpers of the render module, shared with the cli tests through the test-jar. */
package org.isofield.render.testing;
