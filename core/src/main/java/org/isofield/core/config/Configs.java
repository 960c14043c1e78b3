package org.isofield.core.config;

import com.fasterxml.jackson.databind.JavaType;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Objects;
import org.isofield.core.ConfigException;

/**
 * Deriving a config with some keys changed, the one way for every config record:
 * {@code Configs.with(GridPullConfig.DEFAULT, "steps", 60, "grid_resolution", 32)}. Keys are the JSON (snake_case)
 * names; a value may be of the record component's type or anything Jackson converts to it (a number or
 * {@code "auto"} for a {@link NumberOrAuto}, a string for an enum). The record's canonical constructor runs, so its
 * checks apply; an unknown key or a value of the wrong type is a {@link ConfigException} naming the key.
 */
public final class Configs {
    private Configs() {
    }

    /**
     * A copy of {@code config} with the given keys changed.
     *
     * @param keysAndValues pairs of snake_case key and new value
     */
    public static <T extends Record> T with(T config, Object... keysAndValues) {
        Objects.requireNonNull(config, "config");
        Class<?> type = config.getClass();
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not a record");
        }
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected key, value pairs; found " + keysAndValues.length
                    + " arguments");
        }
        RecordComponent[] rc = type.getRecordComponents();
        Object[] args = new Object[rc.length];
        Class<?>[] types = new Class<?>[rc.length];
        List<String> keys = ConfigRecords.keys(config.getClass());
        for (int i = 0; i < rc.length; i++) {
            types[i] = rc[i].getType();
            try {
                args[i] = rc[i].getAccessor().invoke(config);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + rc[i].getName() + " of " + type.getSimpleName(), e);
            }
        }
        for (int p = 0; p < keysAndValues.length; p += 2) {
            String key = String.valueOf(keysAndValues[p]);
            int i = keys.indexOf(key);
            if (i < 0) {
                throw new ConfigException(key, "unknown key for " + type.getSimpleName() + "; known: "
                        + String.join(", ", keys));
            }
            args[i] = convert(key, keysAndValues[p + 1], rc[i]);
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            @SuppressWarnings("unchecked")
            T copy = (T) canonical.newInstance(args);
            return copy;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getSimpleName(), e);
        }
    }

    private static Object convert(String key, Object value, RecordComponent rc) {
        Class<?> raw = rc.getType();
        if (value == null || MethodType.methodType(raw).wrap().returnType().isInstance(value)) {
            return value;
        }
        JavaType target = Json.mapper().getTypeFactory().constructType(rc.getGenericType());
        try {
            return Json.mapper().convertValue(value, target);
        } catch (IllegalArgumentException e) {
            Throwable cause = e.getCause();
            while (cause != null && cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
                cause = cause.getCause();
            }
            throw new ConfigException(key, "found " + value + "; expected a value of type " + raw.getSimpleName()
                    + (cause instanceof IllegalArgumentException ? " (" + cause.getMessage() + ")" : ""), e);
        }
    }

}
