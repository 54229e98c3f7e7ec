package net.taonet.platform.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

class SignedEndpointCheckTest {

    static class Handlers {
        @SignedRequest
        public String unverified() {
            return "";
        }

        @SignedRequest
        public String verified(VerifiedSigner signer) {
            return "";
        }
    }

    static SignedEndpointCheck checkOf(String method, Class<?>... parameterTypes) throws Exception {
        RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping();
        mapping.registerMapping(RequestMappingInfo.paths("/x").build(), new Handlers(),
                Handlers.class.getMethod(method, parameterTypes));
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("mapping", mapping);
        return new SignedEndpointCheck(beans.getBeanProvider(RequestMappingHandlerMapping.class));
    }

    @Test
    void aSignedWebFluxHandlerWithoutASignerParameterStopsTheStart() throws Exception {
        assertThatThrownBy(() -> checkOf("unverified").afterSingletonsInstantiated())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("VerifiedSigner");
        assertThatCode(() -> checkOf("verified", VerifiedSigner.class).afterSingletonsInstantiated())
                .doesNotThrowAnyException();
    }
}
