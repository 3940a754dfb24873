package io.mosnet.cli.command;

import io.mosnet.api.net.IpAddresses;
import io.mosnet.cli.Table;
import io.mosnet.runtime.dns.ResolvConf;
import io.mosnet.runtime.rpc.DaemonMethods;
import io.mosnet.runtime.rpc.RpcClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * {@code mosnet dns}: name servers and search list from resolv.conf, beside what mosnetd wrote when it runs; works
 * without mosnetd.
 */
@Command(name = "dns", description = "DNS configuration from /etc/resolv.conf (live)")
public final class DnsCommand extends MosnetCommand {

    /**
     * JSON schema of {@code mosnet dns --json}.
     *
     * @param file             the resolv.conf read
     * @param exists           whether it exists
     * @param managedByMosnet  it carries mosnet's header
     * @param nameservers      its name servers
     * @param search           its search list
     * @param daemonDns        the servers mosnetd wrote, null when mosnetd is not running
     * @param daemonSearch     the search domains mosnetd wrote, null when mosnetd is not running
     */
    public record DnsView(boolean daemonRunning, String file, boolean exists, boolean managedByMosnet,
                          List<String> nameservers, List<String> search, List<String> daemonDns,
                          List<String> daemonSearch) {
    }

    @Override
    protected int run() throws Exception {
        Optional<RpcClient> daemon = daemonIfRunning();
        String text;
        boolean exists = true;
        try {
            text = Files.readString(context().resolvConf(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            text = "";
            exists = false;
        }
        ResolvConf conf = ResolvConf.parse(text);
        List<String> daemonDns = null;
        List<String> daemonSearch = null;
        if (daemon.isPresent()) {
            Object state = daemon.get().call(DaemonMethods.STATUS);
            daemonDns = texts(member(state, "dns"));
            daemonSearch = texts(member(state, "searchDomains"));
        }
        DnsView view = new DnsView(daemon.isPresent(), context().resolvConf().toString(), exists,
                text.contains(ResolvConf.MARKER),
                conf.nameservers().stream().map(IpAddresses::format).toList(), conf.searchDomains(), daemonDns,
                daemonSearch);
        if (json) {
            printJson(view);
            return 0;
        }
        out().println(view.file() + (exists ? view.managedByMosnet() ? " (written by mosnet)" : " (not written by mosnet)"
                : " (missing)"));
        Table t = new Table("NAMESERVER", "FROM MOSNETD");
        for (String ns : view.nameservers()) {
            t.row(ns, daemonDns == null ? "?" : daemonDns.contains(ns) ? "yes" : "no");
        }
        t.print(out());
        out().println("search: " + join(view.search()));
        LiveNote.print(out(), daemon.isPresent());
        out().flush();
        return 0;
    }

    private static List<String> texts(Object array) {
        List<String> list = new ArrayList<>();
        for (Object item : items(array)) {
            list.add(text(item, "null"));
        }
        return list;
    }
}
