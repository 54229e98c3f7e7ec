package net.taonet.platform.security;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Hands the signer verified by {@link SignedRequestInterceptor} to a controller's {@link VerifiedSigner} parameter. */
public class VerifiedSignerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return VerifiedSigner.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Object signer = webRequest.getAttribute(SignedRequestInterceptor.SIGNER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (signer == null) {
            // Only reachable if the interceptor is not registered: fail closed.
            throw new IllegalStateException("no verified signer: the signed-request interceptor did not run for "
                    + parameter.getExecutable());
        }
        return signer;
    }
}
