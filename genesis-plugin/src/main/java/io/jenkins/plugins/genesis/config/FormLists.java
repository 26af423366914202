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
        for (String field : LIST_FIELDS) {
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
