package io.ucmkit.simulator.ami;

import io.netty.channel.Channel;
import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.config.AmiUserConfig;
import io.ucmkit.simulator.pbx.EventSubscriber;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One AMI connection. Events are queued when published (from any thread) and written on the
 * channel's event loop after the response of the action being processed (AMI.md §1.3 "Response
 * ordering"). Delivery needs authentication, {@code (readperm & class) == class} and
 * {@code (eventMask & class) == class} (AMI.md §1.4). A reader that lets the outbound buffer pass
 * its high-water mark is disconnected rather than buffered without limit.
 */
public final class AmiSession implements EventSubscriber {

  private final Channel channel;
  private final String id;
  private final Instant connectedAt;
  private final Queue<AmiMessage> pending = new ConcurrentLinkedQueue<>();
  private volatile AmiUserConfig user;
  private volatile Instant authenticatedAt;
  private volatile int readPerm;
  private volatile int writePerm;
  private volatile int eventMask;
  private volatile boolean closing;
  /** Coalesces flush tasks: one pending task drains every event queued meanwhile in one write burst. */
  private final java.util.concurrent.atomic.AtomicBoolean flushScheduled = new java.util.concurrent.atomic.AtomicBoolean();
  /** Events queued for the event loop beyond which the session counts as a slow reader. */
  static final int MAX_PENDING_EVENTS = 100_000;
  private final java.util.concurrent.atomic.AtomicInteger pendingCount = new java.util.concurrent.atomic.AtomicInteger();
  private String challenge;
  private boolean inAction;

  AmiSession(Channel channel, String id, Instant connectedAt) {
    this.channel = channel;
    this.id = id;
    this.connectedAt = connectedAt;
  }

  /** A pointer-like id as Asterisk prints {@code SessionID: %p} in security events. */
  public String id() {
    return id;
  }

  public Instant connectedAt() {
    return connectedAt;
  }

  public boolean authenticated() {
    return user != null;
  }

  /** The logged-in user's name, or null before login. */
  public String username() {
    AmiUserConfig u = user;
    return u == null ? null : u.username();
  }

  public int readPerm() {
    return readPerm;
  }

  public int writePerm() {
    return writePerm;
  }

  public int eventMask() {
    return eventMask;
  }

  public InetSocketAddress remoteAddress() {
    return (InetSocketAddress) channel.remoteAddress();
  }

  public InetSocketAddress localAddress() {
    return (InetSocketAddress) channel.localAddress();
  }

  /** When the session logged in: what Asterisk's security events print as {@code SessionTV}; null before. */
  Instant authenticatedAt() {
    return authenticatedAt;
  }

  void authenticate(AmiUserConfig user, int readPerm, int writePerm, int eventMask, Instant at) {
    this.authenticatedAt = at;
    this.readPerm = readPerm;
    this.writePerm = writePerm;
    this.eventMask = eventMask;
    this.user = user;
  }

  void eventMask(int mask) {
    this.eventMask = mask;
  }

  String challenge() {
    return challenge;
  }

  void challenge(String challenge) {
    this.challenge = challenge;
  }

  /** True when an event of this class would be delivered: logged in, and both read class and event mask hold it. */
  boolean receives(int privilege) {
    return user != null && (readPerm & privilege) == privilege && (eventMask & privilege) == privilege;
  }

  @Override
  public void onEvent(AmiMessage event, int privilege) {
    if (closing || !receives(privilege)) {
      return;
    }
    if (pendingCount.incrementAndGet() > MAX_PENDING_EVENTS) {
      // The event loop cannot even hand events to the socket fast enough: treat as a slow reader.
      channel.eventLoop().execute(() -> dropSlowReader());
      return;
    }
    pending.add(event);
    if ((!channel.eventLoop().inEventLoop() || !inAction) && flushScheduled.compareAndSet(false, true)) {
      channel.eventLoop().execute(this::flushEvents);
    }
  }

  /** Writes a response or list item now (event loop only). */
  void write(AmiMessage message) {
    if (closing) {
      return;
    }
    channel.write(message);
    guardOutbound();
  }

  /**
   * Starts an action: events queued before it arrived go out first, as Asterisk's session loop
   * runs {@code process_events} before it reads the next action; events raised from now on wait
   * for the response.
   */
  void beginAction() {
    flushEvents();
    inAction = true;
  }

  /** Ends the current action: flushes its response, then the events queued meanwhile. */
  void endAction() {
    inAction = false;
    flushEvents();
  }

  void flushEvents() {
    flushScheduled.set(false);
    if (inAction) {
      return;
    }
    AmiMessage e;
    while (!closing && (e = pending.poll()) != null) {
      pendingCount.decrementAndGet();
      channel.write(e);
      guardOutbound();
    }
    channel.flush();
  }

  private void guardOutbound() {
    // Slow reader: Netty marks the channel unwritable past the high-water mark; drop the session
    // instead of queueing without bound (SPEC §4 limits).
    if (!channel.isWritable() && !closing) {
      channel.flush(); // hand the burst to the socket first; only what the peer does not take counts
      if (!channel.isWritable()) {
        dropSlowReader();
      }
    }
  }

  private void dropSlowReader() {
    if (!closing) {
      closing = true;
      pending.clear();
      channel.close();
    }
  }

  /** Writes a last message, then closes (Logoff, failed login, Shutdown). */
  void closeAfter(AmiMessage last) {
    if (closing) {
      return;
    }
    closing = true;
    pending.clear();
    if (last == null) {
      channel.flush();
      channel.close();
    } else {
      channel.writeAndFlush(last).addListener(f -> channel.close());
    }
  }

  /** Closes from any thread after writing {@code last} (e.g. Shutdown on a user save). */
  public void shutdown(AmiMessage last) {
    channel.eventLoop().execute(() -> closeAfter(last));
  }

  boolean closing() {
    return closing;
  }

  Channel channel() {
    return channel;
  }
}
