package io.ucmkit.features.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * The network between the driver and the PBX, as a TCP relay the scenario controls: it can go
 * down (every connection is cut and new ones are refused) or stall (bytes stop flowing but the
 * connections stay open, as when a switch or a VPN hangs — only a keepalive notices that). Works
 * against any target, the simulator or real hardware.
 */
public final class NetworkLink implements AutoCloseable {

    private final Pbx pbx;
    private ServerSocket listener;
    private final List<Socket> open = new ArrayList<>();
    private boolean down;
    private boolean stalled;
    private boolean closed;

    public NetworkLink(Pbx pbx) {
        this.pbx = pbx;
    }

    /** Where the driver connects instead of the PBX; the link starts listening on first use. */
    public synchronized int port() throws IOException {
        if (listener == null) {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            ServerSocket accepting = listener;
            daemon("link-accept", () -> acceptLoop(accepting));
        }
        return listener.getLocalPort();
    }

    private void acceptLoop(ServerSocket accepting) {
        while (true) {
            Socket client;
            try {
                client = accepting.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (isDown()) {
                quietly(client);
                continue;
            }
            try {
                Socket server = new Socket();
                server.connect(
                        new InetSocketAddress(pbx.target().host(), pbx.target().port()), 5_000);
                register(client, server);
                daemon("link-up", () -> pump(client, server));
                daemon("link-down", () -> pump(server, client));
            } catch (IOException e) {
                quietly(client); // the PBX refused: so does the link
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (!awaitFlowing()) {
                    break;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed or the link was cut: end both directions
        }
        quietly(from);
        quietly(to);
    }

    /** Blocks while the link is stalled; false once it was cut or closed meanwhile. */
    private synchronized boolean awaitFlowing() {
        while (stalled && !down && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !down && !closed;
    }

    /** Cuts every connection and refuses new ones until {@link #restore}. */
    public void goDown() {
        List<Socket> cut;
        synchronized (this) {
            down = true;
            cut = List.copyOf(open);
            open.clear();
            notifyAll();
        }
        cut.forEach(NetworkLink::quietly);
    }

    /** Bytes stop flowing in both directions; the connections stay open. */
    public synchronized void stall() {
        stalled = true;
    }

    /** The link carries traffic again. */
    public synchronized void restore() {
        down = false;
        stalled = false;
        notifyAll();
    }

    private synchronized boolean isDown() {
        return down || closed;
    }

    private synchronized void register(Socket client, Socket server) {
        open.add(client);
        open.add(server);
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        ServerSocket accepting;
        synchronized (this) {
            accepting = listener;
        }
        if (accepting != null) {
            quietly(accepting);
        }
        goDown();
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void quietly(AutoCloseable socket) {
        try {
            socket.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
