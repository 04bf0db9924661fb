package io.streamforge.gnn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic lead-lag market with a signal that is only visible through the graph: leaders move
 * randomly; each follower's next return is its leader's current return plus small noise. A follower
 * is connected to its leader, so its label is predictable from the neighbour's latest return but
 * not from its own history (which makes persistence useless).
 */
record SyntheticMarket(List<String> names, double[][] close, double[][] volume, int[][] edges) {

    static SyntheticMarket generate(int leaders, int followersPerLeader, int steps, long seed) {
        Random rnd = new Random(seed);
        int nodes = leaders * (1 + followersPerLeader);
        double[][] returns = new double[nodes][steps];
        for (int t = 1; t < steps; t++) {
            for (int l = 0; l < leaders; l++) {
                returns[l][t] = 0.01 * rnd.nextGaussian();
            }
        }
        List<int[]> edges = new ArrayList<>();
        for (int l = 0; l < leaders; l++) {
            edges.add(new int[] {l, (l + 1) % leaders});
            for (int k = 0; k < followersPerLeader; k++) {
                int f = leaders + l * followersPerLeader + k;
                edges.add(new int[] {l, f});
                for (int t = 2; t < steps; t++) {
                    returns[f][t] = returns[l][t - 1] + 0.003 * rnd.nextGaussian();
                }
            }
        }
        double[][] close = new double[nodes][steps];
        double[][] volume = new double[nodes][steps];
        List<String> names = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            names.add((n < leaders ? "LEAD" : "FOLL") + n + "USDT");
            close[n][0] = 100 + n;
            for (int t = 0; t < steps; t++) {
                if (t > 0) {
                    close[n][t] = close[n][t - 1] * Math.exp(returns[n][t]);
                }
                volume[n][t] = 1000 * Math.exp(0.3 * rnd.nextGaussian());
            }
        }
        return new SyntheticMarket(names, close, volume, edges.toArray(new int[0][]));
    }

    GnnDataset dataset(DatasetConfig config) {
        return GnnDataset.fromSeries(names, close, volume, edges, config);
    }
}
