package org.wedops.apm.ingest;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wedops.security.IngestEndpoints;

/** Emitters post samples with ingest-scoped tokens, which no other endpoint of the service accepts. */
@Configuration(proxyBeanMethods = false)
class SampleIngestSecurity {

    @Bean
    IngestEndpoints ingestEndpoints() {
        return new IngestEndpoints(List.of(SampleBatchController.PATH));
    }
}
