package io.ucmkit.simulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.admin.Admin;
import io.ucmkit.simulator.admin.AnswerMode;
import io.ucmkit.simulator.admin.PresenceStatus;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The extension in every way a test class declares it — static field, instance field,
 * {@code @ExtendWith} with injection, {@code @Nested}, classes in parallel — each run as its own
 * test plan through the Jupiter engine, as a user's build would run it.
 */
class ExtensionStylesIT {

    private static Events run(Class<?> sample, boolean parallel) {
        return run(parallel, sample);
    }

    private static Events run(boolean parallel, Class<?>... samples) {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", Boolean.toString(parallel))
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .selectors(java.util.Arrays.stream(samples)
                        .map(c -> selectClass(c))
                        .toArray(org.junit.platform.engine.DiscoverySelector[]::new))
                .execute()
                .testEvents();
        tests.failed().stream().forEach(e -> {
            throw new AssertionError(
                    e.getTestDescriptor().getDisplayName() + " failed",
                    e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                            .flatMap(r -> r.getThrowable())
                            .orElse(null));
        });
        return tests;
    }

    @Test
    void a_static_field_serves_the_class_and_its_nested_classes_and_resets_before_each_test() {
        StaticField.ports.clear();
        assertThat(run(StaticField.class, false).succeeded().count()).isEqualTo(3);
        assertThat(StaticField.ports).hasSize(1);
    }

    @Test
    void an_instance_field_starts_a_simulator_per_test_with_the_builders_options() {
        InstanceField.ports.clear();
        assertThat(run(InstanceField.class, false).succeeded().count()).isEqualTo(2);
        assertThat(InstanceField.ports).hasSize(2);
    }

    @Test
    void extend_with_injects_the_simulator_its_admin_and_ami_access_in_nested_classes_too() {
        assertThat(run(ExtendedWith.class, false).succeeded().count()).isEqualTo(2);
    }

    @Test
    void classes_running_in_parallel_each_get_their_own_simulator() {
        ParallelA.ports.clear();
        assertThat(run(true, ParallelA.class, ParallelB.class).succeeded().count())
                .isEqualTo(4);
        assertThat(ParallelA.ports).hasSize(2);
    }

    // ---- the sample classes (not run on their own: static member classes are left to the engine test kit)

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class StaticField {
        static final Set<Integer> ports = ConcurrentHashMap.newKeySet();

        @RegisterExtension
        static UcmSimulatorExtension sim = new UcmSimulatorExtension();

        @Test
        @Order(1)
        void changes_state() {
            sim.admin().setPresence("1000", PresenceStatus.DND);
            ports.add(sim.amiPort());
        }

        @Test
        @Order(2)
        void finds_it_reset_on_the_same_simulator() {
            assertThat(sim.admin().extension("1000").presence()).isEqualTo("available");
            ports.add(sim.amiPort());
        }

        @Nested
        class Inside {
            @Test
            void uses_the_enclosing_classes_simulator(Admin admin) {
                assertThat(admin).isSameAs(sim.admin());
                ports.add(sim.amiPort());
            }
        }
    }

    static class InstanceField {
        static final Set<Integer> ports = ConcurrentHashMap.newKeySet();

        @RegisterExtension
        UcmSimulatorExtension sim = UcmSimulatorExtension.builder().asterisk(13).build();

        @Test
        void one(UcmSimulator injected) {
            assertThat(injected.amiPort()).isEqualTo(sim.amiPort());
            assertThat(sim.simulator().pbx().config().asteriskVersion()).isEqualTo(13);
            ports.add(sim.amiPort());
        }

        @Test
        void two() {
            ports.add(sim.amiPort());
        }
    }

    @ExtendWith(UcmSimulatorExtension.class)
    static class ExtendedWith {
        @Test
        void injects(UcmSimulator sim, Admin admin, AmiAccess admins, @AmiUser("amireader") AmiAccess reader) {
            assertThat(admin.extensions()).hasSize(10);
            assertThat(admins.port()).isEqualTo(sim.amiPort());
            assertThat(admins.username()).isEqualTo("amiadmin");
            assertThat(reader.secret()).isEqualTo("amireader1");
            assertThat(reader.toString()).doesNotContain("amireader1");
        }

        @Nested
        class Inside {
            @Test
            void injects_here_too(Admin admin) {
                admin.setAnswerMode("1001", AnswerMode.BUSY, Duration.ZERO);
                assertThat(admin.extension("1001").answerMode()).isEqualTo("busy");
            }
        }
    }

    /** Two classes in one plan, run concurrently; each waits on its own simulator's events. */
    static class ParallelA {
        static final Set<Integer> ports = ConcurrentHashMap.newKeySet();

        @RegisterExtension
        static UcmSimulatorExtension sim = new UcmSimulatorExtension();

        @Test
        void presence() {
            ports.add(sim.amiPort());
            sim.admin().setPresence("1002", PresenceStatus.AWAY);
            assertThat(sim.admin()
                            .awaitPresence("1002", PresenceStatus.AWAY, Duration.ofSeconds(5))
                            .presence())
                    .isEqualTo("away");
        }

        @Test
        void call() {
            ports.add(sim.amiPort());
            sim.admin().dial("1000", "1001"); // the demo's 1001 answers by itself after 200 ms
            assertThat(sim.admin().awaitInCall("1001", Duration.ofSeconds(5)).extension())
                    .isEqualTo("1001");
        }
    }

    static class ParallelB {
        @RegisterExtension
        static UcmSimulatorExtension sim = new UcmSimulatorExtension();

        @Test
        void ringing() {
            ParallelA.ports.add(sim.amiPort());
            sim.admin().dial("1001", "1002"); // 1002 answers by hand: it rings
            assertThat(sim.admin().awaitRinging("1002", Duration.ofSeconds(5)).state())
                    .isEqualTo("Ringing");
        }

        @Test
        void a_wait_that_times_out_says_what_it_waited_for_and_saw() {
            ParallelA.ports.add(sim.amiPort());
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> sim.admin().awaitRinging("1003", Duration.ofMillis(50)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("extension 1003 ringing; its calls: []");
        }
    }
}
