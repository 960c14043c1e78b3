package org.isofield.core.config;

import java.util.List;

/** The registry tests' kinds, named by the isofield.component-kinds property in this module's surefire setup. */
public final class TestKinds implements ComponentKind.Provider {
    @Override
    public List<ComponentKind<?>> kinds() {
        return List.of(ComponentKind.of(TestConfigs.GadgetConfig.class, () -> TestConfigs.GADGETS),
                ComponentKind.of(TestConfigs.WidgetConfig.class, () -> TestConfigs.WIDGETS));
    }
}
