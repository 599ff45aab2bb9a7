package org.omnichannel.ofbiz.order;

import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.util.EntityQuery;

/** {@link ProductCatalog} on the Delegator: Product, GoodIdentification (SKU), OmniChannelProduct. */
final class DelegatorProductCatalog implements ProductCatalog<GenericEntityException> {

    /** Product.productId is an OFBiz id field: 20 characters. */
    private static final int ID_LENGTH = 20;

    private final Delegator delegator;

    DelegatorProductCatalog(Delegator delegator) {
        this.delegator = delegator;
    }

    @Override
    public boolean exists(String productId) throws GenericEntityException {
        return productId.length() <= ID_LENGTH
                && EntityQuery.use(delegator).from("Product").where("productId", productId).queryOne() != null;
    }

    @Override
    public String bySku(String sku) throws GenericEntityException {
        GenericValue id = EntityQuery.use(delegator).from("GoodIdentification")
                .where("goodIdentificationTypeId", "SKU", "idValue", sku).orderBy("productId").queryFirst();
        return id == null ? null : id.getString("productId");
    }

    @Override
    public String byChannelSku(String channelId, String channelSku) throws GenericEntityException {
        GenericValue mapping = EntityQuery.use(delegator).from("OmniChannelProduct")
                .where("channelId", channelId, "channelSku", channelSku).queryOne();
        return mapping == null ? null : mapping.getString("productId");
    }
}
