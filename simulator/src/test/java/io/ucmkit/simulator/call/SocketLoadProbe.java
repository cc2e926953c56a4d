package io.ucmkit.simulator.call;

import io.ucmkit.ami.testing.AmiTestClient;
import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.config.PbxConfigLoader;
import java.time.Duration;

/**
 * Manual probe (not a test): N simultaneous calls through the real simulator (PBX model, call
 * engine, AMI server), every event written to one logged-in AMI session on a real socket; reports
 * live channels at peak and the messages/s that client read. Run from simulator/ after
 * {@code mvn test-compile}: {@code java -cp target/classes:target/test-classes:$(cat cp.txt)
 * io.ucmkit.simulator.call.SocketLoadProbe 2000}.
 */
final class SocketLoadProbe {
    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(args.length > 0 ? args[0] : "2000");
        StringBuilder yaml = new StringBuilder("amiUsers:\n  - {username: amiadmin, secret: amiadmin1, "
                + "permit: [\"127.0.0.1/255.255.255.255\"], read: [all], write: [all]}\nextensions:\n");
        for (int i = 0; i < calls * 2; i++) {
            yaml.append("  - {number: \"")
                    .append(20000 + i)
                    .append("\", name: \"P")
                    .append(20000 + i)
                    .append("\", model: GXP2170, answerMode: manual}\n");
        }
        try (UcmSimulator sim = UcmSimulator.builder()
                        .amiPort(0)
                        .authFailureDelay(Duration.ZERO)
                        .config(PbxConfigLoader.parse(yaml.toString()))
                        .start();
                AmiTestClient client = AmiTestClient.login(sim.amiPort(), "amiadmin", "amiadmin1", null)) {
            Thread reader = new Thread(() -> {
                String last = "Hangup PJSIP/" + (20000 + 2 * (calls - 1)) + "-";
                client.nextMessage(m -> EventLog.line(m).startsWith(last));
            });
            long t0 = System.nanoTime();
            reader.start();
            for (int i = 0; i < calls; i++) {
                sim.admin().dial(Integer.toString(20000 + 2 * i), Integer.toString(20001 + 2 * i));
                sim.admin().answer(Integer.toString(20001 + 2 * i));
            }
            int peak = sim.admin().calls().size();
            for (int i = 0; i < calls; i++) {
                sim.admin().hangup(Integer.toString(20000 + 2 * i));
            }
            reader.join();
            double s = (System.nanoTime() - t0) / 1e9;
            int n = client.messagesRead().size();
            System.out.printf(
                    "%d calls, %d channels live at peak, %d messages read by the client in %.3f s = %.0f/s%n",
                    calls, peak, n, s, n / s);
        }
    }
}
