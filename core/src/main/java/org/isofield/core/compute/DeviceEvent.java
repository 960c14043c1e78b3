package org.isofield.core.compute;

/** A point in a device's queue, for timing: it completes when everything enqueued before it has. */
public interface DeviceEvent {
    /** Waits for this event and {@code earlier}, and returns the device time between them in milliseconds. */
    double millisSince(DeviceEvent earlier);
}
