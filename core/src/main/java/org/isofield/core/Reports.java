package org.isofield.core;

import java.util.Map;

/** Small helpers for the snake_case report maps that commands write as JSON. */
public final class Reports {
    private Reports() {
    }

    /**
     * Puts key-value pairs into a report map, in order (a {@link java.util.LinkedHashMap} keeps it).
     *
     * @param keysAndValues pairs of key (a string) and value
     * @return the map
     */
    public static Map<String, Object> put(Map<String, Object> report, Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected key, value pairs; found " + keysAndValues.length
                    + " arguments");
        }
        for (int i = 0; i < keysAndValues.length; i += 2) {
            report.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return report;
    }
}
