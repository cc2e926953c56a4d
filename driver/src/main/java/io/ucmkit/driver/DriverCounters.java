package io.ucmkit.driver;

/**
 * A cheap, consistent-enough copy of the driver's running totals since it started (each value is read once,
 * without a lock), for a soak script or a health page: compare two snapshots to get rates.
 *
 * @param connects           AMI sessions opened (TCP connected and banner read): the first and every reconnect
 * @param disconnects        sessions lost or closed, whatever the reason
 * @param loginsAccepted     Login answered {@code Success}
 * @param loginsRefused      Login (or the MD5 Challenge) refused by the PBX
 * @param loginsFailed       Login without an answer: timed out or the connection dropped
 * @param actions            actions sent to the PBX (Login, Ping and the re-reads included)
 * @param actionTimeouts     of those, answered by nobody before their deadline
 * @param eventsReceived     AMI events received from the PBX (list items of the driver's own actions excluded)
 * @param eventsDelivered    driver events handed to the subscribers
 * @param eventsDropped      driver events dropped because the subscribers were too slow (queue full)
 * @param amiEventsDropped   raw AMI events ({@code subscribeAmi}) dropped because those subscribers were too slow
 * @param malformedMessages  messages from the PBX that were undecodable or made no sense (a response no action
 *                           waited for); each was logged, masked, and skipped
 * @param eventQueueCapacity the bound of each of the two event queues (driver events, raw AMI events)
 * @param eventQueuePeak     the most items either queue has held at once (sampled; exactly the capacity once a queue was full)
 */
public record DriverCounters(
        long connects,
        long disconnects,
        long loginsAccepted,
        long loginsRefused,
        long loginsFailed,
        long actions,
        long actionTimeouts,
        long eventsReceived,
        long eventsDelivered,
        long eventsDropped,
        long amiEventsDropped,
        long malformedMessages,
        int eventQueueCapacity,
        int eventQueuePeak) {}
