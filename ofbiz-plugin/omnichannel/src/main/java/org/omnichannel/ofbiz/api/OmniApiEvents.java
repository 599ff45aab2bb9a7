package org.omnichannel.ofbiz.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.ofbiz.base.util.Debug;
import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.util.EntityQuery;
import org.apache.ofbiz.security.Security;
import org.apache.ofbiz.service.GenericServiceException;
import org.apache.ofbiz.service.LocalDispatcher;
import org.apache.ofbiz.service.ServiceUtil;
import org.omnichannel.ofbiz.ingest.IngestOutcome;
import org.omnichannel.ofbiz.ingest.IngestStatus;

/**
 * The hub's three requests (docs/ofbiz-hub-contract.md) as OFBiz Java events: each authenticates
 * the caller with OFBiz's own mechanisms ({@link ApiAuthenticator}), checks OMNI_INGEST or
 * OMNI_ADMIN, reads the raw JSON body kept by {@link RequestBodyFilter}, calls the plugin's
 * services and writes the JSON answer itself. Each event is applied by its own service call in a
 * new transaction, so one failing event does not roll back the others.
 */
public final class OmniApiEvents {

    private static final String MODULE = OmniApiEvents.class.getName();

    /**
     * The transaction timeout of one event. OFBiz's default (60 s) was too short for the first order
     * after a start in a real trunk: storeOrder, the fan's new contact mechs and the reservation
     * compiled OFBiz's Groovy permission scripts on first use and took 85 s on a busy machine, so the
     * commit failed with "Transaction has timed out" (answered RETRY; the retry took 9 s).
     */
    static final int INGEST_TIMEOUT_SECONDS = 300;

    private OmniApiEvents() {
    }

    public static String ingestEvents(HttpServletRequest request, HttpServletResponse response) {
        GenericValue userLogin = ApiAuthenticator.authorize(request, response);
        if (userLogin == null) {
            return "success";
        }
        List<String> events;
        try {
            events = ApiRequests.ingestEvents(body(request));
        } catch (ApiRequests.BadRequest e) {
            return answer(response, 400, ApiAnswers.error(e.getMessage()));
        }
        LocalDispatcher dispatcher = (LocalDispatcher) request.getAttribute("dispatcher");
        List<IngestOutcome> outcomes = new ArrayList<>(events.size());
        for (String event : events) {
            outcomes.add(ingestOne(dispatcher, userLogin, event));
        }
        return answer(response, 200, ApiAnswers.ingestResults(outcomes));
    }

    public static String outboxRead(HttpServletRequest request, HttpServletResponse response) {
        GenericValue userLogin = ApiAuthenticator.authorize(request, response);
        if (userLogin == null) {
            return "success";
        }
        ApiRequests.OutboxRead read;
        try {
            read = ApiRequests.outboxRead(body(request));
        } catch (ApiRequests.BadRequest e) {
            return answer(response, 400, ApiAnswers.error(e.getMessage()));
        }
        Map<String, Object> context = new HashMap<>();
        context.put("userLogin", userLogin);
        context.put("after", read.after());
        context.put("limit", read.limit());
        Map<String, Object> result = call(request, "readOmniOutbox", context);
        if (ServiceUtil.isError(result)) {
            return answer(response, statusOf(result), ApiAnswers.error(ServiceUtil.getErrorMessage(result)));
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) result.get("entries");
        return answer(response, 200, ApiAnswers.outboxEntries(entries, (String) result.get("nextCursor")));
    }

    public static String outboxAck(HttpServletRequest request, HttpServletResponse response) {
        GenericValue userLogin = ApiAuthenticator.authorize(request, response);
        if (userLogin == null) {
            return "success";
        }
        String upTo;
        try {
            upTo = ApiRequests.outboxAck(body(request));
        } catch (ApiRequests.BadRequest e) {
            return answer(response, 400, ApiAnswers.error(e.getMessage()));
        }
        Map<String, Object> context = new HashMap<>();
        context.put("userLogin", userLogin);
        context.put("upTo", upTo);
        Map<String, Object> result = call(request, "acknowledgeOmniOutbox", context);
        if (ServiceUtil.isError(result)) {
            return answer(response, statusOf(result), ApiAnswers.error(ServiceUtil.getErrorMessage(result)));
        }
        return answer(response, 200, ApiAnswers.acknowledged((Long) result.get("acknowledged")));
    }

    private static IngestOutcome ingestOne(LocalDispatcher dispatcher, GenericValue userLogin, String event) {
        Map<String, Object> context = new HashMap<>();
        context.put("userLogin", userLogin);
        context.put("eventJson", event);
        try {
            // A new transaction per event: the receipt, the fan, the interaction commit or roll back together.
            Map<String, Object> result = dispatcher.runSync("ingestChannelEvent", context, INGEST_TIMEOUT_SECONDS, true);
            if (ServiceUtil.isError(result)) {
                String eventId = (String) result.get("eventId");
                if (receiptExists(dispatcher, eventId)) {
                    // A concurrent delivery of the same event won the receipt's primary key.
                    return IngestOutcome.duplicate(eventId);
                }
                return IngestOutcome.rejected(eventId != null ? eventId : ApiRequests.eventIdOf(event), ServiceUtil.getErrorMessage(result));
            }
            IngestStatus status = IngestStatus.valueOf((String) result.get("ingestStatus"));
            // An event the schema refused has no parsed eventId: name the one it carries, if any.
            String eventId = result.get("eventId") != null ? (String) result.get("eventId") : ApiRequests.eventIdOf(event);
            return new IngestOutcome(eventId, status, (String) result.get("reason"));
        } catch (GenericServiceException e) {
            // Lock timeouts, a shutting-down dispatcher, a concurrent duplicate insert: worth retrying.
            Debug.logWarning("ingestChannelEvent failed transiently: " + e.getMessage(), MODULE);
            return IngestOutcome.retry(ApiRequests.eventIdOf(event), "OFBiz could not apply the event now: " + e.getMessage());
        }
    }

    private static boolean receiptExists(LocalDispatcher dispatcher, String eventId) {
        if (eventId == null) {
            return false;
        }
        try {
            return EntityQuery.use(dispatcher.getDelegator()).from("OmniEventReceipt").where("eventId", eventId).queryOne() != null;
        } catch (GenericEntityException e) {
            Debug.logWarning("could not look up the receipt of " + eventId + ": " + e.getMessage(), MODULE);
            return false;
        }
    }

    private static Map<String, Object> call(HttpServletRequest request, String service, Map<String, Object> context) {
        LocalDispatcher dispatcher = (LocalDispatcher) request.getAttribute("dispatcher");
        try {
            // In its own transaction: an error answer (a bad cursor) must not mark the transaction
            // OFBiz's JavaEventHandler runs the event in as rollback-only, or OFBiz logs a failed commit.
            return dispatcher.runSync(service, context, 0, true);
        } catch (GenericServiceException e) {
            Debug.logError(e, service + " failed", MODULE);
            Map<String, Object> error = ServiceUtil.returnError(service + " failed: " + e.getMessage());
            error.put("httpStatus", 500);
            return error;
        }
    }

    private static int statusOf(Map<String, Object> errorResult) {
        Object status = errorResult.get("httpStatus");
        return status instanceof Integer code ? code : 400;
    }

    private static byte[] body(HttpServletRequest request) {
        return (byte[]) request.getAttribute(RequestBodyFilter.BODY_ATTRIBUTE);
    }

    static String answer(HttpServletResponse response, int status, byte[] json) {
        try {
            response.setStatus(status);
            response.setContentType("application/json;charset=UTF-8");
            response.setContentLength(json.length);
            response.getOutputStream().write(json);
            response.flushBuffer();
        } catch (IOException e) {
            Debug.logError(e, "could not write the answer", MODULE);
        }
        return "success";
    }

    /** Used by ApiAuthenticator: OFBiz objects the ContextFilter put on the request. */
    static Delegator delegator(HttpServletRequest request) {
        return (Delegator) request.getAttribute("delegator");
    }

    static Security security(HttpServletRequest request) {
        return (Security) request.getAttribute("security");
    }
}
