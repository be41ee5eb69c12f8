package com.acme.numbers.bandwidth;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

import com.acme.numbers.ordering.SearchResult;

/** The gateway's hot path without HTTP: Bandwidth XML to the domain (the adapter's own code) to JSON. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class XmlToJsonBenchmark {

    @Param({ "3", "5000" })
    int numbers;

    private String xml;
    private final JsonMapper json = JsonMapper.builder().build();

    @Setup
    public void payload() {
        StringBuilder body = new StringBuilder("<SearchResult><ResultCount>" + numbers
                + "</ResultCount><TelephoneNumberDetailList>");
        for (int i = 0; i < numbers; i++) {
            body.append("<TelephoneNumberDetail><City>RALEIGH</City><LATA>426</LATA><RateCenter>RALEIGH</RateCenter>")
                    .append("<State>NC</State><FullNumber>").append(9192000000L + i).append("</FullNumber><Tier>0</Tier>")
                    .append("<VendorId>49</VendorId><VendorName>Bandwidth CLEC</VendorName></TelephoneNumberDetail>");
        }
        xml = body.append("</TelephoneNumberDetailList></SearchResult>").toString();
    }

    @Benchmark
    public String xmlToDomainToJson() {
        SearchResult result = BandwidthMapper.searchResult(BandwidthXml.read(xml, SearchResultXml.class));
        return json.writeValueAsString(result.numbers().stream().map(n -> new Row(n.phoneNumber().e164(), n.city(),
                n.state(), n.rateCenter(), n.lata(), n.tier(), n.vendorId(), n.vendorName())).toList());
    }

    record Row(String phoneNumber, String city, String state, String rateCenter, String lata, String tier,
            String vendorId, String vendorName) {
    }
}
