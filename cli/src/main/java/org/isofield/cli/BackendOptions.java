package org.isofield.cli;

import org.isofield.core.ConfigException;
import org.isofield.core.compute.Backend;
import org.isofield.core.compute.Precision;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * {@code --backend} and {@code --precision} of the commands that train or evaluate neural fields: the {@code backend}
 * and {@code precision} keys of the config, given on the command line (they win over the config file and
 * {@code --set}).
 */
final class BackendOptions {
    @Option(names = "--backend", paramLabel = "NAME", converter = BackendConverter.class,
            description = {"Where neural fields train and evaluate: auto (CUDA, then an OpenCL GPU, then the Java CPU",
                "path; the choice and the reason are printed), cpu, opencl (also a CPU device such as POCL) or cuda.",
                "A backend asked for and missing stops with exit code 4. Default: the config's backend (auto)."})
    Backend backend;

    @Option(names = "--precision", paramLabel = "P", converter = PrecisionConverter.class,
            description = "fp32, or fp16 (CUDA tensor cores). Default: the config's precision (fp32).")
    Precision precision;

    /** The backend to use: the option, else the config's. */
    Backend backend(Backend configured) {
        return backend != null ? backend : configured;
    }

    /** The precision to use: the option, else the config's. */
    Precision precision(Precision configured) {
        return precision != null ? precision : configured;
    }

    static final class BackendConverter implements ITypeConverter<Backend> {
        @Override
        public Backend convert(String value) {
            try {
                return Backend.parse(value);
            } catch (ConfigException e) {
                throw new CommandLine.TypeConversionException(e.detail());
            }
        }
    }

    static final class PrecisionConverter implements ITypeConverter<Precision> {
        @Override
        public Precision convert(String value) {
            try {
                return Precision.parse(value);
            } catch (ConfigException e) {
                throw new CommandLine.TypeConversionException(e.detail());
            }
        }
    }
}
