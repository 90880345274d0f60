# Platform-specific CPack settings. Linux: the desktop entry and AppStream metadata are installed by app/gui.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "gnome-keyring | kwalletmanager")
