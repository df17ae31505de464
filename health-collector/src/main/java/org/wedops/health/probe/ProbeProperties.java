package org.wedops.health.probe;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where health probes may go.
 *
 * @param allowedNetworks internal networks (CIDR, IPv4 or IPv6) that targets may live in; by default none, so only
 *                        public addresses are probed. A network here is allowed whatever it is, so list the cluster's
 *                        own ranges, never 169.254.0.0/16 (the cloud metadata service lives there).
 */
@ConfigurationProperties("wedops.health.probe")
public record ProbeProperties(@DefaultValue List<String> allowedNetworks) {

    public ProbeProperties {
        rule(allowedNetworks); // refuse a wrong network at start-up, naming it
    }

    public ProbeAddressRule rule() {
        return rule(allowedNetworks);
    }

    private static ProbeAddressRule rule(List<String> networks) {
        List<Network> parsed = new ArrayList<>();
        for (int i = 0; i < networks.size(); i++) {
            try {
                parsed.add(Network.parse(networks.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("wedops.health.probe.allowed-networks[" + i + "]: " + e.getMessage(), e);
            }
        }
        return new ProbeAddressRule(parsed);
    }
}
