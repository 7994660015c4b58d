package dev.marquee.results.report.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.results.campaign.CampaignDefinition;
import dev.marquee.results.campaign.repository.CampaignTable;
import dev.marquee.results.config.TimeSource;
import dev.marquee.results.error.InvalidField;
import dev.marquee.results.error.NotFound;
import dev.marquee.results.experiment.AnalysisSettings;
import dev.marquee.results.experiment.Arm;
import dev.marquee.results.experiment.Experiment;
import dev.marquee.results.experiment.ExperimentAnalysis;
import dev.marquee.results.experiment.ExperimentResults;
import dev.marquee.results.ingest.repository.OutcomeTable;
import dev.marquee.results.report.CampaignReport;
import dev.marquee.results.report.ReportRange;
import dev.marquee.results.report.Split;
import dev.marquee.results.report.repository.ReportQueries;
import io.smallrye.mutiny.Uni;

/**
 * Builds a campaign's report: its arms from the definition (variants in order, then the control group when the
 * campaign holds users out), their figures for the range, and the experiment statistics of those arms against the
 * baseline (the control group, else variant A).
 */
@ApplicationScoped
public class CampaignReports {

    /** Ids as campaign-service makes and accepts them; anything else cannot name a campaign (and never reaches SQL). */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public static final String CONTROL_ID = "control";

    private final CampaignTable campaigns;
    private final ReportQueries queries;
    private final ExperimentAnalysis analysis = new ExperimentAnalysis(AnalysisSettings.DEFAULT);
    private final Clock clock;

    public CampaignReports(CampaignTable campaigns, ReportQueries queries, TimeSource time) {
        this.campaigns = campaigns;
        this.queries = queries;
        this.clock = time.clock();
    }

    /**
     * @throws NotFound for a campaign results never heard of, a deleted one, or one of another app
     * @throws InvalidField for a bad range or split
     */
    public Uni<CampaignReport> report(String appId, String campaignId, String from, String to, String split) {
        ReportRange range;
        Optional<Split> parts;
        try {
            range = ReportRange.parse(from, to, clock);
            parts = split == null ? Optional.empty() : Optional.of(Split.parse(split));
        } catch (InvalidField e) {
            return Uni.createFrom().failure(e);
        }
        if (!ID.matcher(appId).matches() || !ID.matcher(campaignId).matches()) {
            return Uni.createFrom().failure(new NotFound("Campaign " + campaignId));
        }
        return campaigns.find(appId, campaignId).chain(found -> {
            if (found.isEmpty() || found.get().deleted()) {
                return Uni.createFrom().failure(new NotFound("Campaign " + campaignId));
            }
            CampaignDefinition definition = found.get();
            return queries.figures(appId, campaignId, range, parts)
                    .map(figures -> build(definition, range, parts, figures));
        });
    }

    private CampaignReport build(CampaignDefinition definition, ReportRange range, Optional<Split> split,
            ReportQueries.Figures figures) {
        boolean hasControl = definition.controlPercent() > 0;
        List<CampaignReport.ArmReport> arms = arms(definition, figures.whole(), null, figures);
        List<CampaignReport.PartReport> parts = new ArrayList<>();
        split.ifPresent(s -> {
            ReportQueries.Parts byPart = figures.split().orElseThrow();
            Set<String> keys = new TreeSet<>(Comparator.nullsLast(Comparator.naturalOrder()));
            byPart.counters().keySet().forEach(k -> keys.add(k.part()));
            byPart.cohorts().keySet().forEach(k -> keys.add(k.part()));
            for (String key : keys) {
                parts.add(new CampaignReport.PartReport(key, arms(definition, byPart, key, null)));
            }
        });
        ExperimentResults experiment = null;
        String baseline = null;
        List<CampaignReport.ArmReport> compared = arms.stream().filter(a -> a.weight() > 0).toList();
        if (compared.size() >= 2) {
            // a variant literally named "control" would collide with the control group's id in the analysis
            String controlId = compared.stream().anyMatch(a -> !a.control() && a.id().equals(CONTROL_ID))
                    ? "(control)"
                    : CONTROL_ID;
            List<Arm> experimentArms = new ArrayList<>();
            for (CampaignReport.ArmReport arm : compared) {
                ReportQueries.Cohort cohort = figures.whole().cohorts()
                        .getOrDefault(new ReportQueries.PartKey(armKey(arm), null), ReportQueries.Cohort.NONE);
                experimentArms.add(new Arm(arm.control() ? controlId : arm.id(), arm.weight(), cohort.exposed(),
                        cohort.converted(), cohort.revenue().doubleValue(), cohort.revenueSquares().doubleValue()));
            }
            boolean controlCompared = hasControl && compared.stream().anyMatch(CampaignReport.ArmReport::control);
            experiment = analysis.analyse(controlCompared
                    ? Experiment.withControl(controlId, experimentArms)
                    : Experiment.withoutControl(experimentArms));
            baseline = experiment.baselineArmId();
        }
        return new CampaignReport(definition.appId(), definition.campaignId(), definition.name(),
                definition.version(), range.from(), range.to(), CampaignReport.Definitions.CURRENT, arms, experiment,
                baseline, split.map(Split::parameter).orElse(null), parts);
    }

    /** The arms in the campaign's order, then the control group when it holds users out; buttons only when given. */
    private static List<CampaignReport.ArmReport> arms(CampaignDefinition definition, ReportQueries.Parts parts,
            String part, ReportQueries.Figures buttons) {
        List<CampaignReport.ArmReport> arms = new ArrayList<>();
        for (CampaignDefinition.VariantArm variant : definition.variants()) {
            arms.add(arm(variant.id(), variant.id(), false, variant.weight(), parts, part, buttons));
        }
        if (definition.controlPercent() > 0) {
            arms.add(arm(CONTROL_ID, OutcomeTable.CONTROL_ARM, true, definition.controlPercent(), parts, part,
                    buttons));
        }
        return arms;
    }

    private static String armKey(CampaignReport.ArmReport arm) {
        return arm.control() ? OutcomeTable.CONTROL_ARM : arm.id();
    }

    private static CampaignReport.ArmReport arm(String id, String key, boolean control, int weight,
            ReportQueries.Parts parts, String part, ReportQueries.Figures figures) {
        ReportQueries.PartKey partKey = new ReportQueries.PartKey(key, part);
        ReportQueries.Counters counters = parts.counters().getOrDefault(partKey, ReportQueries.Counters.NONE);
        ReportQueries.Cohort cohort = parts.cohorts().getOrDefault(partKey, ReportQueries.Cohort.NONE);
        List<CampaignReport.ButtonReport> buttons = new ArrayList<>();
        if (figures != null) {
            for (Map.Entry<ReportQueries.ButtonKey, Long> clicks : figures.buttonClicks().entrySet()) {
                if (clicks.getKey().arm().equals(key)) {
                    buttons.add(new CampaignReport.ButtonReport(clicks.getKey().buttonId(), clicks.getValue(),
                            figures.buttonClickers().getOrDefault(clicks.getKey(), 0L)));
                }
            }
        }
        buttons.sort(Comparator.comparing(CampaignReport.ButtonReport::buttonId));
        long exposures = control ? counters.controlExposures() : counters.impressions();
        return new CampaignReport.ArmReport(id, control, weight, exposures, counters.impressions(), counters.clicks(),
                counters.dismissals(), counters.conversions(), counters.surveyAnswers(), cohort.exposed(),
                cohort.clickers(), rate(cohort.clickers(), cohort.exposed()), cohort.dismissers(), cohort.converted(),
                rate(cohort.converted(), cohort.exposed()), cohort.revenue().stripTrailingZeros().scale() < 0
                        ? cohort.revenue().setScale(0)
                        : cohort.revenue().stripTrailingZeros(),
                buttons);
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

}
