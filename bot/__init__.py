"""Bot Framework glue. Importing the package first defers the Recognizers-Text modules that
botbuilder.dialogs would load and Regrets never uses (bot/lean_imports.py: about 17 MB per process)."""

from bot.lean_imports import defer_recognizers

defer_recognizers()
