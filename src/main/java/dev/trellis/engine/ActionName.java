package dev.trellis.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name a flow uses for an {@link ActionHandler} ({@code goals.create}). The annotation, on the handler class,
 * is the one place an action is declared: the running application and the {@code validate} command both find
 * actions by it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ActionName {
    String value();
}
