package io.ucmkit.bench;

/** How the corpus is cut into socket reads (the {@code reads} parameter of the parse benchmarks). */
public enum Reads {
    /** One whole message per read: a quiet PBX, one event per packet. */
    EVENT,
    /** Whole messages packed up to 16 KiB per read: a burst (a call storm, a list reply). */
    BATCH,
    /** 1460-byte reads cut anywhere: one TCP segment at Ethernet MTU per read, lines split across reads. */
    MTU,
    /** One byte per read: the worst case for cumulation and per-read overhead. */
    BYTE
}
