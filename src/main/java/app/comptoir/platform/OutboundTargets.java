package app.comptoir.platform;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs a business may make Comptoir's servers call (its webhooks, its own assistant provider), so that a
 * business cannot make them call the servers' own network (server-side request forgery): HTTPS only, no credentials
 * in the URL, and no address that is loopback, private, link-local (the cloud metadata service), carrier-grade NAT,
 * multicast or unspecified. The check runs at registration and again before each call on the addresses the name
 * resolves to then, since a name can be pointed elsewhere after registration.
 *
 * <p>With {@code allowPrivate} (tests, development) a receiver on this machine or the local network is
 * allowed, and plain HTTP for {@code localhost} and loopback addresses; link-local and multicast never are.
 */
public final class OutboundTargets {

    /** The longest URL accepted. */
    public static final int MAX_LENGTH = 2000;

    /** Resolves a host name to its addresses (DNS in production). */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final String callers;
    private final boolean allowPrivate;
    private final Resolver resolver;

    /** {@code callers}: who calls, in the refusal's sentence ("webhooks"). */
    public OutboundTargets(String callers, boolean allowPrivate, Resolver resolver) {
        this.callers = callers;
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** The check of the addresses this machine's DNS gives. */
    public static OutboundTargets resolvingWithDns(String callers, boolean allowPrivate) {
        return new OutboundTargets(callers, allowPrivate, host -> java.util.List.of(InetAddress.getAllByName(host)));
    }

    /** Whether private and loopback targets are allowed here. */
    public boolean allowPrivate() {
        return allowPrivate;
    }

    /**
     * What is wrong with the URL as a target at registration, if anything (a sentence for the
     * problem's detail). A name that does not resolve yet is accepted: it is checked again at each delivery.
     */
    public Optional<String> problemAtRegistration(String url) {
        return problem(url, false);
    }

    /** What is wrong with the URL right before a call, resolving its host now (unknown: refused). */
    public Optional<String> problemAtDelivery(String url) {
        return problem(url, true);
    }

    private Optional<String> problem(String url, boolean mustResolve) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null || host.isBlank()) {
            return Optional.of("must be an absolute https:// URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain a user name or password");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not contain a fragment (#...)");
        }
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        boolean loopbackName = bareHost.equalsIgnoreCase("localhost") || bareHost.equals("127.0.0.1")
                || bareHost.equals("::1");
        if (!scheme.equals("https") && !(scheme.equals("http") && allowPrivate && loopbackName)) {
            return Optional.of("must use https://");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(bareHost);
        } catch (UnknownHostException e) {
            return mustResolve ? Optional.of("has a host that does not resolve: " + bareHost) : Optional.empty();
        }
        if (addresses.isEmpty() && mustResolve) {
            return Optional.of("has a host that does not resolve: " + bareHost);
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = refused(address);
            if (refused.isPresent()) {
                return Optional.of("points to " + refused.get() + " address " + address.getHostAddress()
                        + ", which " + callers + " may not call");
            }
        }
        return Optional.empty();
    }

    /** Why the address is refused (its kind), if it is. */
    Optional<String> refused(InetAddress address) {
        InetAddress a = unmapped(address);
        if (a.isAnyLocalAddress()) {
            return Optional.of("an unspecified");
        }
        if (a.isLinkLocalAddress()) {
            return Optional.of("a link-local");
        }
        if (a.isMulticastAddress()) {
            return Optional.of("a multicast");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        if (a.isLoopbackAddress()) {
            return Optional.of("a loopback");
        }
        if (a.isSiteLocalAddress() || uniqueLocal(a) || sharedAddressSpace(a) || reserved(a)) {
            return Optional.of("a private");
        }
        return Optional.empty();
    }

    /** An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as the IPv4 address it carries. */
    private static InetAddress unmapped(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address && b.length == 16) {
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            mapped &= (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            if (mapped) {
                try {
                    return InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]});
                } catch (UnknownHostException e) {
                    return a;
                }
            }
        }
        return a;
    }

    /** fc00::/7, IPv6's private range. */
    private static boolean uniqueLocal(InetAddress a) {
        return a instanceof Inet6Address && (a.getAddress()[0] & 0xfe) == 0xfc;
    }

    /** 100.64.0.0/10, carrier-grade NAT (often the provider's internal network). */
    private static boolean sharedAddressSpace(InetAddress a) {
        byte[] b = a.getAddress();
        return a instanceof Inet4Address && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }

    /** 0.0.0.0/8 and 240.0.0.0/4 (reserved), 198.18.0.0/15 (benchmarking). */
    private static boolean reserved(InetAddress a) {
        byte[] b = a.getAddress();
        if (!(a instanceof Inet4Address)) {
            return false;
        }
        int first = b[0] & 0xff;
        return first == 0 || first >= 240 || (first == 198 && (b[1] & 0xfe) == 18);
    }
}
