package com.acme.numbers.sandbox;

import java.time.Duration;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.acme.numbers.sandbox.faults.SandboxFaults;

/** Run-time controls of the sandbox: faults for demos and resilience tests, and a state reset. */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Conditional(SandboxEnabledCondition.class)
@Tag(name = "Sandbox admin", description = "Only in sandbox mode: inject faults into the simulated Bandwidth API "
        + "and reset its state. Not part of the production API.")
class SandboxAdminController {

    private final SandboxFaults faults;
    private final SandboxStore store;

    SandboxAdminController(SandboxFaults faults, SandboxStore store) {
        this.faults = faults;
        this.store = store;
    }

    /**
     * Faults to inject.
     *
     * @param latencyMillis delay added to every simulated Bandwidth answer
     * @param failureStatus HTTP status answered instead of the real answer, for a share of calls
     * @param failureRate share of calls (0 to 1) that get failureStatus
     * @param rateLimitSeconds answer 429 with X-RateLimit-Reset for this many seconds from now
     * @param malformedBody answer 200 with a broken XML body
     * @param dropNotifications send no Notification when orders and disconnects finish, as when Bandwidth's callback
     *        is lost (it is never resent): the gateway's reconciler still finds the outcome
     */
    record FaultsRequest(
            @Schema(example = "0", minimum = "0", maximum = "60000") Long latencyMillis,
            @Schema(example = "503", minimum = "400", maximum = "599") Integer failureStatus,
            @Schema(example = "1.0", minimum = "0", maximum = "1") Double failureRate,
            @Schema(example = "0", minimum = "0", maximum = "3600") Long rateLimitSeconds,
            @Schema(example = "false") Boolean malformedBody,
            @Schema(example = "false") Boolean dropNotifications) {
    }

    /** The faults in force. */
    record FaultsResponse(long latencyMillis, Integer failureStatus, double failureRate, Instant rateLimitedUntil,
            boolean malformedBody, boolean dropNotifications) {

        static FaultsResponse of(SandboxFaults.Settings s) {
            return new FaultsResponse(s.latency().toMillis(), s.failureStatus(), s.failureRate(), s.rateLimitedUntil(),
                    s.malformedBody(), s.dropNotifications());
        }
    }

    @GetMapping("/sandbox/admin/faults")
    @Operation(operationId = "getSandboxFaults", summary = "Show the injected faults",
            description = "The faults the simulated Bandwidth API applies now.")
    FaultsResponse current() {
        return FaultsResponse.of(faults.current());
    }

    @PutMapping(path = "/sandbox/admin/faults", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "setSandboxFaults", summary = "Inject faults",
            description = "Replaces the faults the simulated Bandwidth API applies; omitted fields mean no fault.")
    FaultsResponse set(@RequestBody FaultsRequest request) {
        long latency = request.latencyMillis() == null ? 0 : request.latencyMillis();
        Integer status = request.failureStatus();
        double rate = request.failureRate() == null ? (status == null ? 0 : 1) : request.failureRate();
        long rateLimit = request.rateLimitSeconds() == null ? 0 : request.rateLimitSeconds();
        if (latency < 0 || latency > 60_000 || rate < 0 || rate > 1 || rateLimit < 0 || rateLimit > 3600
                || status != null && (status < 400 || status > 599)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A fault setting is out of range");
        }
        faults.set(new SandboxFaults.Settings(Duration.ofMillis(latency), status, rate,
                rateLimit == 0 ? null : Instant.now().plusSeconds(rateLimit), Boolean.TRUE.equals(request.malformedBody()),
                Boolean.TRUE.equals(request.dropNotifications())));
        return FaultsResponse.of(faults.current());
    }

    @DeleteMapping("/sandbox/admin/faults")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "clearSandboxFaults", summary = "Clear all faults",
            description = "The simulated Bandwidth API answers normally again.")
    void clear() {
        faults.clear();
    }

    @PostMapping("/sandbox/admin/reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "resetSandbox", summary = "Forget all sandbox state",
            description = "Releases every reservation, order, disconnect and number; faults and notification "
                    + "subscriptions stay as they are.")
    void reset() {
        store.clear();
    }
}
