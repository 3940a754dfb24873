package io.mosnet.runtime.netlink;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the answers to one request, message by message, apart from any socket so that the rules can be tested
 * on captured bytes: messages with another sequence number are late answers to an earlier request and are
 * skipped; NLMSG_ERROR with errno 0 is the ACK that ends a change, with any other errno the failure; NLMSG_DONE
 * ends a dump; a get without ACK ends with its single reply; NLM_F_DUMP_INTR on any part marks the dump as
 * inconsistent so that the caller can repeat it.
 */
final class ReplyCollector {

    private final String what;
    private final int type;
    private final int sequence;
    private final boolean dump;
    private final boolean acked;
    private final List<NetlinkMessage> replies = new ArrayList<>();
    private boolean interrupted;
    private boolean complete;

    ReplyCollector(NetlinkMessage request, String what) {
        this.what = what;
        this.type = request.type();
        this.sequence = request.sequence();
        // RTM_GET* types are 2 modulo 4 (RTM_GETLINK 18, RTM_GETADDR 22, ...); for them 0x300 means DUMP, for
        // RTM_NEW* the same bits are REPLACE/EXCL.
        this.dump = (request.flags() & Rtnl.NLM_F_DUMP) == Rtnl.NLM_F_DUMP && type >= Rtnl.RTM_NEWLINK
                && (type & 3) == 2;
        this.acked = (request.flags() & Rtnl.NLM_F_ACK) != 0;
    }

    /**
     * Takes one received message.
     *
     * @return true when the answer is complete
     * @throws io.mosnet.api.net.NetworkException when the kernel refused the request
     */
    boolean accept(NetlinkMessage reply) {
        if (complete || reply.sequence() != sequence) {
            return complete;
        }
        if ((reply.flags() & Rtnl.NLM_F_DUMP_INTR) != 0) {
            interrupted = true;
        }
        switch (reply.type()) {
            case Rtnl.NLMSG_ERROR -> {
                ErrorMessage error = ErrorMessage.decode(reply);
                if (error.errno() != 0) {
                    throw NetlinkSocket.failure(what, error);
                }
                complete = true;
            }
            case Rtnl.NLMSG_DONE -> {
                int status = reply.payload().length >= 4 ? NetlinkMessage.wrap(reply.payload()).getInt(0) : 0;
                if (status < 0) {
                    throw NetlinkSocket.failure(what, new ErrorMessage(-status, type, sequence, null));
                }
                complete = true;
            }
            case Rtnl.NLMSG_NOOP -> {
            }
            default -> {
                replies.add(reply);
                complete = !dump && !acked && !reply.multipart();
            }
        }
        return complete;
    }

    List<NetlinkMessage> replies() {
        return List.copyOf(replies);
    }

    boolean interrupted() {
        return interrupted;
    }
}
