package net.taonet.platform.problem;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Problem details for failures the framework detects before our code runs. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(URI.create(ApiProblem.TYPE_PREFIX + type));
        pd.setTitle(title);
        return pd;
    }
}
