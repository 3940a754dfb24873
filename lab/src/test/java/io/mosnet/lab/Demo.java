package io.mosnet.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The README demo: a throwaway lab where mosnetd brings a namespace "host" onto the network from an "upstream"
 * namespace (gateway + dnsmasq), then shows what it did. Usage: {@code Demo <distribution dir> [dhcp|static]}.
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: Demo <distribution dir> [dhcp|static]");
            System.exit(2);
        }
        Path dist = Path.of(args[0]).toAbsolutePath();
        String mode = args.length > 1 ? args[1] : "dhcp";
        String cmdline = switch (mode) {
            case "dhcp" -> "mosbridge=linux mosdhcp_timeout=10 mosfirewall=ssh";
            case "static" -> "mosbridge=linux mosip4=10.77.0.10," + Lab.GATEWAY4 + ",255.255.255.0 mosip6=fd77::10/64,"
                    + Lab.GATEWAY6 + " mosfirewall=ssh";
            default -> throw new IllegalArgumentException("mode must be dhcp or static, not " + mode);
        };
        int status;
        try (Lab.Standard lab = Lab.standard("demo", 1, 1)) {
            status = run(lab, dist, cmdline, mode.equals("dhcp"));
        }
        System.exit(status);
    }

    private static int run(Lab.Standard s, Path dist, String cmdline, boolean dhcp) throws IOException, InterruptedException {
        Lab lab = s.lab();
        say("lab " + lab.id() + ": namespace " + s.upstream() + " (gateway " + Lab.GATEWAY4 + ", " + Lab.GATEWAY6
                + ") and namespace " + s.host() + " with NIC eth0");
        if (dhcp) {
            lab.dnsmasq(s.upstream(), "br-up", "10.77.0.100,10.77.0.199,255.255.255.0,2m",
                    "--dhcp-option=option:router," + Lab.GATEWAY4, "--dhcp-option=option:dns-server," + Lab.GATEWAY4,
                    "--domain=lab.example", "--dhcp-range=::,constructor:br-up,ra-only", "--enable-ra");
            say("dnsmasq serves DHCPv4 and router advertisements in " + s.upstream());
        }
        Path dir = lab.dir();
        Files.writeString(dir.resolve("cmdline"), cmdline + "\n");
        Path state = dir.resolve("mosnet.json");
        Path socket = dir.resolve("mosnet.sock");
        say("kernel command line: " + cmdline);
        LabProcess mosnetd = lab.start(s.host(), "mosnetd", dist.resolve("bin/mosnetd").toString(),
                "--cmdline", dir.resolve("cmdline").toString(), "--state-file", state.toString(),
                "--socket", socket.toString(), "--resolv-conf", dir.resolve("resolv.conf").toString(),
                "--log-file", dir.resolve("mosnetd.log").toString(), "--plugins", dir.resolve("plugins").toString());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline) && mosnetd.alive() && !running(state)) {
            Thread.sleep(100);
        }
        if (!running(state)) {
            say("mosnetd did not come up; its output:");
            System.out.println(mosnetd.output());
            return 1;
        }
        say("mosnetd is running; the host's network as the kernel sees it:");
        System.out.print(s.host().sh("ip", "-br", "addr"));
        System.out.print(s.host().sh("ip", "route"));
        say("ping the gateway from the host:");
        System.out.print(s.host().exec("ping", "-c", "2", "-W", "2", Lab.GATEWAY4).out());
        say("mosnet status:");
        Command.Result status = Command.run(s.host().wrap(dist.resolve("bin/mosnet").toString(), "--socket",
                socket.toString(), "status"), 30);
        System.out.print(status.out());
        System.out.print(status.err());
        mosnetd.signal("TERM");
        mosnetd.waitFor(10);
        say("mosnetd stopped; removing the lab");
        return 0;
    }

    private static boolean running(Path state) {
        try {
            return Files.exists(state) && Files.readString(state).matches("(?s).*\"phase\"\\s*:\\s*\"running\".*");
        } catch (IOException e) {
            return false;
        }
    }

    private static void say(String s) {
        System.out.println("==> " + s);
    }
}
