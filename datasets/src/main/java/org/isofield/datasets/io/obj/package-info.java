/**
 * Wavefront OBJ geometry (vertices, normals, polygon faces): {@link org.isofield.datasets.io.obj.ObjReader} and
 * {@link org.isofield.datasets.io.obj.ObjWriter}. Materials, texture coordinates and free-form geometry are ignored.
 */
package org.isofield.datasets.io.obj;
