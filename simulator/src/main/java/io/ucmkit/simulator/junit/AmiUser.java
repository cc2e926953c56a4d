package io.ucmkit.simulator.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Which configured AMI user an injected {@link AmiAccess} logs in as, e.g. {@code @AmiUser("amireader")}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface AmiUser {
    String value();
}
