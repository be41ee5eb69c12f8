package bench;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * What the prescribed stack costs before the gateway does any work of its own: the gateway's search path, answered
 * by one annotated controller that forwards the query with a WebClient and returns a small JSON object. No
 * security, validation, observation, resilience, credentials or XML: a lower bound for the gateway, not a peer.
 */
@SpringBootApplication
@RestController
public class StackFloor {

    private final WebClient upstream;

    StackFloor(WebClient.Builder builder, @Value("${upstream:http://127.0.0.1:18081/api}") String upstream) {
        this.upstream = builder.baseUrl(upstream).build();
    }

    @GetMapping("/api/v1/accounts/{accountId}/available-numbers")
    Mono<Map<String, Object>> search(@PathVariable String accountId, @RequestParam String areaCode,
            @RequestParam int quantity) {
        return upstream.get()
                .uri("/accounts/{id}/availableNumbers?areaCode={areaCode}&quantity={quantity}",
                        accountId, areaCode, quantity)
                .retrieve()
                .bodyToMono(String.class)
                .map(xml -> Map.of("accountId", accountId, "upstreamChars", xml.length()));
    }

    public static void main(String[] args) {
        SpringApplication.run(StackFloor.class, args);
    }
}
