package bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Spring Cloud Gateway forwarding everything to the benchmark's upstream, unchanged. */
@SpringBootApplication
public class PassThroughGateway {

    public static void main(String[] args) {
        SpringApplication.run(PassThroughGateway.class, args);
    }
}
