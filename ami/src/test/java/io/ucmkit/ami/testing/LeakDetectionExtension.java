package io.ucmkit.ami.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Turns Netty's leak reports into test failures. Registered for every test class through JUnit's
 * extension auto-detection (the parent pom enables it), so a {@code ByteBuf} that a codec or a
 * test forgets to release fails the build instead of printing a log line nobody reads.
 *
 * <p>Netty notices a leak only when the leaked buffer has been garbage-collected and another
 * buffer is tracked, so after each test class this collects garbage and allocates a few buffers
 * before looking at what was reported.
 *
 * <p>A run that is not JUnit Jupiter's (the Cucumber features) uses the same mechanism through
 * {@link #install()} before it starts and {@link #assertNoLeaks(String)} when it ends.
 */
public final class LeakDetectionExtension implements AfterAllCallback {

    private static final ConcurrentLinkedQueue<String> LEAKS = new ConcurrentLinkedQueue<>();

    static {
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
    }

    /** Records Netty's leak reports from now on (done once, when this class loads). */
    public static void install() {
        // the static initializer has run by the time this is called
    }

    @Override
    public void afterAll(ExtensionContext context) {
        assertNoLeaks(context.getDisplayName());
    }

    /** Fails, listing every leak Netty reported since the last call, after giving it the chance to notice them. */
    public static void assertNoLeaks(String during) {
        for (int round = 0; round < 3 && LEAKS.isEmpty(); round++) {
            System.gc();
            for (int i = 0; i < 16; i++) {
                release(UnpooledByteBufAllocator.DEFAULT.buffer(8));
                release(PooledByteBufAllocator.DEFAULT.buffer(8));
                release(UnpooledByteBufAllocator.DEFAULT.directBuffer(8));
            }
        }
        List<String> leaks = new ArrayList<>();
        for (String leak; (leak = LEAKS.poll()) != null; ) {
            leaks.add(leak);
        }
        if (!leaks.isEmpty()) {
            throw new AssertionError("Netty reported " + leaks.size() + " leaked buffer(s) during " + during + ":\n"
                    + String.join("\n----\n", leaks));
        }
    }

    private static void release(ByteBuf buf) {
        buf.release();
    }

    private static final class RecordingFactory extends ResourceLeakDetectorFactory {
        @Override
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(
                Class<T> resource, int samplingInterval, long maxActive) {
            return new RecordingDetector<>(resource, samplingInterval);
        }
    }

    private static final class RecordingDetector<T> extends ResourceLeakDetector<T> {
        RecordingDetector(Class<T> resource, int samplingInterval) {
            super(resource, samplingInterval);
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            LEAKS.add(resourceType + " leaked:" + records);
            super.reportTracedLeak(resourceType, records);
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            LEAKS.add(resourceType + " leaked (no access records)");
            super.reportUntracedLeak(resourceType);
        }
    }
}
