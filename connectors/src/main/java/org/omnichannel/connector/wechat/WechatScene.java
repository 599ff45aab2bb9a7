package org.omnichannel.connector.wechat;

import org.omnichannel.core.event.EmployeeRef;
import org.omnichannel.core.event.FacilityRef;

/**
 * What a parametric QR code's scene value says about where and whom the fan met. The brand creates its
 * QR codes with a scene_str of {@code key:value} parts joined by {@code ;}:
 * <ul>
 * <li>{@code store:<facilityId>} — the code hangs in that store: the event's facility;</li>
 * <li>{@code clerk:<employeeId>} — a clerk's personal code: the event's employee (who gets the credit);</li>
 * <li>both, e.g. {@code store:SH01;clerk:E042}.</li>
 * </ul>
 * Any other scene (the numeric scene_id of older codes, a campaign name) names neither and is kept only
 * as the interaction's {@code scene} attribute. Unknown keys are ignored.
 *
 * @param raw the scene value as WeChat sent it, without the {@code qrscene_} prefix of subscribe events
 */
record WechatScene(String raw, FacilityRef facility, EmployeeRef employee) {

    static WechatScene parse(String raw) {
        FacilityRef facility = null;
        EmployeeRef employee = null;
        for (String part : raw.split(";")) {
            int colon = part.indexOf(':');
            if (colon <= 0 || colon == part.length() - 1) {
                continue;
            }
            String key = part.substring(0, colon).trim();
            String value = part.substring(colon + 1).trim();
            if (value.isEmpty()) {
                continue;
            }
            if (key.equals("store")) {
                facility = new FacilityRef(value, null);
            } else if (key.equals("clerk")) {
                employee = new EmployeeRef(value, null);
            }
        }
        return new WechatScene(raw, facility, employee);
    }
}
