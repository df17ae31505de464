package org.wedops.support.config;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.wedops.support.protection.ProtectionStates;
import org.wedops.support.web.ProblemDetailsAdvice;

/** The clock every rule reads time from (tests replace it), problem+json errors and the protection view. */
@AutoConfiguration
@Import(ProblemDetailsAdvice.class)
public class WedopsServiceConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ProtectionStates protectionStates(Clock clock) {
        return new ProtectionStates(clock);
    }
}
