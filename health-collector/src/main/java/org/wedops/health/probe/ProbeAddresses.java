package org.wedops.health.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Resolves a probe's host and judges every address it resolves to: one refused address refuses the host (a name
 * that answers with a public and a private address must not reach the private one on some later try). The
 * addresses returned are the ones connected to, so what was checked is what is reached.
 */
@Component
public class ProbeAddresses {

    private final ProbeAddressRule rule;

    public ProbeAddresses(ProbeProperties properties) {
        this.rule = properties.rule();
    }

    /** Blocking (a DNS lookup): call it off the event loop. */
    public List<InetAddress> resolveAllowed(String host) throws UnknownHostException {
        InetAddress[] all = InetAddress.getAllByName(host);
        for (InetAddress address : all) {
            check(host, address);
        }
        return Arrays.asList(all);
    }

    public InetAddress check(String host, InetAddress address) throws RefusedAddressException {
        ProbeAddressRule.Verdict verdict = rule.judge(address);
        if (!verdict.allowed()) {
            String what = host.equals(address.getHostAddress()) ? host + " is" : host + " resolves to " + address.getHostAddress() + ",";
            throw new RefusedAddressException(what + " a " + verdict.reason() + " address outside wedops.health.probe.allowed-networks");
        }
        return address;
    }
}
