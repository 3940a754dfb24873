package io.mosnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void alignsColumnsWithoutTrailingBlanks() {
        StringWriter s = new StringWriter();
        new Table("NAME", "MTU", "STATE").row("eth0", 1500, "up").row("mos-long", 9000, null)
                .print(new PrintWriter(s));
        assertEquals("""
                NAME      MTU   STATE
                eth0      1500  up
                mos-long  9000  -
                """, s.toString());
    }

    @Test
    void rejectsRowOfWrongWidth() {
        assertThrows(IllegalArgumentException.class, () -> new Table("A", "B").row("x"));
    }

    @Test
    void alignsKeyValues() {
        StringWriter s = new StringWriter();
        Table.keyValues(new PrintWriter(s), List.of(new String[] {"Mode", "dhcp"}, new String[] {"Bridge", null}));
        assertEquals("Mode:   dhcp\nBridge: -\n", s.toString());
    }
}
