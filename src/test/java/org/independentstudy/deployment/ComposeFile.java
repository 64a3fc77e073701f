package org.independentstudy.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * {@code docker/docker-compose.yml} (or an override of it) read as Docker Compose reads it, without a Docker engine:
 * a service's settings, with the {@code ${VARIABLE}} substitutions compose makes from the shell's variables.
 */
final class ComposeFile {

    static final Path PATH = Path.of("docker/docker-compose.yml");
    /** Issue 13.2: the override that runs several nodes behind a load balancer. */
    static final Path NODES = Path.of("docker/docker-compose.nodes.yml");
    /** What compose's {@code !reset} tag reads as: the value the files before set is dropped. */
    static final String RESET = "!reset";
    /** The shell variables of the README's command {@code DEMO_DATA=true COMPOSE_PROFILES=demo docker compose ...}. */
    static final Map<String, String> README_DEMO_SHELL = Map.of("DEMO_DATA", "true", "COMPOSE_PROFILES", "demo");

    /** {@code $$}, {@code ${NAME}}, {@code ${NAME<op>word}} (op one of {@code :- - :? ? :+ +}) and {@code $NAME}. */
    private static final Pattern VARIABLE = Pattern.compile(
            "\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private final Path path;
    private final Map<String, Object> compose;

    private ComposeFile(Path path, Map<String, Object> compose) {
        this.path = path;
        this.compose = compose;
    }

    static ComposeFile read() {
        return read(PATH);
    }

    static ComposeFile read(Path path) {
        try {
            return new ComposeFile(path, new Yaml(new ComposeTags()).load(Files.readString(path)));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
    }

    Map<String, Object> root() {
        return compose;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> service(String name) {
        Map<String, Object> service = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
        if (service == null) {
            throw new IllegalStateException(path + " has no service " + name);
        }
        return service;
    }

    /** The service's environment as its container gets it, when compose runs with these shell variables. */
    @SuppressWarnings("unchecked")
    Map<String, String> environment(String serviceName, Map<String, String> shell) {
        Map<String, String> environment = new LinkedHashMap<>();
        ((Map<String, Object>) service(serviceName).get("environment")).forEach((name, value) ->
                environment.put(name, value == null ? "" : substitute(String.valueOf(value), shell)));
        return environment;
    }

    /** Compose's interpolation: an unset variable is empty, {@code :-} also replaces an empty one, and so on. */
    static String substitute(String value, Map<String, String> shell) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(result, Matcher.quoteReplacement(resolve(m, shell)));
        }
        return m.appendTail(result).toString();
    }

    private static String resolve(Matcher m, Map<String, String> shell) {
        if (m.group().equals("$$")) {
            return "$";
        }
        String name = m.group(1) != null ? m.group(1) : m.group(4);
        String operator = m.group(2);
        String word = m.group(3);
        if (word != null && word.contains("$")) {
            throw new IllegalArgumentException("nested substitution is not modelled here: " + m.group());
        }
        String set = shell.get(name);
        boolean unset = set == null || (operator != null && operator.startsWith(":") && set.isEmpty());
        if (operator == null) {
            return set == null ? "" : set;
        }
        return switch (operator.substring(operator.length() - 1)) {
            case "-" -> unset ? word : set;
            case "+" -> unset ? "" : word;
            default -> {
                if (unset) {
                    throw new IllegalArgumentException("required variable " + name + " is missing a value: " + word);
                }
                yield set;
            }
        };
    }

    /** Plain YAML, and compose's own tag {@code !reset}, read as {@link #RESET}. */
    private static final class ComposeTags extends SafeConstructor {

        ComposeTags() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag(RESET), new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return RESET;
                }
            });
        }
    }
}
