package io.mosnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command line built for one verb only answers as the one with every subcommand does. */
class MosnetTest {

    static String[] split(String line) {
        return line.isEmpty() ? new String[0] : line.split(" ");
    }

    @ParameterizedTest
    @CsvSource({"routes, routes", "routes --json, routes", "--json routes -a, routes", "--socket /s routes, routes",
            "--socket=/s conntrack --stats, conntrack", "neighbours, neighbors", "verify --json, verify"})
    void namesTheVerbAfterTheTopLevelOptions(String line, String verb) {
        assertEquals(verb, Mosnet.verbOf(split(line)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--help", "-h", "-V", "--json", "--socket /s", "--socket routes", "man",
            "generate-completion", "no-such-verb", "rotues", "@args routes", "--bogus routes"})
    void leavesAllSubcommandsWhenTheVerbIsNotCertain(String line) {
        assertNull(Mosnet.verbOf(split(line)), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"routes --help", "routes --bogus", "neighbours --help", "conntrack --help",
            "sysctl --help", "verify --help", "routes extra", "--socket", "rotues", "--help"})
    void answersAsTheFullCommandLine(String line) {
        CliContext context = CliContext.system();
        assertEquals(run(Mosnet.commandLine(context), line), run(Mosnet.commandLine(context, split(line)), line),
                line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"routes", "neighbours", "verify"})
    void buildsOnlyTheNamedSubcommand(String verb) {
        CommandLine lean = Mosnet.commandLine(CliContext.system(), verb, "--json");
        assertEquals(List.of(Mosnet.verbOf(verb)), List.copyOf(lean.getCommandSpec().subcommands().values()
                .stream().map(c -> c.getCommandName()).distinct().toList()));
    }

    private static List<Object> run(CommandLine cmd, String line) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(split(line));
        return List.of(code, out.toString(), err.toString());
    }
}
