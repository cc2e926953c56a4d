package io.ucmkit.simulator.config;

/** A configuration the simulator refuses; the message names the field and what is allowed. */
public final class PbxConfigException extends RuntimeException {

  public PbxConfigException(String message) {
    super(message);
  }

  public PbxConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
