package io.mosnet.runtime.netlink;

import java.nio.ByteBuffer;

/**
 * The payload of NLMSG_ERROR ({@code struct nlmsgerr}): a negative errno (0 for an ACK), the header of the request
 * it answers, and with NETLINK_EXT_ACK the kernel's own explanation (NLMSGERR_ATTR_MSG), e.g.
 * {@code ipv4: Address already assigned}.
 *
 * @param errno           positive errno, 0 for an ACK
 * @param requestType     nlmsg_type of the request
 * @param requestSequence nlmsg_seq of the request
 * @param detail          extended-ACK message, or null
 */
record ErrorMessage(int errno, int requestType, int requestSequence, String detail) {

    static ErrorMessage decode(NetlinkMessage m) {
        byte[] p = m.payload();
        if (p.length < 4 + NetlinkMessage.HEADER_LENGTH) {
            throw new MalformedMessageException("NLMSG_ERROR needs " + (4 + NetlinkMessage.HEADER_LENGTH)
                    + " bytes, got " + p.length);
        }
        ByteBuffer b = NetlinkMessage.wrap(p);
        int error = b.getInt(0);
        int origLen = b.getInt(4);
        int origType = b.getShort(8) & 0xffff;
        int origSeq = b.getInt(12);
        String detail = null;
        if ((m.flags() & Rtnl.NLM_F_ACK_TLVS) != 0) {
            // With NLM_F_CAPPED only the request's header is echoed, otherwise the whole request.
            int echoed = (m.flags() & Rtnl.NLM_F_CAPPED) != 0 ? NetlinkMessage.HEADER_LENGTH
                    : NetlinkMessage.align(origLen);
            int tlvStart = 4 + echoed;
            if (echoed >= NetlinkMessage.HEADER_LENGTH && tlvStart <= p.length) {
                detail = Attributes.parse(p, tlvStart).string(Rtnl.NLMSGERR_ATTR_MSG);
            }
        }
        return new ErrorMessage(-error, origType, origSeq, detail);
    }
}
