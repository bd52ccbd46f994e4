"""One module per ``jcm-pdd`` subcommand; each exposes ``register(subparsers)``.

Keep these modules thin: parse arguments, call the core, format output. They must not import
PySide6 at module level (``open`` imports the GUI only when it runs).
"""
