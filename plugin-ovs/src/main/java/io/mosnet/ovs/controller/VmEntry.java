package io.mosnet.ovs.controller;

import io.mosnet.api.net.MacAddress;
import java.net.InetAddress;

/** A VM address learned from its ARP/ND traffic: the IP, the VM's own MAC and the OpenFlow port it sits behind. */
public record VmEntry(InetAddress ip, MacAddress mac, long port) {
}
