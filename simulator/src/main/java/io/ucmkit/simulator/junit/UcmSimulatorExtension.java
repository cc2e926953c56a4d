package io.ucmkit.simulator.junit;

import io.ucmkit.simulator.SimulatorAdmin;
import io.ucmkit.simulator.UcmSimulator;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension (WireMock/GreenMail style): starts one simulator per test class on free ports
 * (no failed-login delay), resets its state before each test, and injects {@link UcmSimulator}
 * or {@link SimulatorAdmin} parameters.
 * <pre>{@code
 * @RegisterExtension
 * static UcmSimulatorExtension sim = new UcmSimulatorExtension();
 * // or: new UcmSimulatorExtension(b -> b.asteriskVersion(13))
 * }</pre>
 */
public final class UcmSimulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

  private final UnaryOperator<UcmSimulator.Builder> options;
  private UcmSimulator simulator;

  public UcmSimulatorExtension() {
    this(UnaryOperator.identity());
  }

  /** {@code options} adjusts the builder after the defaults (ports 0, web API on, no auth delay). */
  public UcmSimulatorExtension(UnaryOperator<UcmSimulator.Builder> options) {
    this.options = options;
  }

  public UcmSimulator simulator() {
    return simulator;
  }

  public int amiPort() {
    return simulator.amiPort();
  }

  public int webPort() {
    return simulator.webPort();
  }

  public SimulatorAdmin admin() {
    return simulator.admin();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    simulator = options.apply(UcmSimulator.builder().amiPort(0).webPort(0).authFailureDelay(Duration.ZERO)).start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    simulator.admin().reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (simulator != null) {
      simulator.close();
      simulator = null;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    Class<?> t = p.getParameter().getType();
    return t == UcmSimulator.class || t == SimulatorAdmin.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    return p.getParameter().getType() == UcmSimulator.class ? simulator : simulator.admin();
  }
}
