package org.wedops.gateway.ratelimit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.bucket4j.TimeMeter;

/** One bounded set of buckets for every limit of this gateway instance (their keys say which limit they are of). */
@Configuration(proxyBeanMethods = false)
class RateLimitBuckets {

    @Bean
    RequestBuckets requestBuckets(RateLimitProperties properties) {
        return new RequestBuckets(TimeMeter.SYSTEM_NANOTIME, properties.maxClients());
    }
}
