package org.independentstudy.process;

import java.util.Set;
import java.util.function.Predicate;

/**
 * What a model may refer to: the application's beans, and the forms, decisions and processes (by id) either in the
 * same deployment or deployed before.
 */
public record ModelReferences(Predicate<String> beans, Definitions forms, Definitions decisions,
                              Definitions processes) {

    /** Everything deployed at once, as the application deploys processes/ and forms/ at start-up. */
    public static ModelReferences oneDeployment(Predicate<String> beans, Set<String> forms, Set<String> decisions,
                                                Set<String> processes) {
        return new ModelReferences(beans, Definitions.only(forms), Definitions.only(decisions),
                Definitions.only(processes));
    }

    /** Definitions of one kind: the ids in this deployment, and whether an id was deployed before. */
    public record Definitions(Set<String> inDeployment, Predicate<String> deployedBefore) {

        public static Definitions only(Set<String> inDeployment) {
            return new Definitions(inDeployment, id -> false);
        }

        /** @param withDiagram the reference is bound to its own deployment, where the definition must then be */
        boolean exist(String id, boolean withDiagram) {
            return inDeployment.contains(id) || !withDiagram && deployedBefore.test(id);
        }
    }
}
