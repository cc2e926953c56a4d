package io.ucmkit.ami;

/**
 * One unit the {@link AmiDecoder} produces: the server's banner line, a complete message, or a
 * decode failure. Consumers switch on the three cases; nothing else ever leaves the decoder.
 */
public sealed interface AmiFrame permits AmiBanner, AmiMessage, AmiDecodeFailure {}
