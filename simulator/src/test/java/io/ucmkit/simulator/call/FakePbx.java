package io.ucmkit.simulator.call;

import io.ucmkit.simulator.admin.AnswerMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Phones 1000–1009 in a map; records device-state and presence calls. */
class FakePbx implements PbxPort {

    final Map<String, Phone> phones = new LinkedHashMap<>();
    final List<String> log = new ArrayList<>();

    FakePbx() {
        for (int i = 0; i < 10; i++) {
            String ext = "100" + i;
            phones.put(ext, new Phone(ext, "Phone " + ext, "PJSIP", true, AnswerMode.MANUAL, Duration.ZERO));
        }
    }

    void mode(String ext, AnswerMode mode, Duration delay) {
        Phone p = phones.get(ext);
        phones.put(ext, new Phone(ext, p.name(), p.tech(), p.registered(), mode, delay));
    }

    void declineWith(String ext, int sipAnswer) {
        Phone p = phones.get(ext);
        phones.put(ext, new Phone(ext, p.name(), p.tech(), p.registered(), p.mode(), p.autoAnswerDelay(), sipAnswer));
    }

    void unregister(String ext) {
        Phone p = phones.get(ext);
        phones.put(ext, new Phone(ext, p.name(), p.tech(), false, p.mode(), p.autoAnswerDelay()));
    }

    @Override
    public Optional<Phone> phone(String ext) {
        return Optional.ofNullable(phones.get(ext));
    }

    @Override
    public boolean isIvr(String number) {
        return number.matches("7\\d{3}") && Integer.parseInt(number) <= 7100;
    }

    @Override
    public String presenceFeatureCode() {
        return "*48";
    }

    @Override
    public void phoneAuthenticated(String ext) {
        log.add("authenticated " + ext);
    }

    @Override
    public void deviceStateChanged(String ext, DeviceState state) {
        log.add("device " + ext + " " + state);
    }

    @Override
    public String presenceByFeatureCode(String ext, int option) {
        log.add("presence " + ext + " " + option);
        return "option" + option + ",,";
    }
}
