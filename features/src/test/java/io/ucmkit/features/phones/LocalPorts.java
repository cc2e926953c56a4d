package io.ucmkit.features.phones;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free local ports for one soft phone, found by binding them: ctrl_tcp (TCP), SIP (UDP and TCP on
 * the port, TLS on the next one, as baresip opens them) and an RTP range. Nothing here is fixed,
 * so phones run beside other builds; a port taken between this check and baresip's bind makes
 * baresip fail to start, which the caller reports.
 */
record LocalPorts(int control, int sip, int rtpFirst, int rtpLast) {

    private static final int RTP_PORTS = 20;

    static LocalPorts pick(String bindAddress) {
        try {
            InetAddress address = InetAddress.getByName(bindAddress);
            int control = freeTcp(address);
            int sip = sipPort(address);
            int rtp = rtpRange(address);
            return new LocalPorts(control, sip, rtp, rtp + RTP_PORTS - 1);
        } catch (IOException e) {
            throw new UncheckedIOException("no free local ports for a soft phone", e);
        }
    }

    private static int freeTcp(InetAddress address) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, address)) {
            return socket.getLocalPort();
        }
    }

    private static int sipPort(InetAddress address) throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = freeTcp(address);
            if (port < 65535 && udpFree(address, port) && tcpFree(address, port + 1)) {
                return port;
            }
        }
        throw new IOException("no free SIP port pair");
    }

    /** A block of free UDP ports in the dynamic range, away from the PBX's own RTP ports. */
    private static int rtpRange(InetAddress address) throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(32768, 60000 - RTP_PORTS) & ~1;
            boolean free = true;
            for (int port = first; port < first + RTP_PORTS && free; port++) {
                free = udpFree(address, port);
            }
            if (free) {
                return first;
            }
        }
        throw new IOException("no free block of " + RTP_PORTS + " UDP ports");
    }

    private static boolean udpFree(InetAddress address, int port) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, port))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean tcpFree(InetAddress address, int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, address)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
