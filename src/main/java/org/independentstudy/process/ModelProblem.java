package org.independentstudy.process;

/**
 * What is wrong in a model: the resource (file name), the id of the element at fault, and a sentence naming
 * that element and the problem.
 */
public record ModelProblem(String resource, String elementId, String message) {

    @Override
    public String toString() {
        return resource + " " + message;
    }
}
