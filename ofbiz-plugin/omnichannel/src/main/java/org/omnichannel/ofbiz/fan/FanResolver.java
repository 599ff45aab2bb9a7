package org.omnichannel.ofbiz.fan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.service.DispatchContext;
import org.apache.ofbiz.service.LocalDispatcher;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.Identity;
import org.omnichannel.core.fan.EventRecords;
import org.omnichannel.core.fan.FanId;
import org.omnichannel.core.fan.FanRecord;
import org.omnichannel.core.fan.IdentityKey;
import org.omnichannel.core.fan.KeyType;
import org.omnichannel.core.fan.MergeRecord;
import org.omnichannel.core.fan.Resolution;
import org.omnichannel.core.fan.UnmergeRecord;
import org.omnichannel.core.fan.match.MatchModel;
import org.omnichannel.core.fan.normalize.RecordNormalizer;

/**
 * The plugin's door to core's identity engine ({@link org.omnichannel.core.fan.FanResolver}):
 * deterministic links on trusted identifiers, Fellegi-Sunter matching on names, birth dates and
 * addresses, and audited merges when one event ties several fans together. The engine runs over
 * {@link DelegatorFanStore} and {@link DelegatorMergeAudit} in the caller's transaction. Fans made
 * before the engine (demo data, an earlier plugin version: OmniFanIdentity rows without records)
 * are adopted by {@link LegacyFans} the first time one of their identities is seen.
 *
 * <p>The match model is core's built-in priors ({@link MatchModel#priors()}); a model trained on
 * stored records is not kept in OFBiz yet.
 */
public final class FanResolver {

    private final Delegator delegator;
    private final LocalDispatcher dispatcher;
    private final GenericValue userLogin;

    public FanResolver(DispatchContext dctx, GenericValue userLogin) {
        this.delegator = dctx.getDelegator();
        this.dispatcher = dctx.getDispatcher();
        this.userLogin = userLogin;
    }

    /** The engine's decision for the event: its fan (null when anonymous), merges made, conflicts found. */
    public Resolution resolve(ChannelEvent event) throws GenericEntityException {
        FanRecord raw = EventRecords.from(event, null);
        DelegatorFanStore store = new DelegatorFanStore(delegator, dispatcher, userLogin, event.person(),
                displayValues(event.identities(), raw.defaultRegion()));
        new LegacyFans(delegator, store).adoptHoldersOf(RecordNormalizer.normalize(raw).keys());
        return engine(store).resolve(raw);
    }

    /** Merges two fans by hand; core refuses when strong evidence says they are two people. */
    public MergeRecord merge(String survivorPartyId, String absorbedPartyId, String actor, String reason)
            throws GenericEntityException {
        DelegatorFanStore store = new DelegatorFanStore(delegator, dispatcher, userLogin, null, Map.of());
        LegacyFans legacy = new LegacyFans(delegator, store);
        legacy.adopt(survivorPartyId);
        legacy.adopt(absorbedPartyId);
        return engine(store).merge(FanId.of(survivorPartyId), FanId.of(absorbedPartyId), actor, reason);
    }

    /** Undoes a merge exactly; the engine will not merge the two fans again by itself. */
    public UnmergeRecord unmerge(String mergeId, String actor, String reason) {
        DelegatorFanStore store = new DelegatorFanStore(delegator, dispatcher, userLogin, null, Map.of());
        return engine(store).unmerge(mergeId, actor, reason);
    }

    private org.omnichannel.core.fan.FanResolver engine(DelegatorFanStore store) {
        return new org.omnichannel.core.fan.FanResolver(store, new DelegatorMergeAudit(delegator), MatchModel.priors());
    }

    /** Each identity's key, as the engine will normalise it, to the value the channel wrote. */
    static Map<String, String> displayValues(List<Identity> identities, String region) {
        Map<String, String> display = new HashMap<>();
        for (Identity identity : identities) {
            KeyType type = KeyType.of(identity.type());
            String value = RecordNormalizer.identifier(type, identity.value(), region);
            if (value != null && !value.isBlank()) {
                display.putIfAbsent(new IdentityKey(type, identity.namespace(), value, identity.verified()).key(),
                        identity.value().strip());
            }
        }
        return display;
    }
}
