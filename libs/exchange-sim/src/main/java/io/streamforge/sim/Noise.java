package io.streamforge.sim;

/**
 * Stateless, seeded pseudo-randomness with O(1) random access: every value is a hash of its
 * coordinates (SplitMix64 finaliser), so any trade of any day can be produced without generating
 * what came before it.
 */
final class Noise {
    private Noise() {}

    /** SplitMix64 finaliser: a bijective, well-mixed 64-bit hash. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long hash(long seed, long a, long b) {
        return mix(seed + mix(a + 0x9e3779b97f4a7c15L * mix(b + 0x632be59bd9b4e019L)));
    }

    static long hash(long seed, long a, long b, long c) {
        return hash(seed, a, mix(b) ^ (c * 0xd1b54a32d192ed03L));
    }

    /** Uniform in [0, 1). */
    static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [-sqrt 3, sqrt 3): mean 0, variance 1. */
    static double centered(long h) {
        return (unit(h) * 2.0 - 1.0) * 1.7320508075688772;
    }

    /**
     * Approximately standard normal (Irwin–Hall with 4 terms drawn from one hash and its remix).
     */
    static double gaussian(long h) {
        long h2 = mix(h);
        double s = (h & 0xFFFF) + ((h >>> 16) & 0xFFFF) + ((h2 >>> 32) & 0xFFFF) + (h2 >>> 48);
        return (s / 65_536.0 - 2.0) * 1.7320508075688772;
    }

    /** Stable 64-bit id of a text (FNV-1a then mixed), used to derive per-symbol streams. */
    static long id(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        return mix(h);
    }
}
