package org.wedops.health.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;

import io.netty.util.NetUtil;

/** An IPv4 or IPv6 network in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}); a bare address is a /32 or /128. */
public record Network(byte[] prefix, int bits, String text) {

    public static Network parse(String cidr) {
        if (cidr == null || cidr.isBlank()) {
            throw new IllegalArgumentException("is empty; expected a network such as 10.0.0.0/8 or fd00::/8");
        }
        String trimmed = cidr.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        // a literal only: a host name here would make the allow-list depend on DNS
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes == null) {
            throw new IllegalArgumentException("'" + trimmed + "' is not an IP address or CIDR network (e.g. 10.0.0.0/8, fd00::/8)");
        }
        int max = bytes.length * 8;
        int bits;
        try {
            bits = slash < 0 ? max : Integer.parseInt(trimmed.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + trimmed + "' has no prefix length after '/'");
        }
        if (bits < 0 || bits > max) {
            throw new IllegalArgumentException("'" + trimmed + "' has a prefix length outside 0.." + max);
        }
        return new Network(bytes, bits, trimmed);
    }

    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    boolean contains(byte[] candidate) {
        if (candidate.length != prefix.length) {
            return false;
        }
        int whole = bits / 8;
        for (int i = 0; i < whole; i++) {
            if (candidate[i] != prefix[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (candidate[whole] & mask) == (prefix[whole] & mask);
    }

    static InetAddress literal(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
