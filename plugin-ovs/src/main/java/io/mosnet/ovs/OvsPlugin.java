package io.mosnet.ovs;

import org.pf4j.Plugin;

/**
 * The PF4J entry point of the OVS plugin jar (Plugin-Class in its manifest). Lifecycle only: the bridge backend is
 * found by ServiceLoader over this plugin's class loader (META-INF/services), and the runtime closes the backend
 * it obtained ({@link OvsBridgeBackend#close}) when it shuts down.
 */
public class OvsPlugin extends Plugin {

    @Override
    public void start() {
        log.info("mosnet OVS plugin started (bridge backend 'ovs')");
    }

    @Override
    public void stop() {
        log.info("mosnet OVS plugin stopped");
    }
}
