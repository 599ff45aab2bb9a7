package org.omnichannel.ofbiz.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.HashMap;
import java.util.Map;

import org.apache.ofbiz.base.util.Debug;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.util.EntityQuery;
import org.apache.ofbiz.security.Security;
import org.apache.ofbiz.service.GenericServiceException;
import org.apache.ofbiz.service.LocalDispatcher;
import org.apache.ofbiz.service.ModelService;
import org.apache.ofbiz.service.ServiceUtil;
import org.apache.ofbiz.webapp.control.JWTManager;
import org.apache.ofbiz.webapp.control.LoginWorker;

/**
 * Who calls the hub's API, checked with OFBiz's own mechanisms: HTTP Basic through OFBiz's
 * {@code userLogin} service (password hashing, disabled accounts and lock-out after failed
 * attempts as for any login), a Bearer token through {@link JWTManager#validateToken}; then the
 * permission OMNI_INGEST or OMNI_ADMIN. On failure it answers 401 or 403 itself.
 */
final class ApiAuthenticator {

    static final String INGEST_PERMISSION = "OMNI_INGEST";
    static final String ADMIN_PERMISSION = "OMNI_ADMIN";

    private static final String MODULE = ApiAuthenticator.class.getName();

    private ApiAuthenticator() {
    }

    /** The authorised UserLogin, or null after answering 401/403. */
    static GenericValue authorize(HttpServletRequest request, HttpServletResponse response) {
        Credentials credentials;
        try {
            credentials = Credentials.parse(request.getHeader("Authorization"));
        } catch (IllegalArgumentException e) {
            unauthorized(response, e.getMessage());
            return null;
        }
        GenericValue userLogin = credentials instanceof Credentials.Basic basic
                ? basicLogin(request, basic) : bearerLogin(request, (Credentials.Bearer) credentials);
        if (userLogin == null) {
            unauthorized(response, "the credentials were not accepted by OFBiz");
            return null;
        }
        Security security = OmniApiEvents.security(request);
        if (!security.hasPermission(INGEST_PERMISSION, userLogin) && !security.hasPermission(ADMIN_PERMISSION, userLogin)) {
            OmniApiEvents.answer(response, 403, ApiAnswers.error("user " + userLogin.getString("userLoginId")
                    + " lacks the permission " + INGEST_PERMISSION + " (security group OMNI_HUB) or " + ADMIN_PERMISSION));
            return null;
        }
        return userLogin;
    }

    private static GenericValue basicLogin(HttpServletRequest request, Credentials.Basic basic) {
        LocalDispatcher dispatcher = (LocalDispatcher) request.getAttribute("dispatcher");
        Map<String, Object> context = new HashMap<>();
        context.put("login.username", basic.userLoginId());
        context.put("login.password", basic.password());
        try {
            Map<String, Object> result = dispatcher.runSync("userLogin", context);
            // A wrong password answers "fail", not "error": only a success with a UserLogin is a login.
            if (!ServiceUtil.isSuccess(result) || result.get("userLogin") == null) {
                Debug.logWarning("API login refused for " + basic.userLoginId(), MODULE);
                return null;
            }
            return (GenericValue) result.get("userLogin");
        } catch (GenericServiceException e) {
            Debug.logError(e, "API login failed for " + basic.userLoginId(), MODULE);
            return null;
        }
    }

    private static GenericValue bearerLogin(HttpServletRequest request, Credentials.Bearer bearer) {
        Map<String, Object> claims = JWTManager.validateToken(OmniApiEvents.delegator(request), bearer.token());
        if (claims == null || claims.containsKey(ModelService.ERROR_MESSAGE)) {
            return null;
        }
        Object userLoginId = claims.get("userLoginId");
        if (!(userLoginId instanceof String id) || id.isEmpty()) {
            return null;
        }
        try {
            GenericValue userLogin = EntityQuery.use(OmniApiEvents.delegator(request)).from("UserLogin")
                    .where("userLoginId", id).queryOne();
            return userLogin != null && LoginWorker.isUserLoginActive(userLogin) ? userLogin : null;
        } catch (GenericEntityException e) {
            Debug.logError(e, "could not read UserLogin " + id, MODULE);
            return null;
        }
    }

    private static void unauthorized(HttpServletResponse response, String message) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"omnichannel\"");
        OmniApiEvents.answer(response, 401, ApiAnswers.error(message));
    }
}
