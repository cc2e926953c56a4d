package io.ucmkit.simulator.call;

import io.ucmkit.simulator.ManualTime;
import io.ucmkit.simulator.event.EventBus;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Manual probe (not a test): how many simultaneous calls and events/s the engine alone sustains. */
final class EngineLoadProbe {
    public static void main(String[] args) {
        int calls = Integer.parseInt(args.length > 0 ? args[0] : "5000");
        FakePbx pbx = new FakePbx();
        for (int i = 0; i < calls * 2; i++) {
            String ext = Integer.toString(20000 + i);
            pbx.phones.put(
                    ext, new PbxPort.Phone(ext, "P" + ext, "PJSIP", true, PbxPort.AnswerMode.MANUAL, Duration.ZERO));
        }
        AtomicLong events = new AtomicLong();
        EventBus bus = new EventBus();
        bus.subscribe((e, privilege) -> events.incrementAndGet());
        ManualTime time = new ManualTime();
        Calls engine = Calls.create(pbx, time.clock(), time, bus, false);
        for (int round = 0; round < 3; round++) {
            events.set(0);
            long t0 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                String a = Integer.toString(20000 + 2 * i);
                String b = Integer.toString(20001 + 2 * i);
                engine.dial(a, b);
                engine.answer(b);
            }
            int live = engine.calls().size();
            for (int i = 0; i < calls; i++) {
                engine.hangup(Integer.toString(20000 + 2 * i));
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    "%d calls (%d channels live at peak), %d events in %.3f s = %.0f events/s%n",
                    calls, live, events.get(), s, events.get() / s);
        }
    }
}
