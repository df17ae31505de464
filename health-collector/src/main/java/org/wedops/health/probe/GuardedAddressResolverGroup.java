package org.wedops.health.probe;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;

import lombok.RequiredArgsConstructor;
import reactor.core.scheduler.Scheduler;

/**
 * The probe client's only way from a host name to an address: each connection resolves the host afresh, every
 * address is judged by {@link ProbeAddresses}, and the connection goes to the address that was judged. So a DNS
 * answer that changes between registration and probe (rebinding) and a redirect followed to another host are
 * judged too. Literal IP addresses, which Netty would connect to without resolving, come through here as well
 * ({@link #doIsResolved} says no address is resolved yet). The JDK lookup blocks, so it runs on {@code lookups}.
 */
@RequiredArgsConstructor
final class GuardedAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    private final ProbeAddresses addresses;
    private final Scheduler lookups;

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new AbstractAddressResolver<>(executor, InetSocketAddress.class) {

            @Override
            protected boolean doIsResolved(InetSocketAddress address) {
                return false;
            }

            @Override
            protected void doResolve(InetSocketAddress unresolved, Promise<InetSocketAddress> promise) {
                lookups.schedule(() -> {
                    try {
                        promise.trySuccess(judged(unresolved).get(0));
                    } catch (Exception e) {
                        promise.tryFailure(e);
                    }
                });
            }

            @Override
            protected void doResolveAll(InetSocketAddress unresolved, Promise<List<InetSocketAddress>> promise) {
                lookups.schedule(() -> {
                    try {
                        promise.trySuccess(judged(unresolved));
                    } catch (Exception e) {
                        promise.tryFailure(e);
                    }
                });
            }
        };
    }

    private List<InetSocketAddress> judged(InetSocketAddress target) throws UnknownHostException {
        if (!target.isUnresolved()) {
            InetAddress literal = target.getAddress();
            addresses.check(literal.getHostAddress(), literal);
            return List.of(target);
        }
        return addresses.resolveAllowed(target.getHostString()).stream()
                .map(address -> new InetSocketAddress(address, target.getPort())).toList();
    }
}
