"""LoyalDesk's override of PyInstaller's hook for PySide6.QtGui (see loyaldesk.spec: hookspath).

It collects the same files as the stock hook, minus two plugins the app does not use:

* the Qt Virtual Keyboard input context (platforminputcontexts/*qtvirtualkeyboardplugin*),
  which drags Qt Quick, Qt Qml and Qt Virtual Keyboard (~17 MiB on Linux) into the bundle;
* the GTK3 platform theme (platformthemes/*qgtk3*, Linux), which links the system GTK
  but would run against the build machine's cairo/pango/gdk-pixbuf copies in the bundle.
  Without it Qt uses its own (xdg-desktop-portal or generic) theme and dialogs.

Binary dependency analysis runs after the hooks, so the libraries only these plugins
need are never collected.
"""

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

UNUSED_PLUGINS = ("qtvirtualkeyboardplugin", "qgtk3")

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [
    (src, dest) for src, dest in binaries
    if not any(name in src.replace("\\", "/").rsplit("/", 1)[-1] for name in UNUSED_PLUGINS)
]
