package io.ucmkit.bench;

import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Paces the fixed-rate end-to-end benchmarks: before each invocation (outside the sampled time: a
 * {@code Level.Invocation} fixture) it waits for the next slot of a schedule at {@link #rate} events per
 * second. A slot missed because the previous event took longer (or a GC ran) is not caught up with a burst: the
 * schedule restarts from now, so there is one event in flight and the path is idle between events, as on a
 * quiet PBX.
 */
@State(Scope.Thread)
public class Pacer {

    /** Events per second; 1,000 is a busy PBX and far below what the path can carry. */
    @Param("1000")
    public int rate;

    private long interval;
    private long next;

    @Setup(Level.Iteration)
    public void startSchedule() {
        interval = 1_000_000_000L / rate;
        next = System.nanoTime();
    }

    @Setup(Level.Invocation)
    public void awaitSlot() {
        next += interval;
        long now = System.nanoTime();
        if (next <= now) {
            next = now;
            return;
        }
        while (now < next) {
            LockSupport.parkNanos(next - now);
            now = System.nanoTime();
        }
    }
}
