package io.genesis.benchmarks.gate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Word pools for names that look like a real Java shop's: modules, packages, classes, methods,
 * log lines. Everything is drawn from one seeded random source, so a set is reproducible.
 */
final class Vocabulary {

    static final List<String> MODULES = List.of(
            "orders",
            "billing",
            "catalog",
            "checkout",
            "inventory",
            "shipping",
            "accounts",
            "pricing",
            "search",
            "payments",
            "notifications",
            "reporting",
            "loyalty",
            "returns",
            "gateway",
            "identity",
            "reviews",
            "recommendations",
            "tax",
            "warehouse",
            "fulfilment",
            "analytics",
            "audit",
            "scheduler",
            "content",
            "media",
            "promotions",
            "subscriptions",
            "invoicing",
            "ledger",
            "fraud",
            "support",
            "partners",
            "marketplace",
            "logistics",
            "customers",
            "sessions",
            "carts",
            "webhooks",
            "exports");

    static final List<String> FEATURES = List.of(
            "api",
            "domain",
            "service",
            "persistence",
            "web",
            "client",
            "events",
            "config",
            "mapping",
            "validation",
            "rules",
            "cache",
            "batch",
            "security",
            "util",
            "model",
            "query",
            "command",
            "adapter",
            "job");

    static final List<String> NOUNS = List.of(
            "Order",
            "Invoice",
            "Cart",
            "Price",
            "Coupon",
            "Customer",
            "Shipment",
            "Ledger",
            "Token",
            "Session",
            "Product",
            "Stock",
            "Refund",
            "Discount",
            "Address",
            "Payment",
            "Report",
            "Rule",
            "Event",
            "Account",
            "Parcel",
            "Basket",
            "Voucher",
            "Tariff",
            "Currency",
            "Receipt",
            "Label",
            "Quota",
            "Review",
            "Tenant",
            "Subscription",
            "Warehouse",
            "Carrier",
            "Promotion",
            "Journal",
            "Batch",
            "Export",
            "Webhook");

    static final List<String> ROLES = List.of(
            "Service",
            "Repository",
            "Controller",
            "Mapper",
            "Validator",
            "Calculator",
            "Client",
            "Handler",
            "Parser",
            "Policy",
            "Factory",
            "Resolver",
            "Scheduler",
            "Cache",
            "Formatter",
            "Listener",
            "Gateway",
            "Importer",
            "Exporter",
            "Builder",
            "Registry",
            "Filter",
            "Converter",
            "Aggregator");

    static final List<String> VERBS = List.of(
            "returns",
            "rejects",
            "computes",
            "handles",
            "keeps",
            "creates",
            "updates",
            "deletes",
            "finds",
            "ignores",
            "retries",
            "parses",
            "renders",
            "maps",
            "validates",
            "rounds",
            "sorts",
            "merges",
            "splits",
            "caches",
            "publishes",
            "skips",
            "accepts",
            "refunds",
            "charges",
            "ships",
            "cancels",
            "locks");

    static final List<String> QUALIFIERS = List.of(
            "Empty",
            "Negative",
            "Expired",
            "Duplicate",
            "Unknown",
            "Large",
            "Partial",
            "Missing",
            "Invalid",
            "Foreign",
            "Zero",
            "Null",
            "Cached",
            "Stale",
            "Locked",
            "Pending",
            "Archived",
            "Default");

    static final List<String> CONDITIONS = List.of("When", "For", "After", "Before", "Without", "With", "On", "If");

    static final List<String> LOG_LEVELS = List.of("INFO ", "INFO ", "INFO ", "DEBUG", "DEBUG", "WARN ", "ERROR");

    static final List<String> THREADS = List.of(
            "main",
            "main",
            "pool-1-thread-1",
            "pool-2-thread-3",
            "ForkJoinPool.commonPool-worker-1",
            "HikariPool-1 housekeeper",
            "kafka-producer-network-thread | producer-1",
            "scheduling-1");

    /** Words with non-ASCII letters: real logs carry them, and a byte-level reader must cope. */
    static final List<String> WORLD = List.of(
            "Größe",
            "café",
            "Müller",
            "São Paulo",
            "東京",
            "Zürich",
            "naïve",
            "Ørsted",
            "Łódź",
            "crème brûlée",
            "señor",
            "Δelta",
            "München",
            "Köln",
            "Straße");

    private final SplittableRandom random;

    Vocabulary(SplittableRandom random) {
        this.random = random;
    }

    String pick(List<String> words) {
        return words.get(random.nextInt(words.size()));
    }

    int between(int lowInclusive, int highInclusive) {
        return random.nextInt(lowInclusive, highInclusive + 1);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    double nextDouble() {
        return random.nextDouble();
    }

    long nextLong() {
        return random.nextLong();
    }

    /** A camel-case test or production method name, for example {@code rejectsExpiredCouponWhenCartIsEmpty}. */
    String methodName() {
        StringBuilder name = new StringBuilder(pick(VERBS));
        if (chance(0.6)) {
            name.append(pick(QUALIFIERS));
        }
        name.append(pick(NOUNS));
        if (chance(0.5)) {
            name.append(pick(CONDITIONS)).append(pick(NOUNS));
            if (chance(0.4)) {
                name.append("Is").append(pick(QUALIFIERS));
            }
        }
        return name.toString();
    }

    /** A lower-camel production method name, for example {@code computeTotal}. */
    String productionMethodName() {
        // Production code says "compute", "retry", "publish"; tests say "computes", "retries", "publishes".
        String verb = pick(VERBS);
        String stem;
        if (verb.endsWith("ies")) {
            stem = verb.substring(0, verb.length() - 3) + "y";
        } else if (verb.endsWith("shes") || verb.endsWith("sses")) {
            stem = verb.substring(0, verb.length() - 2);
        } else {
            stem = verb.substring(0, verb.length() - 1);
        }
        return stem + pick(NOUNS);
    }
}
