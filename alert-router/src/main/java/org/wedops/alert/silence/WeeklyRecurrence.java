package org.wedops.alert.silence;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.wedops.alert.routing.WeeklyWindow;

/**
 * A silence's weekly window in people's words, as the API takes and shows it and the table keeps it, e.g.
 * {@code saturday}, 09:00–12:00, Europe/London.
 *
 * @param weekdays  e.g. {@code monday:friday} or {@code saturday}; none means every day
 * @param startTime HH:mm
 * @param endTime   HH:mm; before the start, the window runs past midnight
 * @param timeZone  an IANA zone
 */
public record WeeklyRecurrence(List<String> weekdays, String startTime, String endTime, String timeZone) {

    public static WeeklyRecurrence of(Silence.Recurrence recurrence) {
        return new WeeklyRecurrence(recurrence.window().days().stream().map(d -> d.name().toLowerCase()).toList(),
                recurrence.window().start().toString(), recurrence.window().end().toString(), recurrence.zone().getId());
    }

    /** @throws RuntimeException when a part is missing or malformed */
    public Silence.Recurrence toRecurrence() {
        return new Silence.Recurrence(new WeeklyWindow(WeeklyWindow.parseDays(weekdays), LocalTime.parse(startTime),
                LocalTime.parse(endTime)), ZoneId.of(timeZone));
    }
}
