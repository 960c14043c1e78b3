package org.isofield.reconstruction;

import org.isofield.core.IsofieldException;

/**
 * A point cloud that no surface can be reconstructed from: empty, too few points, all points equal, collinear or
 * coplanar, non-finite coordinates. The message says what was found and what is expected; exit code 3 (input error).
 */
public class InvalidCloudException extends IsofieldException {
    private static final long serialVersionUID = 1L;

    public InvalidCloudException(String message) {
        super(message, EXIT_FORMAT, null);
    }
}
