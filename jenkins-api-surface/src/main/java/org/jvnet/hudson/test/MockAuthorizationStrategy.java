package org.jvnet.hudson.test;

import hudson.model.Item;
import hudson.security.ACL;
import hudson.security.AuthorizationStrategy;
import hudson.security.Permission;
import java.util.Collection;

/**
 * The test harness's authorization strategy: grants listed permissions to listed users, everywhere or on
 * some items. Mirrors {@code org.jenkins-ci.main:jenkins-test-harness:2578.v44660312fd37}; of its members only
 * those the plugin's tests use.
 */
public class MockAuthorizationStrategy extends AuthorizationStrategy {

    public MockAuthorizationStrategy() {
        throw new UnsupportedOperationException();
    }

    /** Begins granting {@code permissions} (and those they imply). */
    public Grant grant(Permission... permissions) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ACL getRootACL() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Collection<String> getGroups() {
        throw new UnsupportedOperationException();
    }

    /** Permissions being granted: where. */
    public class Grant {

        private Grant() {
            throw new UnsupportedOperationException();
        }

        public GrantOn everywhere() {
            throw new UnsupportedOperationException();
        }

        public GrantOn onItems(Item... items) {
            throw new UnsupportedOperationException();
        }

        /** Permissions being granted somewhere: to whom. */
        public class GrantOn {

            private GrantOn() {
                throw new UnsupportedOperationException();
            }

            public MockAuthorizationStrategy to(String... sids) {
                throw new UnsupportedOperationException();
            }
        }
    }
}
