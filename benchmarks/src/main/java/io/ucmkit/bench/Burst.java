package io.ucmkit.bench;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The size of the back-to-back bursts of the saturation end-to-end benchmarks. */
@State(Scope.Thread)
public class Burst {

    /** Presence changes published back to back per operation (each is two AMI events on the wire). */
    @Param("100")
    public int changes;
}
