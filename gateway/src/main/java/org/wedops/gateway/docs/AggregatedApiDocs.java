package org.wedops.gateway.docs;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wedops.gateway.routing.RouteTable;
import org.wedops.gateway.routing.RoutingProperties;

import tools.jackson.databind.json.JsonMapper;

/**
 * One Swagger UI for the whole API, at the gateway's {@code /swagger-ui.html}: each service of the {@link RouteTable}
 * is listed, its OpenAPI document fetched through the gateway at {@code /v3/api-docs/<service>} (open, like each
 * service's own) and adjusted so that "Try it out" goes through the gateway with a bearer token.
 */
@Configuration(proxyBeanMethods = false)
class AggregatedApiDocs {

    static final String DOCS_PREFIX = "/v3/api-docs/";

    @Bean
    RouteLocator apiDocsRouteLocator(RouteLocatorBuilder builder, RoutingProperties properties, JsonMapper json) {
        ApiDocumentRewrite rewrite = new ApiDocumentRewrite(json);
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (RouteTable.ServiceRoute route : RouteTable.ROUTES) {
            routes.route(route.service() + "-api-docs", spec -> spec
                    .path(DOCS_PREFIX + route.service())
                    .filters(filters -> filters
                            .setPath("/v3/api-docs")
                            .modifyResponseBody(byte[].class, byte[].class, rewrite))
                    .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, properties.timeout().toMillis())
                    .metadata(RouteTable.SERVICE_METADATA, route.service())
                    .uri(properties.addressOf(route.service())));
        }
        return routes.build();
    }

    /** The UI's list of documents, from the route table, ahead of any listed by configuration. */
    @Bean
    SwaggerUiDocuments swaggerUiDocuments(SwaggerUiConfigProperties swaggerUi) {
        Set<SwaggerUrl> urls = new LinkedHashSet<>();
        RouteTable.ROUTES.forEach(route -> urls.add(new SwaggerUrl(route.service(), DOCS_PREFIX + route.service(), route.service())));
        if (swaggerUi.getUrls() != null) {
            urls.addAll(swaggerUi.getUrls());
        }
        swaggerUi.setUrls(urls);
        if (swaggerUi.getUrlsPrimaryName() == null) {
            swaggerUi.setUrlsPrimaryName(RouteTable.ROUTES.get(0).service());
        }
        return new SwaggerUiDocuments(Set.copyOf(urls));
    }

    /** What the UI lists, as a bean: it also makes sure the list is set before the first request. */
    record SwaggerUiDocuments(Set<SwaggerUrl> urls) {
    }
}
