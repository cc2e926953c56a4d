package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.pbx.SipContact;
import java.util.ArrayList;
import java.util.List;

/**
 * PJSIPShowContacts (res_pjsip, transcript 47): one ContactList item per registered phone, in
 * contact id order, with the header set and order res_pjsip prints (its sorcery fields, then the
 * qualify status), then ContactListComplete.
 */
final class PjsipShowContactsAction implements ActionHandler {

    /** qualify_timeout as res_pjsip prints its default of 3 s (transcript 47). */
    private static final String QUALIFY_TIMEOUT = "3.000000";

    @Override
    public void handle(ActionContext ctx) {
        List<SipContact> contacts = ctx.pbx().sipContacts();
        if (contacts.isEmpty()) {
            // Not recorded (every recorded PBX had registered phones): res_pjsip's text for an empty location store.
            ctx.error("No Contacts found");
            return;
        }
        List<AmiMessage> items = new ArrayList<>();
        for (SipContact c : contacts) {
            items.add(item(ctx.request(), c));
        }
        ctx.list("A listing of Contacts follows, presented as ContactList events", items, "ContactListComplete");
    }

    private static AmiMessage item(AmiMessage request, SipContact c) {
        return AmiResponses.listItem(request, "ContactList")
                .add("ObjectType", "contact")
                .add("ObjectName", c.objectName())
                .add("ViaAddr", c.viaAddr())
                .add("QualifyTimeout", QUALIFY_TIMEOUT)
                .add("Qualify2xxOnly", "false")
                .add("CallId", c.callId())
                .add("RegServer", "")
                .add("PruneOnBoot", "no")
                .add("Path", "")
                .add("Endpoint", c.aor())
                .add("ViaPort", Integer.toString(c.viaPort()))
                .add("AuthenticateQualify", "no")
                .add("Uri", c.uri())
                .add("QualifyFrequency", Integer.toString(SipContact.QUALIFY_FREQUENCY))
                .add("UserAgent", c.userAgent())
                .add("ExpirationTime", Long.toString(c.expirationTime()))
                .add("OutboundProxy", "")
                .add("Status", "Reachable")
                .add("RoundtripUsec", Long.toString(c.roundtripUsec()))
                .build();
    }
}
