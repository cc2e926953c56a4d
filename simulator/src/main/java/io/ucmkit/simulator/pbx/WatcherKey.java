package io.ucmkit.simulator.pbx;

/** One watching key: the phone it is on, its position and type, whom it monitors, and its LED now. */
public record WatcherKey(
        String phone, String model, int key, String type, String monitors, String presence, String led) {}
