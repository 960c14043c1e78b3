package org.isofield.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.isofield.core.ConfigException;
import org.isofield.core.config.ComponentConfig;
import org.isofield.core.config.ComponentDocs;
import org.isofield.core.config.ComponentKinds;
import org.isofield.core.config.Json;
import org.isofield.core.config.Registry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code isofield config ...}: prints component defaults and the registered kinds. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Show component configs: their kinds, names and defaults (as JSON a --config file accepts).",
        subcommands = {ConfigCommand.Defaults.class, ConfigCommand.Kinds.class})
final class ConfigCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: defaults or kinds");
    }

    /** {@code isofield config defaults KIND OTYPE}. */
    @Command(name = "defaults", mixinStandardHelpOptions = true,
            description = "Print the default config of one component as JSON, otype first.")
    static final class Defaults implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "KIND",
                description = "Component kind, e.g. sampler, evaluator (see 'isofield config kinds').")
        String kind;

        @Parameters(index = "1", paramLabel = "OTYPE", description = "Implementation name (any case).")
        String otype;

        @Override
        public Integer call() {
            Registry<?, ?> registry = ComponentKinds.registry(kind).orElseThrow(() -> unknownKind(kind));
            common.out().println(Json.write(toJson(registry, otype)));
            return 0;
        }

        private static <C extends ComponentConfig> Object toJson(Registry<C, ?> r, String otype) {
            return r.toJson(r.defaults(otype));
        }
    }

    /** {@code isofield config kinds [--markdown]}. */
    @Command(name = "kinds", mixinStandardHelpOptions = true,
            description = "List component kinds and their implementations; with --markdown, every implementation's "
                    + "keys and defaults as docs/components.md.")
    static final class Kinds implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--markdown", description = "Print docs/components.md instead.")
        boolean markdown;

        @Override
        public Integer call() {
            if (markdown) {
                common.out().print(ComponentDocs.markdown());
                common.out().flush();
                return 0;
            }
            for (Map.Entry<String, Registry<?, ?>> e : ComponentKinds.registries().entrySet()) {
                common.out().printf("%-14s %s%n", e.getKey(), String.join(", ", e.getValue().names()));
            }
            return 0;
        }
    }

    static ConfigException unknownKind(String kind) {
        return new ConfigException("", "unknown component kind \"" + kind + "\"; known: " + String.join(", ",
                ComponentKinds.registries().keySet()));
    }
}
