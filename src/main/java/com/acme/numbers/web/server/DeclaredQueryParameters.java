package com.acme.numbers.web.server;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

import com.acme.numbers.ordering.error.FieldProblem;
import com.acme.numbers.ordering.model.SearchKey;
import com.acme.numbers.ordering.error.InvalidRequestException;

/**
 * The query parameters one operation declares, read from the same annotations springdoc describes it with: its
 * {@code @RequestParam} arguments and the {@code in = QUERY} parameters of its {@code @Operation}. So the rule cannot
 * drift from the OpenAPI document: a parameter is accepted exactly when the document lists it.
 */
public record DeclaredQueryParameters(Set<String> names) {

    private static final int ECHOED_NAME_LENGTH = 64;
    private static final ParameterNameDiscoverer PARAMETER_NAMES = new DefaultParameterNameDiscoverer();

    static DeclaredQueryParameters of(HandlerMethod handler) {
        Set<String> names = new HashSet<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
            if (requestParam != null) {
                parameter.initParameterNameDiscovery(PARAMETER_NAMES);
                names.add(nameOf(requestParam, parameter));
            }
        }
        Method method = handler.getMethod();
        Operation operation = AnnotatedElementUtils.findMergedAnnotation(method, Operation.class);
        if (operation != null) {
            for (Parameter parameter : operation.parameters()) {
                if (parameter.in() == ParameterIn.QUERY) {
                    names.add(parameter.name());
                }
            }
        }
        if (handler.hasMethodAnnotation(SearchKeyParameters.class)) {
            Arrays.stream(SearchKey.values()).map(SearchKey::apiName).forEach(names::add);
        }
        return new DeclaredQueryParameters(Set.copyOf(names));
    }

    private static String nameOf(RequestParam annotation, MethodParameter parameter) {
        if (StringUtils.hasText(annotation.name())) {
            return annotation.name();
        }
        String name = parameter.getParameterName();
        if (name == null) {
            throw new IllegalStateException("Compile with -parameters or name the @RequestParam of "
                    + parameter.getExecutable());
        }
        return name;
    }

    /**
     * Refuses names the operation does not declare and names given twice: a misspelt filter, or a flag the gateway
     * does not have ({@code dryRun}), must never be ignored silently, and which of two values counts would be a
     * rule of the framework, not the caller's choice. A name is echoed cut to {@value #ECHOED_NAME_LENGTH}
     * characters: enough to spot the typo, not a mirror for arbitrary input.
     */
    void check(MultiValueMap<String, String> query) {
        if (query.isEmpty()) {
            return;
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            if (!names.contains(name)) {
                problems.add(new FieldProblem(echoed(name), "is not a known query parameter"));
            }
            else if (parameter.getValue().size() > 1) {
                problems.add(new FieldProblem(name, "is given more than once"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    /** A name the caller sent, cut to {@value #ECHOED_NAME_LENGTH} characters to be echoed in a problem. */
    public static String echoed(String name) {
        return name.length() <= ECHOED_NAME_LENGTH ? name : name.substring(0, ECHOED_NAME_LENGTH) + "…";
    }
}
