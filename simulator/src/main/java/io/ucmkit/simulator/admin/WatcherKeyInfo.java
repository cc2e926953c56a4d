package io.ucmkit.simulator.admin;

/** One watching key: the phone it is on, its position and type, whom it monitors, and its LED now. */
public record WatcherKeyInfo(
        String phone, String model, int key, String type, String monitors, String presence, String led) {}
