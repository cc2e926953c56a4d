package io.ucmkit.features.support;

import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Turns Netty's leak reports into a failed run, as the other modules' tests do: the suite drives
 * the simulator and the driver harder than their own tests, so a {@code ByteBuf} that either
 * forgets to release shows up here. Netty notices a leak only once the buffer was collected and
 * another one is tracked, hence the collection and the few allocations before looking.
 */
public final class NettyLeakHook {

    private static final ConcurrentLinkedQueue<String> LEAKS = new ConcurrentLinkedQueue<>();

    @BeforeAll
    public static void recordLeaks() {
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
    }

    @AfterAll
    public static void failOnLeaks() {
        for (int round = 0; round < 3 && LEAKS.isEmpty(); round++) {
            System.gc();
            for (int i = 0; i < 16; i++) {
                release(UnpooledByteBufAllocator.DEFAULT.buffer(8));
                release(PooledByteBufAllocator.DEFAULT.buffer(8));
                release(UnpooledByteBufAllocator.DEFAULT.directBuffer(8));
            }
        }
        List<String> leaks = new ArrayList<>(LEAKS);
        if (!leaks.isEmpty()) {
            throw new AssertionError("Netty reported " + leaks.size() + " leaked buffer(s) during the features:\n"
                    + String.join("\n----\n", leaks));
        }
    }

    private static void release(ByteBuf buffer) {
        buffer.release();
    }

    private static final class RecordingFactory extends ResourceLeakDetectorFactory {
        // the one abstract method of the factory, deprecated though it is
        @SuppressWarnings("deprecation")
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
