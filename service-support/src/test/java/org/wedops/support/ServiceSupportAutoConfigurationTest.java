package org.wedops.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.env.RandomValuePropertySource;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.wedops.support.audit.AuditController;
import org.wedops.support.audit.AuditLog;
import org.wedops.support.config.ServiceDefaults;
import org.wedops.support.database.DeferredMigration;
import org.wedops.support.database.ListenersAfterMigration;
import org.wedops.support.database.RecurringWork;
import org.wedops.support.database.SharedSchema;
import org.wedops.support.kafka.EventPublisher;
import org.wedops.support.kafka.KafkaClusterHealthIndicator;
import org.wedops.support.kafka.ListenerCalls;
import org.wedops.support.protection.ProtectionStates;
import org.wedops.support.protection.ProtectionViewHealthIndicator;
import org.wedops.support.targethealth.LatestTargetHealth;
import org.wedops.support.web.ProblemDetailsAdvice;
import org.wedops.support.web.RequestIdWebFilter;

/**
 * Which beans the library's auto-configurations give a service under which settings, loaded as Boot loads them (from
 * the library's {@code AutoConfiguration.imports}, with its defaults file) beside Boot's own Kafka and R2DBC
 * configurations. Nothing here connects: listeners do not start (the defaults leave that to the migration) and the
 * database is only named.
 */
class ServiceSupportAutoConfigurationTest {

    private static final AutoConfigurations LIBRARY = AutoConfigurations.of(
            ImportCandidates.load(AutoConfiguration.class, ServiceSupportAutoConfigurationTest.class.getClassLoader()).getCandidates().stream()
                    .filter(name -> name.startsWith("org.wedops.support."))
                    .map(ServiceSupportAutoConfigurationTest::load)
                    .toArray(Class<?>[]::new));
    private static final AutoConfigurations KAFKA = AutoConfigurations.of(KafkaAutoConfiguration.class);
    private static final AutoConfigurations DATABASE = AutoConfigurations.of(R2dbcAutoConfiguration.class);

    private final ReactiveWebApplicationContextRunner service = asAService(new ReactiveWebApplicationContextRunner())
            .withConfiguration(DATABASE);

    @Test
    void aServiceWithADatabaseGetsEveryConcernButTargetHealth() {
        service.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(Clock.class).hasSingleBean(ProblemDetailsAdvice.class).hasSingleBean(RequestIdWebFilter.class)
                    .hasSingleBean(EventPublisher.class).hasSingleBean(KafkaAdmin.NewTopics.class).hasSingleBean(ProtectionStates.class)
                    .hasSingleBean(ProtectionViewHealthIndicator.class).hasSingleBean(ListenerCalls.class)
                    .hasSingleBean(DeferredMigration.class).hasSingleBean(RecurringWork.class).hasSingleBean(ListenersAfterMigration.class)
                    .hasSingleBean(AuditLog.class).hasSingleBean(AuditController.class)
                    .doesNotHaveBean(LatestTargetHealth.class);
            assertThat(context.getBean(CommonErrorHandler.class)).isInstanceOf(DefaultErrorHandler.class);
            // the readiness group names its members by bean name
            assertThat(context.getBean("kafkaHealthIndicator")).isInstanceOf(KafkaClusterHealthIndicator.class);
            assertThat(context.getBean("databaseMigration")).isInstanceOf(DeferredMigration.class);
            assertThat(context.getBeansOfType(SharedSchema.class).values()).extracting(SharedSchema::name).containsExactly("audit");
        });
    }

    @Test
    void targetHealthTurnedOnAddsItsListenerAndItsTable() {
        service.withPropertyValues("wedops.target-health.enabled=true").run(context -> {
            assertThat(context).hasSingleBean(LatestTargetHealth.class);
            assertThat(context.getBeansOfType(SharedSchema.class).values()).extracting(SharedSchema::name)
                    .containsExactlyInAnyOrder("audit", "target-health");
            assertThat(context.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("target-health").getGroupId())
                    .isEqualTo("billing-target-health");
        });
        service.withPropertyValues("wedops.target-health.enabled=false").run(context -> assertThat(context).doesNotHaveBean(LatestTargetHealth.class));
    }

    @Test
    void aTargetHealthSwitchThatIsNoBooleanStopsTheServiceNamingIt() {
        service.withPropertyValues("wedops.target-health.enabled=maybe").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("wedops.target-health.enabled");
        });
    }

    @Test
    void withoutADatabaseThereIsNoAuditNorTargetHealthNorSharedTable() {
        asAService(new ReactiveWebApplicationContextRunner()).withPropertyValues("wedops.target-health.enabled=true").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ProtectionStates.class).hasSingleBean(EventPublisher.class)
                    .doesNotHaveBean(AuditLog.class).doesNotHaveBean(AuditController.class).doesNotHaveBean(LatestTargetHealth.class)
                    .doesNotHaveBean(SharedSchema.class);
        });
    }

    @Test
    void outsideAWebApplicationThereIsNoHttpPartButTheAuditLogStays() {
        asAService(new ApplicationContextRunner()).withConfiguration(DATABASE).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(AuditLog.class).hasSingleBean(ProtectionStates.class)
                    .doesNotHaveBean(AuditController.class).doesNotHaveBean(ProblemDetailsAdvice.class).doesNotHaveBean(RequestIdWebFilter.class);
        });
    }

    @Test
    void aServicesOwnClockAndErrorHandlerWin() {
        service.withUserConfiguration(OwnBeans.class).run(context -> {
            assertThat(context.getBean(Clock.class)).isSameAs(OwnBeans.CLOCK);
            assertThat(context.getBean(CommonErrorHandler.class)).isSameAs(OwnBeans.ERRORS);
        });
    }

    @Test
    void everyInstanceReadsTheProtectionViewWholeInAGroupOfItsOwn() {
        List<String> groups = new ArrayList<>();
        for (int instance = 0; instance < 2; instance++) {
            service.run(context -> groups.add(context.getBean(KafkaListenerEndpointRegistry.class)
                    .getListenerContainer(ProtectionStates.LISTENER_ID).getGroupId()));
        }
        assertThat(groups).allSatisfy(group -> assertThat(group).startsWith("billing-protection-view-")).doesNotHaveDuplicates();
    }

    @Test
    void aProtectionViewSettingOutOfRangeStopsTheServiceNamingIt() {
        service.withPropertyValues("wedops.protection.view.stale-after=2h").run(context ->
                assertThat(messages(context.getStartupFailure())).contains("wedops.protection.view.stale-after must be between 0 and 1h"));
    }

    /** The service's environment as Boot would prepare it: the library's defaults and {@code random.*}. */
    private static <R extends AbstractApplicationContextRunner<R, ?, ?>> R asAService(R runner) {
        return runner
                .withInitializer(context -> new ServiceDefaults().postProcessEnvironment(context.getEnvironment(), null))
                .withInitializer(context -> RandomValuePropertySource.addToEnvironment(context.getEnvironment()))
                .withPropertyValues("spring.application.name=billing", "spring.kafka.admin.auto-create=false",
                        "spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:1/billing", "spring.r2dbc.username=billing", "spring.r2dbc.password=billing")
                .withConfiguration(KAFKA)
                .withConfiguration(LIBRARY);
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + " is registered but missing", e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {

        static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-06T12:00:00Z"), ZoneOffset.UTC);
        static final CommonErrorHandler ERRORS = new DefaultErrorHandler();

        @Bean
        Clock clock() {
            return CLOCK;
        }

        @Bean
        CommonErrorHandler errors() {
            return ERRORS;
        }
    }
}
