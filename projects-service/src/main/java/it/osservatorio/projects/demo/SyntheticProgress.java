package it.osservatorio.projects.demo;

import it.osservatorio.projects.project.domain.Expenditure;
import it.osservatorio.projects.project.domain.ExpenditureCategory;
import it.osservatorio.projects.project.domain.Milestone;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Generated progress for the demo, so that dashboards and indicators have something to show: for {@value
 * #PER_AXIS} projects of each axis of the pact, three or four milestones and two to five expenditures, every one
 * marked {@code synthetic}. Seeded ({@value #SEED}), so the same dataset always gives the same plan; projects for
 * which the sources print an amount get none. All dates lie between 2024-01-01 and {@link #LAST_DATE}.
 */
public final class SyntheticProgress {

    static final long SEED = 20070701L;
    static final int PER_AXIS = 2;
    static final LocalDate LAST_DATE = LocalDate.of(2026, 10, 31);
    static final String NOTE = "Spesa sintetica generata per la demo (ADR 0022)";

    private static final String[] MILESTONE_TITLES = {
        "Avvio delle attività", "Prima fase completata", "Seconda fase completata", "Chiusura delle attività"
    };

    private SyntheticProgress() {}

    /** A project's generated progress; milestones carry the actual date they are reached on, if any. */
    public record Plan(List<Milestone> milestones, List<Expenditure> expenditures) {}

    /** The plan per demo project id, in dataset order. */
    public static Map<String, Plan> plan(DemoDataset dataset) {
        Random random = new Random(SEED);
        Map<Integer, List<DemoDataset.DemoProject>> byAxis = new TreeMap<>();
        dataset.projects().stream()
                .filter(p -> p.programme() == null && p.axis() != null && !p.printedAmounts())
                .sorted(Comparator.comparing(DemoDataset.DemoProject::id))
                .forEach(p ->
                        byAxis.computeIfAbsent(p.axis(), a -> new ArrayList<>()).add(p));
        Map<String, Plan> plans = new LinkedHashMap<>();
        for (List<DemoDataset.DemoProject> candidates : byAxis.values()) {
            List<DemoDataset.DemoProject> pool = new ArrayList<>(candidates);
            for (int i = 0; i < PER_AXIS && !pool.isEmpty(); i++) {
                DemoDataset.DemoProject chosen = pool.remove(random.nextInt(pool.size()));
                plans.put(chosen.id(), plan(chosen, random));
            }
        }
        Map<String, Plan> ordered = new LinkedHashMap<>();
        dataset.projects().stream()
                .filter(p -> plans.containsKey(p.id()))
                .forEach(p -> ordered.put(p.id(), plans.get(p.id())));
        return ordered;
    }

    private static Plan plan(DemoDataset.DemoProject project, Random random) {
        List<Milestone> milestones = new ArrayList<>();
        int count = 3 + random.nextInt(2);
        LocalDate planned = LocalDate.of(2024, 1, 15).plusDays(random.nextInt(330));
        for (int i = 0; i < count; i++) {
            String title = MILESTONE_TITLES[i == count - 1 ? MILESTONE_TITLES.length - 1 : i] + " (sintetica)";
            LocalDate actual = null;
            if (planned.isBefore(LocalDate.of(2026, 7, 1)) && random.nextInt(10) < 8) {
                actual = planned.plusDays(random.nextInt(56) - 10);
                if (actual.isAfter(LAST_DATE)) {
                    actual = LAST_DATE;
                }
            }
            milestones.add(new Milestone("SYN-M" + (i + 1), title, planned, actual, true));
            planned = planned.plusDays(120 + random.nextInt(121));
        }
        List<LocalDate> dates = new ArrayList<>();
        int expenditures = 2 + random.nextInt(4);
        long span = LAST_DATE.toEpochDay() - LocalDate.of(2024, 2, 1).toEpochDay();
        for (int i = 0; i < expenditures; i++) {
            dates.add(LocalDate.ofEpochDay(LocalDate.of(2024, 2, 1).toEpochDay() + random.nextLong(span + 1)));
        }
        dates.sort(Comparator.naturalOrder());
        ExpenditureCategory[] categories = ExpenditureCategory.values();
        List<Expenditure> spent = new ArrayList<>();
        String prefix = "exp-synthetic-" + project.referenceId().toLowerCase(Locale.ROOT) + "-";
        for (int i = 0; i < dates.size(); i++) {
            long cents = 200_000L + random.nextLong(5_800_001L);
            spent.add(Expenditure.spent(
                    prefix + (i + 1),
                    dates.get(i),
                    BigDecimal.valueOf(cents, 2),
                    categories[random.nextInt(categories.length)],
                    NOTE,
                    true));
        }
        return new Plan(List.copyOf(milestones), List.copyOf(spent));
    }
}
