package io.ucmkit.simulator.junit;

import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.admin.Admin;
import io.ucmkit.simulator.config.PbxConfigLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension, WireMock/GreenMail style: a simulator on free ports (no failed-login delay),
 * reset before each test, and {@link UcmSimulator}, {@link Admin} or {@link AmiAccess}
 * test parameters.
 * <pre>{@code
 * @RegisterExtension
 * static UcmSimulatorExtension sim = UcmSimulatorExtension.builder().asterisk(13).build();
 *
 * @ExtendWith(UcmSimulatorExtension.class)   // or: inject it
 * class MyTest { @Test void t(Admin admin, AmiAccess ami) { … } }
 * }</pre>
 *
 * <p>One simulator per declaring scope: a static field or {@code @ExtendWith} on a class starts
 * it before the class's first test and stops it after its last, {@code @Nested} classes included;
 * an instance field starts one per test instance. The simulator is kept in JUnit's
 * {@link ExtensionContext.Store} of that scope (closed with it), never in a field that another
 * scope could see half-built, so parallel classes each get their own.
 */
public final class UcmSimulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(UcmSimulatorExtension.class);

    private final UnaryOperator<UcmSimulator.Builder> options;
    /** The simulator of the scope running now; read by the accessors from test code. */
    private volatile UcmSimulator current;

    /** The defaults: the embedded demo PBX, Asterisk 20, free ports, control API on. */
    public UcmSimulatorExtension() {
        this(UnaryOperator.identity());
    }

    /** {@code options} adjusts the builder after the defaults (ports 0, web API on, no auth delay). */
    public UcmSimulatorExtension(UnaryOperator<UcmSimulator.Builder> options) {
        this.options = options;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The running simulator; only between the start of the declaring scope and its end. */
    public UcmSimulator simulator() {
        UcmSimulator s = current;
        if (s == null) {
            throw new IllegalStateException("no simulator running: the extension starts it before the first test"
                    + " of the class (static field, @ExtendWith) or of each test (instance field)");
        }
        return s;
    }

    public int amiPort() {
        return simulator().amiPort();
    }

    public int webPort() {
        return simulator().webPort();
    }

    public Admin admin() {
        return simulator().admin();
    }

    /** Where and as whom an AMI client logs in: the simulator's port and one of its configured users. */
    public AmiAccess ami(String username) {
        return AmiAccess.of(simulator(), username);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        current = simulatorOf(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        current = simulatorOf(context);
        current.admin().reset();
    }

    /**
     * The scope's simulator, started on first use. The store looks in the enclosing scopes first,
     * so a @Nested class and every test of a class find the class's simulator; an instance field
     * (no beforeAll) starts one in the test's own scope, stopped when the test ends.
     */
    private UcmSimulator simulatorOf(ExtensionContext context) {
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(this, key -> new Running(start()), Running.class)
                .simulator();
    }

    private UcmSimulator start() {
        return options.apply(UcmSimulator.builder().amiPort(0).webPort(0).authFailureDelay(Duration.ZERO))
                .start();
    }

    /** Closes the simulator when its scope ends. */
    private record Running(UcmSimulator simulator) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            simulator.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        Class<?> t = p.getParameter().getType();
        return t == UcmSimulator.class || t == Admin.class || t == AmiAccess.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        UcmSimulator s = simulatorOf(e);
        Class<?> t = p.getParameter().getType();
        if (t == UcmSimulator.class) {
            return s;
        }
        if (t == Admin.class) {
            return s.admin();
        }
        String user = p.findAnnotation(AmiUser.class).map(AmiUser::value).orElse(AmiAccess.DEFAULT_USER);
        return AmiAccess.of(s, user);
    }

    /** Options, as {@code UcmSimulatorExtension.builder().config(path).asterisk(13).amiPort(7777).build()}. */
    public static final class Builder {
        private UnaryOperator<UcmSimulator.Builder> options = UnaryOperator.identity();

        private Builder() {}

        /** A PBX file instead of the embedded demo PBX; a bad file fails the first test with the field named. */
        public Builder config(Path pbxYaml) {
            return and(b -> b.config(PbxConfigLoader.load(pbxYaml)));
        }

        /** The Asterisk version to greet and answer as: 20 (default) or 13. */
        public Builder asterisk(int version) {
            return and(b -> b.asteriskVersion(version));
        }

        /** A fixed AMI port (default: a free one). */
        public Builder amiPort(int port) {
            return and(b -> b.amiPort(port));
        }

        /** A fixed control-API port (default: a free one). */
        public Builder webPort(int port) {
            return and(b -> b.webPort(port));
        }

        /** Anything else the simulator's builder offers. */
        public Builder with(UnaryOperator<UcmSimulator.Builder> more) {
            return and(more);
        }

        private Builder and(UnaryOperator<UcmSimulator.Builder> more) {
            UnaryOperator<UcmSimulator.Builder> before = options;
            options = b -> more.apply(before.apply(b));
            return this;
        }

        public UcmSimulatorExtension build() {
            return new UcmSimulatorExtension(options);
        }
    }
}
