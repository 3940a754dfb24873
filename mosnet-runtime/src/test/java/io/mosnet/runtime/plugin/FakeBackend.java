package io.mosnet.runtime.plugin;

import io.mosnet.api.bridge.BridgeAttachment;
import io.mosnet.api.bridge.BridgeBackend;
import io.mosnet.api.bridge.BridgeRequest;
import io.mosnet.api.bridge.HostSetup;
import io.mosnet.api.plugin.PluginContext;

/** A bridge backend for registry tests; packed into a plugin jar by {@link PluginJars}. */
public class FakeBackend implements BridgeBackend {

    @Override
    public String id() {
        return "fake";
    }

    @Override
    public String version() {
        return "9.9";
    }

    @Override
    public BridgeAttachment attach(BridgeRequest request, PluginContext context) {
        return new BridgeAttachment(request.bridgeName(), request.bridgeName(), request.uplink().mac(), false);
    }

    @Override
    public void configureHost(HostSetup setup, PluginContext context) {
        // nothing to do: the fake has no host side
    }
}
