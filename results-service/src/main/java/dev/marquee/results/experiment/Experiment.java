package dev.marquee.results.experiment;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The arms of one campaign's experiment, in the campaign's variant order (A first), the control group among them when
 * the campaign has one.
 */
public record Experiment(List<Arm> arms, Optional<String> controlArmId) {

    public Experiment {
        arms = List.copyOf(arms);
        if (arms.size() < 2) {
            throw new IllegalArgumentException("an experiment needs at least 2 arms, got " + arms.size());
        }
        var ids = new HashSet<String>();
        for (Arm arm : arms) {
            if (!ids.add(arm.id())) {
                throw new IllegalArgumentException("arm ids must be unique, " + arm.id() + " repeats");
            }
        }
        if (controlArmId.isPresent() && !ids.contains(controlArmId.get())) {
            throw new IllegalArgumentException("control arm " + controlArmId.get() + " is not among the arms");
        }
    }

    public static Experiment withControl(String controlArmId, List<Arm> arms) {
        return new Experiment(arms, Optional.of(controlArmId));
    }

    public static Experiment withoutControl(List<Arm> arms) {
        return new Experiment(arms, Optional.empty());
    }

    /** What every variant is compared with: the control group, or the first variant (A) when there is none. */
    public Arm baseline() {
        return controlArmId.map(id -> arms.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow())
                .orElse(arms.get(0));
    }
}
