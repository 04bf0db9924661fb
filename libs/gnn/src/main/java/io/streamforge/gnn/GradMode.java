package io.streamforge.gnn;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch keeps its grad mode per thread, and it is on by default; DJL turns it off only on the
 * thread that loads the engine. Training updates parameters in place (Adam), which PyTorch refuses
 * on leaves that require gradients while grad mode is on, and inference should not record graphs.
 * So every thread that trains or predicts turns it off first; {@code GradientCollector} turns it on
 * for the forward/backward pass and restores it on close.
 */
final class GradMode {
    private GradMode() {}

    /** Turns grad mode off on the calling thread (PyTorch engine; a no-op on other engines). */
    static void offOnThisThread() {
        if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
            JniUtils.setGradMode(false);
        }
    }
}
