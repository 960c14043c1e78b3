package org.isofield.core.config;

/** The test kinds, listed in the test resources' {@code META-INF/services} as the modules list theirs. */
public final class TestKinds {
    private TestKinds() {
    }

    /** Gadgets, nested in widgets. */
    public static final class Gadgets implements ComponentKind<TestConfigs.GadgetConfig> {
        @Override
        public Class<TestConfigs.GadgetConfig> baseType() {
            return TestConfigs.GadgetConfig.class;
        }

        @Override
        public Registry<TestConfigs.GadgetConfig, ?> registry() {
            return TestConfigs.GADGETS;
        }
    }

    /** Widgets. */
    public static final class Widgets implements ComponentKind<TestConfigs.WidgetConfig> {
        @Override
        public Class<TestConfigs.WidgetConfig> baseType() {
            return TestConfigs.WidgetConfig.class;
        }

        @Override
        public Registry<TestConfigs.WidgetConfig, ?> registry() {
            return TestConfigs.WIDGETS;
        }
    }
}
