package dev.groundwork.config;

/** A {@code groundwork.*} key names no setting: the start stops rather than run with the default it meant to change. */
class UnknownSettingException extends RuntimeException {

    UnknownSettingException(SettingKeys.Unknown unknown) {
        super("There is no setting '" + unknown.key() + "' (set in " + unknown.source() + ")");
    }
}
