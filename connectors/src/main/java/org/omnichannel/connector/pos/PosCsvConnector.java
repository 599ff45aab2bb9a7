package org.omnichannel.connector.pos;

import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Connector;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.Verification;

/**
 * The POS file drop: franchise tills that cannot push export their receipts as CSV files (format in
 * docs/connectors-cn-pos.md) into a drop directory the hub watches; each file arrives as an
 * {@link InboundRequest} with method {@code FILE}, its path as the uri and its bytes as the body.
 *
 * <p>Files carry no signature: who may drop them is decided by the drop directory's access (one SFTP
 * account per franchisee, mapped to one channel). So {@link #verify} accepts FILE requests only and
 * refuses anything that came over HTTP. Mapping: {@link PosFileMapper}. Setting {@code timeZone} (IANA,
 * e.g. Asia/Shanghai) is needed only if the till writes times without an offset.
 */
public final class PosCsvConnector implements Connector {

    public static final String SYSTEM = "pos-csv";

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public Verification verify(InboundRequest request, ChannelContext channel) {
        return request.method().equals("FILE")
                ? Verification.ok()
                : Verification.rejected("pos-csv takes files from the drop directory only, not " + request.method()
                        + " requests");
    }

    @Override
    public MappingResult map(InboundRequest request, ChannelContext channel) {
        return PosFileMapper.map(request, channel);
    }
}
