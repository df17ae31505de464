package org.wedops.health.probe;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a health probe may connect to: every public address, and an internal one (loopback, link-local
 * such as the cloud metadata service at 169.254.169.254, private, unique-local, multicast, unspecified, reserved)
 * only when it lies in an allow-listed network. IPv6 forms that carry an IPv4 address (IPv4-mapped,
 * IPv4-compatible, NAT64, 6to4) are judged by the IPv4 address they reach.
 */
public final class ProbeAddressRule {

    /** @param reason why a refused address is refused, e.g. "loopback"; null when allowed */
    public record Verdict(boolean allowed, String reason) {

        static Verdict allow() {
            return new Verdict(true, null);
        }

        static Verdict refuse(String reason) {
            return new Verdict(false, reason);
        }
    }

    private record Refused(Network network, String kind) {
        Refused(String cidr, String kind) {
            this(Network.parse(cidr), kind);
        }
    }

    private static final List<Refused> REFUSED = List.of(
            new Refused("0.0.0.0/8", "unspecified"),
            new Refused("10.0.0.0/8", "private"),
            new Refused("100.64.0.0/10", "shared (carrier-grade NAT)"),
            new Refused("127.0.0.0/8", "loopback"),
            new Refused("169.254.0.0/16", "link-local"),
            new Refused("172.16.0.0/12", "private"),
            new Refused("192.0.0.0/24", "IETF protocol"),
            new Refused("192.168.0.0/16", "private"),
            new Refused("198.18.0.0/15", "benchmarking"),
            new Refused("224.0.0.0/4", "multicast"),
            new Refused("240.0.0.0/4", "reserved"),
            new Refused("::/128", "unspecified"),
            new Refused("::1/128", "loopback"),
            new Refused("fc00::/7", "unique-local"),
            new Refused("fe80::/10", "link-local"),
            new Refused("fec0::/10", "site-local"),
            new Refused("ff00::/8", "multicast"));

    private static final Network IPV4_MAPPED = Network.parse("::ffff:0:0/96");
    private static final Network IPV4_COMPATIBLE = Network.parse("::/96");
    private static final Network NAT64 = Network.parse("64:ff9b::/96");
    private static final Network SIX_TO_FOUR = Network.parse("2002::/16");

    private final List<Network> allowed;

    public ProbeAddressRule(List<Network> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    public List<Network> allowed() {
        return allowed;
    }

    public Verdict judge(InetAddress address) {
        return judge(address.getAddress());
    }

    private Verdict judge(byte[] address) {
        if (allowed.stream().anyMatch(network -> network.contains(address))) {
            return Verdict.allow();
        }
        Optional<byte[]> embedded = embeddedIpv4(address);
        if (embedded.isPresent()) {
            return judge(embedded.get());
        }
        return REFUSED.stream().filter(refused -> refused.network().contains(address)).findFirst()
                .map(refused -> Verdict.refuse(refused.kind()))
                .orElseGet(Verdict::allow);
    }

    private static Optional<byte[]> embeddedIpv4(byte[] address) {
        if (address.length != 16) {
            return Optional.empty();
        }
        if (IPV4_MAPPED.contains(address) || NAT64.contains(address)
                // :: and ::1 are IPv6's own unspecified and loopback, not IPv4-compatible addresses
                || IPV4_COMPATIBLE.contains(address) && !isUnspecifiedOrLoopback(address)) {
            return Optional.of(Arrays.copyOfRange(address, 12, 16));
        }
        if (SIX_TO_FOUR.contains(address)) {
            return Optional.of(Arrays.copyOfRange(address, 2, 6));
        }
        return Optional.empty();
    }

    private static boolean isUnspecifiedOrLoopback(byte[] address) {
        for (int i = 0; i < 15; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[15] == 0 || address[15] == 1;
    }
}
