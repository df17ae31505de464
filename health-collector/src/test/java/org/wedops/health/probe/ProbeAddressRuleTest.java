package org.wedops.health.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.netty.util.NetUtil;

class ProbeAddressRuleTest {

    private static final ProbeAddressRule NOTHING_ALLOWED = new ProbeAddressRule(List.of());

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource({
            "169.254.169.254,              link-local",
            "169.254.0.1,                  link-local",
            "127.0.0.1,                    loopback",
            "127.255.255.254,              loopback",
            "10.0.0.1,                     private",
            "172.16.0.1,                   private",
            "172.31.255.255,               private",
            "192.168.1.1,                  private",
            "100.100.100.200,              shared (carrier-grade NAT)",
            "0.0.0.0,                      unspecified",
            "224.0.0.1,                    multicast",
            "255.255.255.255,              reserved",
            "::1,                          loopback",
            "::,                           unspecified",
            "fe80::1,                      link-local",
            "fd00:ec2::254,                unique-local",
            "fc00::1,                      unique-local",
            "fec0::1,                      site-local",
            "ff02::1,                      multicast",
            "::ffff:169.254.169.254,       link-local",
            "::ffff:127.0.0.1,             loopback",
            "::127.0.0.1,                  loopback",
            "64:ff9b::a9fe:a9fe,           link-local",
            "2002:a9fe:a9fe::1,            link-local",
            "2002:0a00:0001::,             private"})
    void internalAddressesAreRefusedByDefault(String address, String kind) {
        ProbeAddressRule.Verdict verdict = NOTHING_ALLOWED.judge(literal(address));
        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.reason()).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0} is public and allowed")
    @CsvSource({"93.184.216.34", "8.8.8.8", "172.32.0.1", "172.15.255.255", "100.128.0.1", "169.253.255.255",
            "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:0808:0808::1"})
    void publicAddressesAreAllowed(String address) {
        assertThat(NOTHING_ALLOWED.judge(literal(address)).allowed()).isTrue();
    }

    @ParameterizedTest(name = "allow-list {0}: {1} allowed={2}")
    @CsvSource({
            "127.0.0.0/8,   127.0.0.1,            true",
            "127.0.0.0/8,   ::1,                  false",
            "::1,           ::1,                  true",
            "10.42.0.0/16,  10.42.7.9,            true",
            "10.42.0.0/16,  10.43.0.1,            false",
            "10.42.0.0/16,  ::ffff:10.42.0.5,     true",
            "10.42.0.0/16,  169.254.169.254,      false",
            "127.0.0.2/32,  127.0.0.1,            false",
            "127.0.0.2/32,  127.0.0.2,            true",
            "fd12:3456::/32, fd12:3456:0:1::5,    true",
            "fd12:3456::/32, fd12:3457::1,        false",
            "10.42.0.0/15,  10.43.255.255,        true"})
    void anAllowListedNetworkIsAllowedAndNothingElse(String network, String address, boolean allowed) {
        ProbeAddressRule rule = new ProbeAddressRule(List.of(Network.parse(network)));
        assertThat(rule.judge(literal(address)).allowed()).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "''{0}'' is not a network")
    @CsvSource({"10.0.0.0/33", "::/129", "10.0.0.0/-1", "10.0.0/8", "metadata.internal/32", "10.0.0.0/", "'  '", "10.0.0.0/x"})
    void aWrongNetworkIsRefused(String text) {
        assertThatThrownBy(() -> Network.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWrongNetworkInConfigurationIsNamedByItsProperty() {
        assertThatThrownBy(() -> new ProbeProperties(List.of("10.0.0.0/8", "everything")))
                .hasMessageStartingWith("wedops.health.probe.allowed-networks[1]: ");
    }

    private static InetAddress literal(String text) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(text.trim());
        assertThat(bytes).as(text).isNotNull();
        return Network.literal(Arrays.copyOf(bytes, bytes.length));
    }
}
