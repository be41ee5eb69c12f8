package com.acme.numbers.web;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import com.acme.numbers.events.EventData;
import com.acme.numbers.ordering.model.Disconnect;
import com.acme.numbers.ordering.model.NumberOrder;

/** An event's data is the resource's GET view, written by the same mapper and record the GET answers with. */
@Component
class JsonEventData implements EventData {

    private final JsonMapper json;

    JsonEventData(JsonMapper json) {
        this.json = json;
    }

    @Override
    public String of(NumberOrder order) {
        return json.writeValueAsString(OrderResponse.of(order));
    }

    @Override
    public String of(Disconnect disconnect) {
        return json.writeValueAsString(DisconnectResponse.of(disconnect));
    }
}
