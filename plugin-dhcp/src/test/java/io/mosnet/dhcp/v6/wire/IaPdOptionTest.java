package io.mosnet.dhcp.v6.wire;

import static io.mosnet.dhcp.v6.wire.Captured.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.net.IpNetwork;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IaPdOptionTest {

    @Test
    void readsKeaIaPd() {
        IaPdOption pd = Dhcp6Message.parse(Captured.keaReply()).options()
                .decode(OptionCode.IA_PD, IaPdOption::decode).orElseThrow();

        assertEquals(0x45de0fa1L, pd.iaid());
        assertEquals(Lifetime.ofSeconds(20), pd.t1());
        assertEquals(Lifetime.ofSeconds(32), pd.t2());
        assertEquals(List.of(IpNetwork.parse("2001:db8:100::/56")),
                pd.prefixes().stream().map(IaPrefixOption::prefix).toList());
    }

    @Test
    void capsOversizedReplyWithManyPrefixes() {
        List<IaPrefixOption> many = IntStream.range(0, 500).mapToObj(i -> new IaPrefixOption(Lifetime.ofSeconds(1),
                Lifetime.ofSeconds(2), IpNetwork.parse("2001:db8:" + Integer.toHexString(i) + "::/64"), null))
                .toList();
        byte[] wire = new IaPdOption(7, Lifetime.ZERO, Lifetime.ZERO, many.subList(0, 200), null, 0).encode();

        IaPdOption pd = IaPdOption.decode(wire);

        assertEquals(IaPdOption.MAX_PREFIXES, pd.prefixes().size());
        assertEquals(200 - IaPdOption.MAX_PREFIXES, pd.dropped());
    }

    @Test
    void t1AboveT2MakesTheIaInvalid() {
        assertFalse(IaPdOption.decode(hex("00000001 00000064 00000032")).hasValidTimers());
        assertTrue(IaPdOption.decode(hex("00000001 00000032 00000064")).hasValidTimers());
    }

    @Test
    void readsNoPrefixAvail() {
        IaPdOption pd = IaPdOption.decode(hex("00000001 00000000 00000000 000d0002 0006"));

        assertEquals("NoPrefixAvail", pd.status().name());
    }
}
