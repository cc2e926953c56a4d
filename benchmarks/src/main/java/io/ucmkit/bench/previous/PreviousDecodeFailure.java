package io.ucmkit.bench.previous;

import io.ucmkit.ami.AmiDecodeFailure;

/**
 * What {@link PreviousAmiDecoder} emits where the codec's {@code AmiDecodeFailure} would be: the same reason and
 * detail, with the partial message in the previous codec's form.
 */
public record PreviousDecodeFailure(AmiDecodeFailure.Reason reason, String detail, PreviousAmiMessage partial) {}
