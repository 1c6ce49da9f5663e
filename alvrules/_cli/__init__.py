"""Handlers of the CLI's commands, one module each, imported on demand."""
