package org.wedops.localstack.simulate;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts weddings in progress into the planner's calendar through its public API, as the wedding app would, so the
 * simulated stack has what a wedding day has: regions frozen and at a raised protection level, a wedding load, and the
 * console showing them. Each began an hour before the simulator started, in its region's local time, and lasts
 * eight hours; ids carry the local date, so starting the stack again the same day adds nothing new.
 */
public final class SimulatedWeddings {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    record Plan(String region, ZoneId zone, String culture, int guests, String venueType) {
    }

    static final List<Plan> PLANS = List.of(
            new Plan("uk", ZoneId.of("Europe/London"), "INDIAN", 600, "PALACE"),
            new Plan("uk", ZoneId.of("Europe/London"), "BRITISH", 120, "BARN"),
            new Plan("in", ZoneId.of("Asia/Kolkata"), "INDIAN", 900, "RESORT"),
            new Plan("us-east", ZoneId.of("America/New_York"), "JEWISH", 250, "HOTEL"));

    private SimulatedWeddings() {
    }

    /** The weddings' bodies for {@code POST /api/weddings}, as they stand at {@code now}. */
    static List<Map<String, Object>> at(Instant now) {
        return PLANS.stream().map(plan -> {
            LocalDateTime start = LocalDateTime.ofInstant(now, plan.zone()).truncatedTo(ChronoUnit.HOURS).minusHours(1);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", "sim-" + plan.region() + "-" + plan.culture().toLowerCase() + "-" + start.toLocalDate());
            body.put("date", start.toLocalDate().toString());
            body.put("startTime", TIME.format(start));
            // past midnight is written as an end before the start
            body.put("endTime", TIME.format(start.plusHours(8)));
            body.put("region", plan.region());
            body.put("culture", plan.culture());
            body.put("guestCount", plan.guests());
            body.put("days", 1);
            body.put("venueType", plan.venueType());
            return body;
        }).toList();
    }

    public static void schedule(URI planner, String token, Instant now, PrintStream console) {
        HttpClient http = ApiCalls.client();
        for (Map<String, Object> wedding : at(now)) {
            HttpRequest request = ApiCalls.post(planner.resolve("/api/weddings"), token, wedding);
            String what = wedding.get("id") + " (" + wedding.get("region") + ", " + wedding.get("startTime") + "–" + wedding.get("endTime") + " local)";
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                console.println(response.statusCode() / 100 == 2 ? "  wedding " + what
                        : "  ! wedding " + what + " not scheduled: HTTP " + response.statusCode() + " " + ApiCalls.abbreviated(response.body()));
            } catch (IOException e) {
                console.println("  ! wedding " + what + ": the planner did not answer");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
