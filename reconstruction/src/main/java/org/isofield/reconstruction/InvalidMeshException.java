package org.isofield.reconstruction;

import org.isofield.core.IsofieldException;

/**
 * A mesh that no signed distance field can be fitted to: no faces, non-finite vertices, or only zero-area faces.
 * The message says what was found and what is expected; callers that know the file add its name. Exit code 3
 * (input error).
 */
public class InvalidMeshException extends IsofieldException {
    private static final long serialVersionUID = 1L;

    public InvalidMeshException(String message) {
        super(message, EXIT_FORMAT, null);
    }
}
