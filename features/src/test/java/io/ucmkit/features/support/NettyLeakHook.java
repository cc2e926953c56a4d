package io.ucmkit.features.support;

import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;
import io.ucmkit.ami.testing.LeakDetectionExtension;

/**
 * {@link LeakDetectionExtension} for the Cucumber run, whose hooks are not JUnit Jupiter's: the
 * suite drives the simulator and the driver harder than their own tests, so a {@code ByteBuf}
 * that either forgets to release fails the run here too.
 */
public final class NettyLeakHook {

    @BeforeAll
    public static void recordLeaks() {
        LeakDetectionExtension.install();
    }

    @AfterAll
    public static void failOnLeaks() {
        LeakDetectionExtension.assertNoLeaks("the features");
    }
}
