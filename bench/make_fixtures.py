"""Writes the recorded Bandwidth answers the benchmark's nginx serves: a small search, a 5000-number detailed
search and an order response, in the shapes of ../shared/bandwidth-xml."""
import sys

out = sys.argv[1]
numbers = [f"919{200 + i // 10000:03d}{i % 10000:04d}" for i in range(5000)]
with open(f"{out}/small.xml", "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><SearchResult><ResultCount>3</ResultCount>'
            '<TelephoneNumberList>' + "".join(f"<TelephoneNumber>{n}</TelephoneNumber>" for n in numbers[:3])
            + "</TelephoneNumberList></SearchResult>")
with open(f"{out}/big.xml", "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><SearchResult><ResultCount>5000</ResultCount>'
            "<TelephoneNumberDetailList>")
    for n in numbers:
        f.write("<TelephoneNumberDetail><City>RALEIGH</City><LATA>426</LATA><RateCenter>RALEIGH</RateCenter>"
                f"<State>NC</State><FullNumber>{n}</FullNumber><Tier>0</Tier><VendorId>49</VendorId>"
                "<VendorName>Bandwidth CLEC</VendorName></TelephoneNumberDetail>")
    f.write("</TelephoneNumberDetailList></SearchResult>")
with open(f"{out}/order.xml", "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><OrderResponse><Order><Name>bench</Name>'
            "<id>bench-order</id><OrderCreateDate>2026-11-28T10:00:00.000Z</OrderCreateDate>"
            "<AreaCodeSearchAndOrderType><AreaCode>919</AreaCode><Quantity>1</Quantity></AreaCodeSearchAndOrderType>"
            "<SiteId>1001</SiteId></Order><OrderStatus>RECEIVED</OrderStatus></OrderResponse>")
