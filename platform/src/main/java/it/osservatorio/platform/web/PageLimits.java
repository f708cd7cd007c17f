package it.osservatorio.platform.web;

import java.util.List;

/** The {@code limit} query parameter of a paged search: a page size between 1 and a maximum. */
public final class PageLimits {

    private PageLimits() {}

    /**
     * @param limit the parameter as received; absent means {@code defaultLimit}
     * @param problems where a value that is not a whole number in range is reported, naming {@code limit}
     * @return the page size, or -1 when a problem was added
     */
    public static int parse(String limit, int defaultLimit, int max, List<FieldProblem> problems) {
        if (limit == null) {
            return defaultLimit;
        }
        int pageSize;
        try {
            pageSize = Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            pageSize = -1;
        }
        if (pageSize < 1 || pageSize > max) {
            problems.add(new FieldProblem("limit", "must be a whole number between 1 and " + max));
            return -1;
        }
        return pageSize;
    }
}
