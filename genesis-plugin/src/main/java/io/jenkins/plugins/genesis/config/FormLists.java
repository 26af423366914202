package io.jenkins.plugins.genesis.config;

import java.util.Arrays;
import java.util.Set;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;

/**
 * The form shows each list of an environment (approvers, allowed branches, ...) in one text box;
 * before the submitted page is bound, each such text becomes the list it stands for, so that the
 * configuration classes hold lists, as Configuration as Code gives them. Only the form's typing
 * convention lives here: entries separated by commas or white space, blanks dropped.
 */
final class FormLists {

    static final Set<String> LIST_FIELDS =
            Set.of("approvers", "approverGroups", "allowedBranches", "allowedTags", "requiresPassed");

    static final String SEPARATORS = "[,\\s]+";

    private FormLists() {}

    /** The submitted environments (one object or an array of them) with list texts split. */
    static Object split(Object environments) {
        if (environments instanceof JSONObject single) {
            splitFields(single);
        } else if (environments instanceof JSONArray many) {
            for (Object environment : many) {
                if (environment instanceof JSONObject object) {
                    splitFields(object);
                }
            }
        }
        return environments;
    }

    private static void splitFields(JSONObject environment) {
        split(environment, LIST_FIELDS);
        // Each notification target's events are one text box too.
        Object notify = environment.opt("notify");
        if (notify instanceof JSONObject single) {
            split(single, Set.of("events"));
        } else if (notify instanceof JSONArray many) {
            for (Object target : many) {
                if (target instanceof JSONObject object) {
                    split(object, Set.of("events"));
                }
            }
        }
    }

    private static void split(JSONObject environment, Set<String> fields) {
        for (String field : fields) {
            Object value = environment.opt(field);
            if (value instanceof String text) {
                JSONArray entries = new JSONArray();
                Arrays.stream(text.split(SEPARATORS))
                        .filter(entry -> !entry.isEmpty())
                        .forEach(entries::add);
                environment.put(field, entries);
            }
        }
    }
}
