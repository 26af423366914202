package io.genesis.core.approval;

/**
 * Who did something, in one wording for records and messages: the name a person gave (with
 * {@code --initiator}, {@code --approve-as}, {@code --by}) beside the account the host knows (the
 * operating-system user of the command line, the authenticated Jenkins user). Names are only
 * claimed; the account is what the host vouches for.
 */
public final class Actor {

    private Actor() {}

    /** {@code alice} when the name is the account, else {@code alice (account ci-runner)}. */
    public static String describe(String name, String account) {
        return account == null || account.isBlank() || account.equals(name)
                ? name
                : name + " (account " + account + ")";
    }
}
