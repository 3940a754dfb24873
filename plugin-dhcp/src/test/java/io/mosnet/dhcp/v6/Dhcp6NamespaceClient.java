package io.mosnet.dhcp.v6;

import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.MacAddress;
import io.mosnet.dhcp.duid.Duid;
import io.mosnet.dhcp.time.Timers;
import io.mosnet.dhcp.v6.wire.MessageType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

/**
 * The real client over {@link UdpDhcp6Transport}, run by {@link Dhcp6NamespaceTest} as a child JVM inside a test
 * namespace (a JVM cannot move its own sockets into another namespace without native calls). Prints one line per
 * event and per message sent on stdout and exits after the given number of seconds.
 *
 * <p>Arguments: interface, seconds to run, no-server timeout in seconds, {@code pd} or {@code na}.
 */
public final class Dhcp6NamespaceClient {

    private Dhcp6NamespaceClient() {
    }

    public static void main(String[] args) throws Exception {
        String iface = args[0];
        Duration runFor = Duration.ofSeconds(Long.parseLong(args[1]));
        Duration noServer = Duration.ofSeconds(Long.parseLong(args[2]));
        boolean pd = "pd".equals(args[3]);
        NetworkInterface nif = NetworkInterface.getByName(iface);
        MacAddress mac = MacAddress.of(nif.getHardwareAddress());
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        Dhcp6Transport udp = new UdpDhcp6Transport(iface);
        Dhcp6Transport transport = new Dhcp6Transport() {
            @Override
            public void send(byte[] message, InetSocketAddress destination) throws IOException {
                udp.send(message, destination);
                say("SENT " + MessageType.of(message[0] & 0xff) + " to "
                        + IpAddresses.format(destination.getAddress()));
            }

            @Override
            public Optional<Datagram> receive(Duration timeout) throws IOException {
                return udp.receive(timeout);
            }

            @Override
            public void close() {
                udp.close();
            }
        };
        Dhcp6Client[] holder = new Dhcp6Client[1];
        Dhcp6Events events = new Dhcp6Events() {
            @Override
            public void leaseChanged(Dhcp6Lease lease) {
                say("CHANGED " + holder[0].state() + " addresses="
                        + lease.addresses().stream().map(a -> IpAddresses.format(a.address()))
                        .collect(Collectors.joining(","))
                        + " prefixes=" + lease.prefixes().stream().map(p -> p.prefix().toString())
                        .collect(Collectors.joining(","))
                        + " renewIn=" + Duration.between(lease.obtainedAt(), lease.renewAt()).toSeconds()
                        + " dns=" + lease.dns().stream().map(IpAddresses::format)
                        .collect(Collectors.joining(","))
                        + " domains=" + String.join(",", lease.domains()) + " server=" + lease.serverId().hex());
            }

            @Override
            public void leaseLost(Dhcp6Lease lease, String reason) {
                say("LOST " + reason);
            }

            @Override
            public void noServer(String message) {
                say("NOSERVER " + message);
            }
        };
        Dhcp6Client client = new Dhcp6Client(iface, Dhcp6Identity.of(Duid.linkLayer(mac), mac),
                new Dhcp6ClientSettings(true, pd, false, noServer), transport, Clock.systemUTC(),
                Timers.of(scheduler), new SecureRandom(), events);
        holder[0] = client;
        ReceiveLoop loop = new ReceiveLoop(iface, transport, client);
        loop.start();
        client.start();
        say("STARTED " + iface);
        Thread.sleep(runFor.toMillis());
        client.close();
        loop.close();
        transport.close();
        scheduler.shutdownNow();
        say("DONE");
        System.exit(0);
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
