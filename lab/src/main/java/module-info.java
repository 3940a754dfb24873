/** Network-namespace labs for end-to-end tests and the demo; runs ip, dnsmasq and friends. Not shipped. */
module io.mosnet.lab {
    exports io.mosnet.lab;
}
