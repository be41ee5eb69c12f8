package com.acme.numbers.web.server;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

import com.acme.numbers.ordering.model.SearchKey;

/** Describes the search keys of a {@link SearchKeyParameters} operation from the table they are validated by. */
@Component
class SearchKeyDocumentation implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (!handler.hasMethodAnnotation(SearchKeyParameters.class)) {
            return operation;
        }
        List<Parameter> parameters = new ArrayList<>(operation.getParameters() == null ? List.of()
                : operation.getParameters());
        int firstQuery = (int) parameters.stream().takeWhile(p -> !"query".equals(p.getIn())).count();
        parameters.addAll(firstQuery, keys());
        return operation.parameters(parameters);
    }

    private static List<Parameter> keys() {
        List<Parameter> keys = new ArrayList<>();
        for (SearchKey key : SearchKey.values()) {
            Object example = key.isFlag() ? Boolean.valueOf(key.example()) : key.example();
            keys.add(new QueryParameter().name(key.apiName()).required(false).example(example)
                    .description(key.description())
                    .schema(key.isFlag() ? new BooleanSchema() : new StringSchema().pattern(key.format().pattern())));
        }
        return keys;
    }
}
