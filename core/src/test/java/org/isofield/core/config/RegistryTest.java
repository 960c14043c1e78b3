package org.isofield.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.isofield.core.ConfigException;
import org.isofield.core.config.TestConfigs.Box;
import org.isofield.core.config.TestConfigs.Finish;
import org.isofield.core.config.TestConfigs.Lever;
import org.isofield.core.config.TestConfigs.Spring;
import org.isofield.core.config.TestConfigs.WidgetConfig;
import org.junit.jupiter.api.Test;

class RegistryTest {
    private static final Registry<WidgetConfig, String> WIDGETS = TestConfigs.WIDGETS;

    private static WidgetConfig parse(String json) {
        return WIDGETS.parse(Json.parse(json, "test"), "$.widget");
    }

    private static String error(String json) {
        try {
            parse(json);
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a ConfigException for " + json);
    }

    @Test
    void missingKeysTakeTheDefaults() {
        assertThat(parse("{\"otype\": \"Box\"}")).isEqualTo(Box.DEFAULT);
    }

    @Test
    void otypeMatchesIgnoringCase() {
        assertThat(parse("{\"otype\": \"box\", \"n_levels\": 8}")).isEqualTo(new Box(8, 1.5f, false, Finish.MATTE,
                Spring.DEFAULT));
    }

    @Test
    void commentsAreAllowed() {
        assertThat(parse("{\"otype\": \"Box\", // levels\n \"n_levels\": 4 /* few "
                + "*/}")).extracting("nLevels").isEqualTo(4);
    }

    @Test
    void nestedBlocksParseThroughTheirRegistry() {
        Box b = (Box) parse("{\"otype\": \"Box\", \"gadget\": {\"otype\": \"Lever\", \"arms\": 3}}");
        assertThat(b.gadget()).isEqualTo(new Lever(3));
    }

    @Test
    void nestedBlockWithoutOtypeOverlaysTheDefaultGadget() {
        Box b = (Box) parse("{\"otype\": \"Box\", \"gadget\": {\"stiffness\": 5}}");
        assertThat(b.gadget()).isEqualTo(new Spring(5));
    }

    @Test
    void unknownKeyNamesPathAndKnownKeys() {
        assertThat(error("{\"otype\": \"Box\", \"n_level\": 3}"))
                .isEqualTo("at $.widget: unknown key \"n_level\" for Box; known: finish, gadget, hollow, n_levels, "
                + "per_level_scale");
    }

    @Test
    void unknownOtypeListsKnownNames() {
        assertThat(error("{\"otype\": \"Bx\"}")).isEqualTo("at $.widget.otype: unknown widget \"Bx\"; known: Box");
    }

    @Test
    void missingOtypeIsAnError() {
        assertThat(error("{\"n_levels\": 3}")).contains("at $.widget: missing \"otype\"");
    }

    @Test
    void outOfRangeValueNamesItsKey() {
        assertThat(error("{\"otype\": \"Box\", \"n_levels\": 40}"))
                .isEqualTo("at $.widget.n_levels: value 40 out of range; expected 1 to 32");
    }

    @Test
    void nestedOutOfRangeValueNamesTheFullPath() {
        assertThat(error("{\"otype\": \"Box\", \"gadget\": {\"otype\": \"Spring\", \"stiffness\": -1}}"))
                .isEqualTo("at $.widget.gadget.stiffness: value -1.0 must be a finite number above 0");
    }

    @Test
    void nestedUnknownKeyNamesTheFullPath() {
        assertThat(error("{\"otype\": \"Box\", \"gadget\": {\"otype\": \"Lever\", \"armz\": 1}}"))
                .startsWith("at $.widget.gadget: unknown key \"armz\" for Lever");
    }

    @Test
    void floatForIntIsAnError() {
        assertThat(error("{\"otype\": \"Box\", \"n_levels\": 2.5}")).startsWith("at "
                + "$.widget.n_levels:").contains("integer");
    }

    @Test
    void stringForNumberIsAnError() {
        assertThat(error("{\"otype\": \"Box\", \"per_level_scale\": \"2\"}")).startsWith("at "
                + "$.widget.per_level_scale:");
    }

    @Test
    void nullForPrimitiveIsAnError() {
        assertThat(error("{\"otype\": \"Box\", \"hollow\": null}")).startsWith("at $.widget.hollow:");
    }

    @Test
    void badEnumListsTheChoices() {
        assertThat(error("{\"otype\": \"Box\", \"finish\": \"SHINY\"}")).startsWith("at "
                + "$.widget.finish:").contains("MATTE, GLOSS");
    }

    @Test
    void notAnObjectIsAnError() {
        assertThat(error("[1, 2]")).startsWith("at $.widget: expected a widget object");
    }

    @Test
    void syntaxErrorsGiveLineAndColumn() {
        assertThatThrownBy(() -> Json.parse("{\"otype\": \n \"Box\",, }", "cfg.json"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cfg.json: invalid JSON at line 2");
    }

    @Test
    void toJsonPutsOtypeFirstAndRoundTrips() {
        Box box = new Box(8, 1.25f, true, Finish.GLOSS, new Lever(5));
        var json = WIDGETS.toJson(box);
        assertThat(json.fieldNames().next()).isEqualTo("otype");
        assertThat(json.toString())
                .isEqualTo("{\"otype\":\"Box\",\"n_levels\":8,\"per_level_scale\":1.25,\"hollow\":true,"
                + "\"finish\":\"GLOSS\",\"gadget\":{\"otype\":\"Lever\",\"arms\":5}}");
        assertThat(WIDGETS.parse(json)).isEqualTo(box);
    }

    @Test
    void namesAndFactories() {
        assertThat(WIDGETS.names()).containsExactly("Box");
        assertThat(TestConfigs.GADGETS.names()).containsExactly("Lever", "Spring");
        assertThat(TestConfigs.GADGETS.bind(new Lever(1))).isEqualTo("lever-factory 1");
        assertThat(WIDGETS.defaults("BOX")).isEqualTo(Box.DEFAULT);
    }

    @Test
    void overridesSetNestedKeys() {
        var root = JsonOverrides.apply(Json.parse("{\"widget\": {\"otype\": \"Box\"}}", "t"),
                List.of("widget.n_levels=4", "widget.gadget.stiffness=3.5", "widget.finish=GLOSS"));
        Box b = (Box) WIDGETS.parse(root.get("widget"), "$.widget");
        assertThat(b).isEqualTo(new Box(4, 1.5f, false, Finish.GLOSS, new Spring(3.5)));
    }

    @Test
    void overrideWithoutEqualsIsAnError() {
        assertThatThrownBy(() -> JsonOverrides.apply(null, List.of("widget.n_levels")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("expected key=value");
    }
}
