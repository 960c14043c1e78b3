package org.isofield.fields.device;

import org.isofield.core.compute.DeviceArray;
import org.isofield.fields.train.BatchSource;

/**
 * Training batches written straight into device arrays: positions point-major ({@code 3n}), targets {@code n}. A
 * source that generates its samples on the device keeps the whole step there; {@link #uploading} wraps a host source
 * (each batch copied over, the first slice of a device pipeline).
 */
public interface DeviceBatchSource {
    int batchSize();

    void next(DeviceArray positions, DeviceArray targets);

    /** A host source whose batches are drawn on the host and uploaded. */
    static DeviceBatchSource uploading(BatchSource host) {
        return new DeviceBatchSource() {
            private float[] p;
            private float[] t;

            @Override
            public int batchSize() {
                return host.batchSize();
            }

            @Override
            public void next(DeviceArray positions, DeviceArray targets) {
                int n = host.batchSize();
                if (p == null) {
                    p = new float[3 * n];
                    t = new float[n];
                }
                host.next(p, t);
                positions.upload(p, 0, 0, 3 * n);
                targets.upload(t, 0, 0, n);
            }
        };
    }
}
