/**
 * The {@code mosnet} command: views of mosnetd's state over its JSON-RPC API and of the live system through
 * rtnetlink, with {@code --json} everywhere.
 */
module io.mosnet.cli {
    requires io.mosnet.runtime;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;

    // picocli injects options into the command objects; the runtime's JsonTree writes the views' --json records
    // (Jackson still reads the answers of the verbs that take parameters).
    opens io.mosnet.cli to info.picocli;
    opens io.mosnet.cli.command to info.picocli, com.fasterxml.jackson.databind, io.mosnet.runtime;

    exports io.mosnet.cli;
}
