package org.wedops.alert.delivery;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import org.wedops.alert.AlertRouterProperties;
import org.wedops.alert.slack.SlackWebhookReceiver;

import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ReceiverConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReceiverConfiguration.class);

    @Bean
    Receivers receivers(AlertRouterProperties properties, WebClient.Builder web, JsonMapper json) {
        List<Receiver> receivers = new ArrayList<>();
        if (properties.slack().configured()) {
            receivers.add(new SlackWebhookReceiver(web, properties.slack().webhookUrl(), properties.slack().timeout(), json));
        } else {
            log.warn("No Slack webhook configured (wedops.alert.slack.webhook-url): alerts are stored but not sent to Slack");
        }
        return new Receivers(List.copyOf(receivers));
    }
}
