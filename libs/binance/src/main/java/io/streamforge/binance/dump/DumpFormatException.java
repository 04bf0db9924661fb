package io.streamforge.binance.dump;

import io.streamforge.domain.PermanentException;

/** A verified archive whose content cannot be parsed; the message names file, line and column. */
public class DumpFormatException extends PermanentException {
    public DumpFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
