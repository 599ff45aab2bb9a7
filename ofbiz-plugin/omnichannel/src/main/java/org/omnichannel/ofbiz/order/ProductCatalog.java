package org.omnichannel.ofbiz.order;

/**
 * Where {@link ProductResolver} looks up products: OFBiz's Product, its GoodIdentification of type
 * SKU, and the plugin's per-channel mapping OmniChannelProduct. Each answer is a productId or null.
 *
 * @param <E> what a lookup may throw (the Delegator's GenericEntityException)
 */
public interface ProductCatalog<E extends Exception> {

    /** True if a Product with this id exists. */
    boolean exists(String productId) throws E;

    /** The product whose GoodIdentification of type SKU is this value, or null. */
    String bySku(String sku) throws E;

    /** The product a channel's own SKU or product id is mapped to in OmniChannelProduct, or null. */
    String byChannelSku(String channelId, String channelSku) throws E;
}
