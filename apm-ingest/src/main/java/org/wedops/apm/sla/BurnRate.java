package org.wedops.apm.sla;

/** How fast bad requests use up an objective's error budget: 1 means exactly as fast as the objective allows. */
public final class BurnRate {

    private BurnRate() {
    }

    /** Requests and bad requests over some windows; {@code bad} is fractional when estimated from a sketch. */
    public record Totals(long requests, double bad) {

        public static final Totals NONE = new Totals(0, 0);

        public Totals plus(long moreRequests, double moreBad) {
            return new Totals(requests + moreRequests, bad + moreBad);
        }

        public double badShare() {
            return requests == 0 ? 0 : bad / requests;
        }
    }

    public static double of(Totals totals, double budget) {
        return totals.badShare() / budget;
    }

    /** Both windows burn at least at the threshold; no requests in a window never fires. */
    public static boolean burning(Totals shortWindow, Totals longWindow, double budget, double threshold) {
        return shortWindow.requests() > 0 && longWindow.requests() > 0
                && of(shortWindow, budget) >= threshold && of(longWindow, budget) >= threshold;
    }
}
