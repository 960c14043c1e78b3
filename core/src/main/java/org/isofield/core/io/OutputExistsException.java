package org.isofield.core.io;

import java.nio.file.Path;
import org.isofield.core.IsofieldException;

/** An output file exists and overwriting was not allowed (the command line's {@code --force}); exit code 2. */
public class OutputExistsException extends IsofieldException {
    private static final long serialVersionUID = 1L;

    public OutputExistsException(Path target) {
        super(target + ": output exists; pass --force to overwrite it", EXIT_USAGE, null);
    }
}
