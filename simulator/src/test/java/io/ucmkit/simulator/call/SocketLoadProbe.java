package io.ucmkit.simulator.call;

import java.time.Duration;

/**
 * Manual probe (not a test): N simultaneous calls through the call engine, every event written
 * to one logged-in AMI session on a real socket; reports live channels at peak and events/s the
 * client read. Run: java -cp … io.ucmkit.simulator.call.SocketLoadProbe 2000
 */
final class SocketLoadProbe {
    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(args.length > 0 ? args[0] : "2000");
        try (CallsTestServer server = new CallsTestServer();
             AmiTestClient client = AmiTestClient.loggedIn(server.port(), CallsTestServer.USER, CallsTestServer.SECRET)) {
            for (int i = 0; i < calls * 2; i++) {
                String ext = Integer.toString(20000 + i);
                server.pbx.phones.put(ext, new PbxPort.Phone(ext, "P" + ext, "PJSIP", true,
                        PbxPort.AnswerMode.MANUAL, Duration.ZERO));
            }
            Thread reader = new Thread(() -> {
                String last = "Hangup PJSIP/" + (20000 + 2 * (calls - 1)) + "-";
                client.until(m -> EventLog.line(m).startsWith(last));
            });
            long t0 = System.nanoTime();
            reader.start();
            for (int i = 0; i < calls; i++) {
                server.calls.dial(Integer.toString(20000 + 2 * i), Integer.toString(20001 + 2 * i));
                server.calls.answer(Integer.toString(20001 + 2 * i));
            }
            int peak = server.calls.calls().size();
            for (int i = 0; i < calls; i++) {
                server.calls.hangup(Integer.toString(20000 + 2 * i));
            }
            reader.join();
            double s = (System.nanoTime() - t0) / 1e9;
            int n = client.received.size();
            System.out.printf("%d calls, %d channels live at peak, %d messages read by the client in %.3f s = %.0f/s%n",
                    calls, peak, n, s, n / s);
        }
    }
}
