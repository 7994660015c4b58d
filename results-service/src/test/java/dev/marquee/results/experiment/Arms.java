package dev.marquee.results.experiment;

import java.util.List;

/** Small fixtures: arms with a 1:1 weight unless said otherwise. */
final class Arms {

    private Arms() {
    }

    static Arm arm(String id, long exposed, long converted) {
        return Arm.of(id, 1, exposed, converted);
    }

    static Experiment controlAnd(Arm control, Arm... variants) {
        var arms = new java.util.ArrayList<Arm>();
        arms.add(control);
        arms.addAll(List.of(variants));
        return Experiment.withControl(control.id(), arms);
    }

    static ExperimentResults analyse(Experiment experiment) {
        return new ExperimentAnalysis(AnalysisSettings.DEFAULT).analyse(experiment);
    }

    static VariantComparison only(ExperimentResults results) {
        if (results.comparisons().size() != 1) {
            throw new IllegalStateException("expected one comparison, got " + results.comparisons().size());
        }
        return results.comparisons().get(0);
    }
}
