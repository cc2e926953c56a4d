package io.ucmkit.simulator.ami;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.ucmkit.ami.testing.AmiTestClient;
import io.ucmkit.simulator.UcmSimulator;
import java.lang.management.ManagementFactory;
import java.util.List;

/** What the simulator holds for the test clients: a client's own session, and the memory the hostile-client tests bound. */
final class ServerProbes {

    private ServerProbes() {}

    /** The client's session on the server, found by the client's local port. */
    static AmiSession sessionOf(UcmSimulator sim, AmiTestClient client) {
        int port = client.localPort();
        List<AmiSession> mine = sim.amiServer().sessions().stream()
                .filter(s -> s.remoteAddress() != null && s.remoteAddress().getPort() == port)
                .toList();
        if (mine.size() != 1) {
            throw new AssertionError("no session for local port " + port + " among "
                    + sim.amiServer().sessions().size());
        }
        return mine.get(0);
    }

    /** Heap in use after full collections: the least of three readings, so garbage made meanwhile counts least. */
    static long heapAfterGc() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(
                    least,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    /** Direct memory Netty's default allocator holds (the simulator's read and write buffers). */
    static long nettyDirectMemory() {
        return ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT)
                .metric()
                .usedDirectMemory();
    }
}
