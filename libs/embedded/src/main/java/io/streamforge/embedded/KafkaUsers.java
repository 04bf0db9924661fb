package io.streamforge.embedded;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.SaslAuthenticationException;

/**
 * SCRAM users and ACLs of a secured {@link EmbeddedKafkaBroker}, managed through the Admin API as
 * the super user. Each call returns once the broker enforces the change (a new user can log in, new
 * ACLs are listed by the broker's authorizer).
 */
public final class KafkaUsers {
    private static final long TIMEOUT_S = 30;
    private static final int ITERATIONS = 4096;

    private final EmbeddedKafkaBroker broker;
    private final KafkaSecurity security;

    KafkaUsers(EmbeddedKafkaBroker broker, KafkaSecurity security) {
        this.broker = broker;
        this.security = security;
    }

    /** Creates (or changes the password of) a SCRAM-SHA-512 user and waits until it can log in. */
    public void createScramUser(String user, String password) {
        if (user == null || user.isBlank() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("user and password must not be empty");
        }
        try (Admin admin = broker.admin()) {
            admin.alterUserScramCredentials(
                            List.of(
                                    new UserScramCredentialUpsertion(
                                            user,
                                            new ScramCredentialInfo(
                                                    ScramMechanism.SCRAM_SHA_512, ITERATIONS),
                                            password)))
                    .all()
                    .get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create SCRAM user " + user + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating user " + user, e);
        }
        awaitLogin(user, password);
    }

    private void awaitLogin(String user, String password) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (true) {
            Map<String, Object> p = new HashMap<>(clientProperties(user, password));
            p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
            try (Admin a = Admin.create(p)) {
                a.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof SaslAuthenticationException)
                        || System.nanoTime() > deadline) {
                    throw new IllegalStateException("user " + user + " cannot log in: " + e, e);
                }
                pause(); // the credential has not reached the broker's cache yet
            } catch (TimeoutException e) {
                throw new IllegalStateException("user " + user + " cannot log in: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Adds ACLs and waits until the broker's authorizer lists every one of them. */
    public void addAcls(Collection<AclBinding> acls) {
        try (Admin admin = broker.admin()) {
            admin.createAcls(acls).all().get(TIMEOUT_S, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
            while (true) {
                Set<AclBinding> present =
                        new HashSet<>(
                                admin.describeAcls(AclBindingFilter.ANY)
                                        .values()
                                        .get(TIMEOUT_S, TimeUnit.SECONDS));
                if (present.containsAll(acls)) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("ACLs not applied within " + TIMEOUT_S + " s");
                }
                Thread.sleep(50);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot add ACLs: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted adding ACLs", e);
        }
    }

    /** Client properties (bootstrap, SASL_SSL, SCRAM-SHA-512, CA truststore) for a user. */
    public Map<String, Object> clientProperties(String user, String password) {
        return security.clientProperties(broker.bootstrapServers(), user, password);
    }
}
