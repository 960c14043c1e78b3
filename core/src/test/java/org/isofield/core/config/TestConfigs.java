package org.isofield.core.config;

import org.isofield.core.Check;

/** A small component kind used only by the registry tests: "widgets" with a nested "gadget" block. */
final class TestConfigs {
    private TestConfigs() {
    }

    interface GadgetConfig extends ComponentConfig {
    }

    record Spring(double stiffness) implements GadgetConfig {
        static final Spring DEFAULT = new Spring(2.0);

        Spring {
            Check.configPositive("stiffness", stiffness);
        }

        @Override
        public String otype() {
            return "Spring";
        }
    }

    record Lever(int arms) implements GadgetConfig {
        static final Lever DEFAULT = new Lever(2);

        @Override
        public String otype() {
            return "Lever";
        }
    }

    interface WidgetConfig extends ComponentConfig {
    }

    enum Finish { MATTE, GLOSS }

    record Box(int nLevels, float perLevelScale, boolean hollow, Finish finish, GadgetConfig gadget)
            implements WidgetConfig {
        static final Box DEFAULT = new Box(16, 1.5f, false, Finish.MATTE, Spring.DEFAULT);

        Box {
            Check.configRange("n_levels", nLevels, 1, 32);
        }

        @Override
        public String otype() {
            return "Box";
        }
    }

    static final Registry<GadgetConfig, String> GADGETS = Registry.<GadgetConfig, String>builder("gadget",
            GadgetConfig.class)
            .add("Spring", Spring.class, Spring.DEFAULT, c -> "spring-factory " + c.stiffness())
            .add("Lever", Lever.class, Lever.DEFAULT, c -> "lever-factory " + c.arms())
            .build();

    static final Registry<WidgetConfig, String> WIDGETS = Registry.<WidgetConfig, String>builder("widget",
            WidgetConfig.class)
            .add("Box", Box.class, Box.DEFAULT, c -> "box-factory")
            .build();
}
