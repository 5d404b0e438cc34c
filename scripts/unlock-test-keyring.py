#!/usr/bin/python3
"""Unlocks the throwaway test keyring of scripts/with-private-keychain.sh without restarting gnome-keyring.

gnome-keyring unlocks only through a prompt or its private master-password call, which needs a Secret Service
session opened on the same D-Bus connection; dbus-send and gdbus open a new connection per call, so this uses
Debian's python3-dbus. Tests use it to unlock the keyring they locked; it never runs against a person's keyring.
"""
import sys

import dbus

if __name__ == "__main__":
    password = sys.argv[1] if len(sys.argv) > 1 else "throwaway"
    bus = dbus.SessionBus()
    service = bus.get_object("org.freedesktop.secrets", "/org/freedesktop/secrets")
    _, session = dbus.Interface(service, "org.freedesktop.Secret.Service").OpenSession(
        "plain", dbus.String("", variant_level=1)
    )
    internal = dbus.Interface(service, "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface")
    internal.UnlockWithMasterPassword(
        dbus.ObjectPath("/org/freedesktop/secrets/collection/login"),
        dbus.Struct((session, dbus.ByteArray(b""), dbus.ByteArray(password.encode()), "text/plain")),
    )
