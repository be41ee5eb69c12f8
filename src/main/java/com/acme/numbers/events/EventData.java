package com.acme.numbers.events;

import com.acme.numbers.ordering.model.Disconnect;
import com.acme.numbers.ordering.model.NumberOrder;

/** Port: renders an event's {@code data} exactly as the resource's GET answers it (the web room owns that view). */
public interface EventData {

    String of(NumberOrder order);

    String of(Disconnect disconnect);
}
