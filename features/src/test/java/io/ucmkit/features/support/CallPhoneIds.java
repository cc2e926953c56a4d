package io.ucmkit.features.support;

/** The call id the dataserver gave the scenario's last Call Phone, to match the Call Status events it causes. */
public final class CallPhoneIds {

    private String last;

    public void set(String callId) {
        last = callId;
    }

    public String last() {
        if (last == null) {
            throw new IllegalStateException("no Call Phone was accepted in this scenario");
        }
        return last;
    }
}
