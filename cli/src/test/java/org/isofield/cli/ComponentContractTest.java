package org.isofield.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.isofield.core.ConfigException;
import org.isofield.core.config.ComponentConfig;
import org.isofield.core.config.ComponentDocs;
import org.isofield.core.config.ComponentKinds;
import org.isofield.core.config.Registry;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract of every registered component of every kind on the command's class path: its defaults print and
 * parse back to the same record, its otype matches in any case, an unknown key is an error naming it, and it binds
 * to its implementation without a cast at the call site. docs/components.md is what the registries render.
 */
class ComponentContractTest {
    @Test
    void everyModulesKindsAreListed() {
        assertThat(ComponentKinds.registries().keySet()).containsExactly("clean_step", "encoding", "evaluator",
                "loss", "network", "optimizer", "prep_step", "reconstructor", "sampler");
    }

    @TestFactory
    Stream<DynamicTest> everyComponent() {
        List<DynamicTest> tests = new ArrayList<>();
        ComponentKinds.registries().forEach((kind, registry) -> add(tests, kind, registry));
        assertThat(tests).hasSizeGreaterThanOrEqualTo(15);
        return tests.stream();
    }

    private static <C extends ComponentConfig> void add(List<DynamicTest> tests, String kind, Registry<C, ?> r) {
        for (Registry.Entry<C, ?> e : r.entries()) {
            tests.add(DynamicTest.dynamicTest(kind + " " + e.otype(), () -> {
                JsonNode json = r.toJson(e.defaults());
                assertThat(json.fieldNames().next()).isEqualTo("otype");
                assertThat(r.parse(json)).isEqualTo(e.defaults());
                ObjectNode lower = ((ObjectNode) json).deepCopy();
                lower.put("otype", e.otype().toLowerCase(Locale.ROOT));
                assertThat(r.parse(lower)).isEqualTo(e.defaults());
                ObjectNode only = r.toJson(e.defaults()).deepCopy();
                only.retain("otype");
                assertThat(r.parse(only)).as("absent keys take the defaults").isEqualTo(e.defaults());
                ObjectNode unknown = ((ObjectNode) json).deepCopy();
                unknown.put("no_such_key", 1);
                assertThatThrownBy(() -> r.parse(unknown, "$.x")).isInstanceOf(ConfigException.class)
                        .hasMessageContaining("no_such_key").hasMessageContaining("$.x");
                assertThat(r.bind(e.defaults())).isNotNull();
                assertThat(e.type()).isEqualTo(e.defaults().getClass());
            }));
        }
    }

    @Test
    void docsComponentsMdIsCurrent() throws IOException {
        Path file = Path.of("..", "docs", "components.md");
        assertThat(file).as("docs/components.md; write it with ./isofield config kinds --markdown > "
                + "docs/components.md").exists();
        assertThat(Files.readString(file)).as("docs/components.md is stale; regenerate it with "
                + "./isofield config kinds --markdown > docs/components.md").isEqualTo(ComponentDocs.markdown());
    }
}
