package io.ucmkit.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Simulator → driver event latency on loopback, sampled, against the loopback limit measured the same way in
 * the same run ({@link SimulatorDriverPath}, {@link LoopbackPath}). Each sample starts on the benchmark thread
 * just before the simulator publishes and ends when the event has arrived (the driver's subscriber ran, or the
 * loopback client saw the message end); both sides use one clock, the same JVM's.
 *
 * <ul>
 * <li><b>at a fixed rate</b> ({@link Pacer}, 1,000 changes/s): one change per sample, the path idle between
 *     changes, so every sample pays the wake-ups of the threads on the path: the quiet-PBX latency.</li>
 * <li><b>at saturation</b> ({@link Burst}, 100 changes): one sample is a burst of changes published back to
 *     back, as fast as the simulator accepts them, until the last has arrived; bursts follow each other without
 *     a pause. The sample is the latency of the burst's last change, which waited behind all the others, and
 *     {@code changes / sample} is the path's throughput when saturated. Bursts are bounded because an unbounded
 *     publisher would measure overload policy instead (the simulator drops a slow reader; the driver's event
 *     queue drops and counts).</li>
 * </ul>
 *
 * <p>{@code -prof gc} counts every thread of the JVM (JMH uses {@code getTotalThreadAllocatedBytes}), so
 * {@code gc.alloc.rate.norm} is the whole path's allocation per operation: simulator, loopback, driver and the
 * harness. Each change is two AMI events on the wire ({@code PresenceStateChange}, {@code PresenceStatus}) and
 * one driver event.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dio.netty.leakDetection.level=disabled"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EndToEndBenchmark {

    @Benchmark
    public void simulatorToDriverFixedRate(Pacer pacer, SimulatorDriverPath path) {
        path.publish();
        path.awaitDelivered();
    }

    @Benchmark
    public void simulatorToDriverBurst(Burst burst, SimulatorDriverPath path) {
        for (int i = 0; i < burst.changes; i++) {
            path.publish();
        }
        path.awaitDelivered();
    }

    @Benchmark
    public void loopbackLimitFixedRate(Pacer pacer, LoopbackPath path) {
        path.publish(1);
        path.awaitDelivered();
    }

    @Benchmark
    public void loopbackLimitBurst(Burst burst, LoopbackPath path) {
        path.publish(burst.changes);
        path.awaitDelivered();
    }
}
