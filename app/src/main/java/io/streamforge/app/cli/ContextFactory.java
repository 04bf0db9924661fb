package io.streamforge.app.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Creates command objects for picocli, handing the {@link CliContext} to every class that has a
 * constructor taking one; anything else (converters, version provider) comes from picocli's default
 * factory.
 */
final class ContextFactory implements CommandLine.IFactory {
    private final CliContext context;

    ContextFactory(CliContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        Constructor<K> withContext;
        try {
            withContext = cls.getDeclaredConstructor(CliContext.class);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(cls);
        }
        withContext.setAccessible(true);
        return withContext.newInstance(context);
    }
}
